package io.stancewire.api;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;
import org.apache.kafka.common.errors.RecordTooLargeException;

import io.smallrye.reactive.messaging.kafka.Record;
import io.stancewire.analysis.model.Article;
import io.stancewire.analysis.model.ArticleAnalysis;
import io.stancewire.api.security.Roles;
import io.stancewire.ingest.ArticleReader;
import io.stancewire.stance.StanceQueries;
import io.stancewire.stance.QueryScope;

@Path("/api/v1/articles")
@Tag(name = "articles")
@Produces(MediaType.APPLICATION_JSON)
public class ArticleResource {

    static final long PUBLISH_TIMEOUT_SECONDS = 30;
    private static final Logger LOG = Logger.getLogger(ArticleResource.class);

    @Inject
    ArticleReader reader;

    @Inject
    StanceQueries queries;

    @Inject
    LookupAnswers answers;

    @Inject
    @Channel("article-submissions")
    Emitter<Record<String, byte[]>> submissions;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.WRITER)
    @Operation(summary = "Submit an article", description = "Validates it and publishes it, unchanged, to the input "
            + "topic keyed by its id, as a Kafka producer would. 202 once the broker has it.")
    public Response submit(@RequestBody(description = "the article", required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleSchema.class)))
            byte[] body, @Context SecurityContext caller) {
        Article article = reader.read(body, null, true, Instant.now());
        try {
            submissions.send(Record.of(article.id(), body)).toCompletableFuture()
                    .get(PUBLISH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Problem.response(ProblemType.INTERRUPTED, "interrupted while publishing the article", "/api/v1/articles");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RecordTooLargeException) {
                return Problem.response(ProblemType.ARTICLE_TOO_LARGE, "the article is larger than the Kafka topic "
                        + "accepts (max.message.bytes)", "/api/v1/articles", "body");
            }
            LOG.errorf(e.getCause(), "Could not publish article '%s'", article.id());
            return Response.fromResponse(Problem.response(ProblemType.KAFKA_UNAVAILABLE, "the article could not be "
                    + "published; try again shortly", "/api/v1/articles")).header("Retry-After", "5").build();
        } catch (TimeoutException e) {
            return Response.fromResponse(Problem.response(ProblemType.KAFKA_UNAVAILABLE, "the article could not be "
                    + "published within " + PUBLISH_TIMEOUT_SECONDS + " s; try again shortly", "/api/v1/articles"))
                    .header("Retry-After", "5").build();
        }
        LOG.infof("Article '%s' submitted by %s", article.id(), caller.getUserPrincipal() == null ? "anonymous"
                : caller.getUserPrincipal().getName());
        return Response.accepted(Map.of("id", article.id(), "status", "accepted"))
                .location(UriBuilder.fromPath("/api/v1/articles/{id}").build(article.id())).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.READER)
    @Operation(summary = "The stored analysis of a processed article")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ArticleAnalysis.class)))
    public Response get(@PathParam("id") String id, @QueryParam(PeerForwarder.LOCAL) boolean local,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        return answers.respond(queries.article(id, QueryScope.of(local)), analysis -> analysis,
                new LookupAnswers.Missing(ProblemType.UNKNOWN_ARTICLE, "no analysed article has the id '" + id + "'"),
                uri, headers);
    }
}
