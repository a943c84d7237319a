package io.stancewire.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.stancewire.api.security.ApiKeyAuthenticationMechanism;
import io.stancewire.ingest.AnalysisRunner;
import io.stancewire.ingest.AnalyzerHolder;
import io.stancewire.ingest.AnalysisTimeoutException;
import io.stancewire.ingest.IngestMetrics;
import io.stancewire.ingest.InvalidArticleException;
import io.stancewire.stance.StanceQueries;

/** Every error answers {@code application/problem+json}. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    IngestMetrics metrics;

    @ServerExceptionMapper
    public Response invalidArticle(InvalidArticleException e, UriInfo uri) {
        ProblemType type = switch (e.reason()) {
            case NOT_UTF8, NOT_JSON, NOT_AN_OBJECT -> ProblemType.MALFORMED_ARTICLE;
            case TOO_LARGE -> ProblemType.ARTICLE_TOO_LARGE;
            case UNSUPPORTED_LANGUAGE, NO_SENTENCES -> ProblemType.ARTICLE_NOT_ANALYSABLE;
            default -> ProblemType.INVALID_ARTICLE;
        };
        metrics.refused(e);
        return Problem.response(type, e.getMessage(), path(uri), e.field());
    }

    @ServerExceptionMapper
    public Response timedOut(AnalysisTimeoutException e, UriInfo uri) {
        return Problem.response(ProblemType.ANALYSIS_TIMED_OUT, e.getMessage(), path(uri), "body");
    }

    @ServerExceptionMapper
    public Response registryReload(AnalyzerHolder.RegistryReloadException e, UriInfo uri) {
        return Problem.response(ProblemType.REGISTRY_NOT_RELOADED, e.getMessage(), path(uri));
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return Response.fromResponse(Problem.response(ProblemType.UNAUTHORIZED, "this request needs an API key (header "
                + ApiKeyAuthenticationMechanism.HEADER + ") or a bearer token", path(uri)))
                .header("WWW-Authenticate", "ApiKey header=\"" + ApiKeyAuthenticationMechanism.HEADER + "\"").build();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return Response.fromResponse(Problem.response(ProblemType.UNAUTHORIZED, "the API key or token is not valid",
                path(uri))).header("WWW-Authenticate", "ApiKey header=\"" + ApiKeyAuthenticationMechanism.HEADER
                        + "\"").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problem.response(ProblemType.FORBIDDEN, "these credentials do not allow this request", path(uri));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundProblem e, UriInfo uri) {
        return Problem.response(e.type, e.getMessage(), path(uri));
    }

    @ServerExceptionMapper
    public Response badParameter(BadParameterProblem e, UriInfo uri) {
        return Problem.response(ProblemType.INVALID_PARAMETER, e.getMessage(), path(uri));
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return Problem.response(ProblemType.MALFORMED_JSON, e.getOriginalMessage(), path(uri));
    }

    @ServerExceptionMapper
    public Response storeUnavailable(StanceQueries.StoreUnavailableException e, UriInfo uri) {
        return Response.fromResponse(Problem.response(ProblemType.NOT_READY, e.getMessage(), path(uri)))
                .header("Retry-After", "5").build();
    }

    @ServerExceptionMapper
    public Response peerUnavailable(PeerForwarder.PeerUnavailableException e, UriInfo uri) {
        return Response.fromResponse(Problem.response(ProblemType.PEER_UNAVAILABLE, e.getMessage(), path(uri)))
                .header("Retry-After", "5").build();
    }

    @ServerExceptionMapper
    public Response busy(AnalysisRunner.BusyException e, UriInfo uri) {
        return Response.fromResponse(Problem.response(ProblemType.BUSY, e.getMessage(), path(uri)))
                .header("Retry-After", "5").build();
    }

    @ServerExceptionMapper
    public Response modelsUnavailable(AnalyzerHolder.ModelsUnavailableException e, UriInfo uri) {
        return Response.fromResponse(Problem.response(ProblemType.ANALYSIS_UNAVAILABLE, e.getMessage(), path(uri)))
                .header("Retry-After", "30").build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
        String detail = switch (status) {
            case 404 -> "no resource at " + path(uri);
            case 405 -> "this method is not allowed on " + path(uri);
            case 406 -> "this resource answers application/json only";
            case 413 -> "the request body is too large";
            case 415 -> "send the article as application/json";
            case 400 -> "the request is not valid";
            default -> known != null ? known.getReasonPhrase() : "HTTP " + status;
        };
        return Problem.response(status, title, detail, path(uri));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        LOG.error("Unexpected error on " + path(uri), e);
        return Problem.response(ProblemType.INTERNAL_ERROR, "the request failed; the service log has the details",
                path(uri));
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getPath();
    }

    /** Unknown article or leader. */
    public static class NotFoundProblem extends RuntimeException {
        final ProblemType type;

        public NotFoundProblem(ProblemType type, String detail) {
            super(detail);
            this.type = type;
        }
    }

    public static class BadParameterProblem extends RuntimeException {
        public BadParameterProblem(String detail) {
            super(detail);
        }
    }
}
