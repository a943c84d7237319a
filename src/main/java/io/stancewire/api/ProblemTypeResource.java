package io.stancewire.api;

import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The documentation behind each problem's {@code type}: {@code GET /problems/article-too-large} describes it, {@code
 * GET /problems} lists them all.
 */
@Path(ProblemType.BASE)
@PermitAll
@Tag(name = "Problems", description = "What each problem type of an error answer means")
@Produces(MediaType.APPLICATION_JSON)
public class ProblemTypeResource {

    /** One problem type as its page shows it. */
    public record Description(String type, String title, int status, String description) {
        static Description of(ProblemType type) {
            return new Description(type.uri(), type.title(), type.status(), type.description());
        }
    }

    @GET
    @Operation(summary = "Every problem type the API answers")
    public List<Description> all() {
        return Arrays.stream(ProblemType.values()).map(Description::of).toList();
    }

    @GET
    @Path("{slug}")
    @Operation(summary = "What one problem type means")
    public Description one(@PathParam("slug") String slug) {
        return Arrays.stream(ProblemType.values()).filter(type -> type.slug().equals(slug)).findFirst()
                .map(Description::of).orElseThrow(() -> new ProblemMappers.NotFoundProblem(ProblemType.NOT_FOUND,
                        "no problem type '" + slug + "'; GET " + ProblemType.BASE + " lists them"));
    }

}
