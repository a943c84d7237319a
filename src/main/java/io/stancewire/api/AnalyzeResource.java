package io.stancewire.api;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.stancewire.analysis.model.Article;
import io.stancewire.analysis.model.ArticleAnalysis;
import io.stancewire.api.security.Roles;
import io.stancewire.ingest.AnalysisRunner;
import io.stancewire.ingest.ArticleReader;

@Path("/api/v1/analyze")
@Tag(name = "analysis")
@RolesAllowed(Roles.READER)
public class AnalyzeResource {

    @Inject
    ArticleReader reader;

    @Inject
    AnalysisRunner analysis;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Analyse an article at once", description = "Same JSON as the Kafka input; id optional. "
            + "Nothing is stored. 422 when the article cannot be analysed (unsupported language, no sentence, analysis "
            + "timed out).")
    public ArticleAnalysis analyze(@RequestBody(description = "the article", required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleSchema.class)))
            byte[] body) {
        Article article = reader.read(body, null, false, Instant.now());
        return analysis.analyzeNow(article.id() == null ? article.withId("") : article);
    }
}
