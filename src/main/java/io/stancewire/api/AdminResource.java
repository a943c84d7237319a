package io.stancewire.api;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import io.stancewire.api.security.Roles;
import io.stancewire.ingest.AnalyzerHolder;

/** Administration; every call needs the {@code admin} role. */
@Path("/api/v1/admin")
@Tag(name = "admin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class AdminResource {

    private static final Logger LOG = Logger.getLogger(AdminResource.class);

    @Inject
    AnalyzerHolder analysis;

    @POST
    @Path("/leader-registry/reload")
    @Operation(summary = "Read the leader registry again", description = "Later analyses use the registry file "
            + "(stancewire.analysis.registry, else the built-in one) as it is now; the CoreNLP models stay loaded. "
            + "422 when the file cannot be read (the previous registry stays in use).")
    public Map<String, Object> reloadLeaderRegistry(@Context SecurityContext caller) {
        LOG.infof("Leader registry reload requested by %s", caller.getUserPrincipal().getName());
        return Map.of("entries", analysis.reloadRegistry());
    }
}
