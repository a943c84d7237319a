package io.stancewire.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Adds to every operation of the OpenAPI description the problem responses it can answer, as {@code
 * application/problem+json} with the {@code Problem} schema ({@code mp.openapi.filter}): what any request can get
 * (500, and 503 while the stores or models are not ready), what a body can get (400, 413, 415, 422), what a secured
 * call can get (401, 403), what a path with an id can get (404), and 502 where a peer instance may be asked. Written
 * once here rather than on each resource, so a new endpoint gets them too.
 */
public class OpenApiProblems implements OASFilter {

    static final String SCHEMA = "Problem";
    /** The API-key scheme, declared by {@code quarkus.smallrye-openapi.security-scheme=api-key}. */
    static final String SECURITY_SCHEME = "ApiKey";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(SCHEMA, problemSchema());
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            item.getOperations().forEach((method, operation) -> {
                addResponses(path, method, operation);
                addSecurity(path, method, operation);
            });
        });
    }

    private static void addResponses(String path, PathItem.HttpMethod method, Operation operation) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (method == PathItem.HttpMethod.POST) {
            problems.put("400", "The body is not a valid article (or not JSON)");
            problems.put("413", "The body is over the size limit (request or article body)");
            problems.put("415", "The body is not application/json");
            problems.put("422", "The article cannot be analysed: language, no sentence, time budget");
        } else {
            problems.put("400", "A parameter is not in its format");
        }
        problems.put("401", "Credentials are needed (writes, admin; reads when closed) or not valid");
        problems.put("403", "The credentials' roles do not allow this");
        if (path.contains("{")) {
            problems.put("404", "Unknown article, leader or relation");
        }
        problems.put("500", "Unexpected failure");
        if (method == PathItem.HttpMethod.GET && path.contains("{")) {
            problems.put("502", "The instance holding the data did not answer");
        }
        problems.put("503", "Not ready, busy, or Kafka unavailable; see Retry-After");
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses()
                : operation.getResponses();
        problems.forEach((status, description) -> {
            APIResponse existing = responses.getAPIResponse(status);
            if (existing == null || existing.getContent() == null) { // Quarkus adds some bare ones (400, 401, 403)
                responses.addAPIResponse(status, problem(description));
            }
        });
        operation.setResponses(responses);
    }

    /**
     * Writes and admin calls need the API key ({@code X-API-Key}, scheme {@value #SECURITY_SCHEME}); reads take it
     * when they are closed ({@code stancewire.security.reads-open=false}), so for them it is optional (an empty
     * requirement beside it).
     */
    private static void addSecurity(String path, PathItem.HttpMethod method, Operation operation) {
        SecurityRequirement key = OASFactory.createSecurityRequirement().addScheme(SECURITY_SCHEME);
        boolean required = path.startsWith("/api/v1/admin")
                || (path.equals("/api/v1/articles") && method == PathItem.HttpMethod.POST);
        operation.setSecurity(required ? List.of(key) : List.of(OASFactory.createSecurityRequirement(), key));
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description).content(OASFactory.createContent()
                .addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType().schema(OASFactory.createSchema()
                        .ref("#/components/schemas/" + SCHEMA))));
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details")
                .addProperty("type", string("A URI of GET /problems: what the problem means"))
                .addProperty("title", string("The problem type's title"))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", string("What went wrong with this request, in plain words"))
                .addProperty("instance", string("The request path"))
                .addProperty("field", string("The article field at fault, when one is"))
                .required(List.of("type", "title", "status"));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }

}
