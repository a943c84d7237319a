package io.stancewire.api;

import java.util.Map;

import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestQuery;

import io.smallrye.mutiny.Uni;
import io.stancewire.api.security.ApiKeyAuthenticationMechanism;

/**
 * The read API of another instance of the service, as a Quarkus REST client built per instance by
 * {@link PeerForwarder} (its base URI is the instance's {@code application-server}).
 */
public interface PeerApi {

    /**
     * {@code GET} on {@code path} (already percent-encoded, as this instance received it, without the leading
     * slash), with {@code query}; a null header is not sent. The answer comes back as it is, whatever its status.
     */
    @GET
    @Path("{path}")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> get(@PathParam("path") @Encoded String path, @RestQuery Map<String, String> query,
            @HeaderParam(ApiKeyAuthenticationMechanism.HEADER) String apiKey,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
