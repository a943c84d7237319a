package io.stancewire.api;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestResponse;

import io.stancewire.stance.Lookup;

/**
 * Maps what the query layer found ({@link Lookup}) to HTTP, the one place that does: found here, the entity;
 * held by another instance, that instance's own answer to the same request; not found, a 404 problem.
 */
@ApplicationScoped
public class LookupAnswers {

    @Inject
    PeerForwarder peers;

    /** The problem a lookup that found nothing answers. */
    public record Missing(ProblemType type, String detail) {
    }

    /** {@code 200} with the entity {@code body} makes of the value (JSON), or the peer's answer, or the problem. */
    public <T> Response respond(Lookup<T> lookup, Function<T, ?> body, Missing missing, UriInfo request,
            HttpHeaders caller) {
        if (lookup instanceof Lookup.Found<T> found) {
            return Response.ok(body.apply(found.value())).build();
        }
        if (lookup instanceof Lookup.HeldElsewhere<T> elsewhere) {
            return peers.forward(elsewhere.instance(), request, caller).toResponse();
        }
        throw notFound(missing);
    }

    /** As {@link #respond}, with the body already JSON bytes (its writer chosen at build time, not per request). */
    public <T> RestResponse<byte[]> respondBytes(Lookup<T> lookup, Function<T, byte[]> body, Missing missing,
            UriInfo request, HttpHeaders caller) {
        if (lookup instanceof Lookup.Found<T> found) {
            return RestResponse.ok(body.apply(found.value()));
        }
        if (lookup instanceof Lookup.HeldElsewhere<T> elsewhere) {
            return peers.forward(elsewhere.instance(), request, caller).toRestResponse();
        }
        throw notFound(missing);
    }

    private static ProblemMappers.NotFoundProblem notFound(Missing missing) {
        return new ProblemMappers.NotFoundProblem(missing.type(), missing.detail());
    }
}
