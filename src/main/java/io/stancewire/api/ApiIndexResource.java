package io.stancewire.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.stancewire.api.security.Roles;

/**
 * {@code GET /api/v1}: the endpoints of the API, a constant (discovery for clients; the REST benchmark's baseline,
 * since it goes through the same HTTP, security and JSON stack as the other reads without touching a store).
 */
@Path("/api/v1")
@Tag(name = "index")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READER)
public class ApiIndexResource {

    /** One endpoint: method and path (relative to /api/v1). */
    public record Endpoint(String method, String path) {
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST", "/analyze"),
            new Endpoint("POST", "/articles"),
            new Endpoint("GET", "/articles/{id}"),
            new Endpoint("GET", "/leaders"),
            new Endpoint("GET", "/leaders/{id}"),
            new Endpoint("GET", "/leaders/{id}/timeline"),
            new Endpoint("GET", "/leaders/{id}/relations"),
            new Endpoint("GET", "/leaders/{id}/relations/{targetId}/timeline"),
            new Endpoint("GET", "/leaders/{id}/portrayal"),
            new Endpoint("GET", "/leaders/stream"),
            new Endpoint("POST", "/admin/leader-registry/reload"));

    @GET
    @Operation(summary = "The endpoints of this API")
    public List<Endpoint> endpoints() {
        return ENDPOINTS;
    }
}
