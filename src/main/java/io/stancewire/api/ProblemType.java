package io.stancewire.api;

import java.util.Locale;

/**
 * Every kind of error the API answers, one RFC 9457 problem type each: its {@code type} URI ({@code
 * /problems/<slug>}, resolved against the service; {@code GET} it for the description, also listed in {@code
 * docs/reliability.md}), its title and its usual status.
 */
public enum ProblemType {
    MALFORMED_ARTICLE(400, "Malformed article",
            "The request body is not an article: not UTF-8, not JSON, or JSON but not one object."),
    INVALID_ARTICLE(400, "Invalid article", "A field of the article is missing, blank, of the wrong type or format, or"
            + " holds a control character; the extension member 'field' names it."),
    MALFORMED_JSON(400, "Malformed JSON", "The request body is not valid JSON."),
    INVALID_PARAMETER(400, "Invalid parameter", "A query parameter or header is not in its format (dates are ISO "
            + "YYYY-MM-DD, since before until, Last-Event-ID as the stream sent it)."),
    BAD_REQUEST(400, "Bad Request", "The request is not valid HTTP for this resource."),
    UNAUTHORIZED(401, "Unauthorized", "The request needs an API key (header X-API-Key) or a bearer token, or the one "
            + "sent is not valid."),
    FORBIDDEN(403, "Forbidden", "The credentials are valid but their roles do not allow this request."),
    NOT_FOUND(404, "Not Found", "No resource at this path."),
    UNKNOWN_ARTICLE(404, "Unknown article", "No analysed article has this id (yet: an article is stored once it has "
            + "been analysed)."),
    UNKNOWN_LEADER(404, "Unknown leader", "No article has given this leader a stance (yet)."),
    UNKNOWN_RELATION(404, "Unknown relation", "The leader has no relation toward this actor."),
    METHOD_NOT_ALLOWED(405, "Method Not Allowed", "This method is not allowed on this path."),
    NOT_ACCEPTABLE(406, "Not Acceptable", "The resource answers application/json (the stream text/event-stream) only."),
    ARTICLE_TOO_LARGE(413, "Article too large", "The article's body is over stancewire.analysis.max-body-chars "
            + "characters, or the record is larger than the Kafka topic accepts."),
    REQUEST_TOO_LARGE(413, "Request body too large", "The request body is over quarkus.http.limits.max-body-size "
            + "(8 MB): it was not read."),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported Media Type", "Send the article as application/json."),
    ARTICLE_NOT_ANALYSABLE(422, "Article cannot be analysed", "The article is in a language other than English "
            + "(declared, or detected when it declares none), or has nothing that reads as a sentence."),
    ANALYSIS_TIMED_OUT(422, "Analysis timed out", "The analysis took longer than stancewire.analysis.timeout and was "
            + "stopped; the article is too long or too unusual to analyse."),
    REGISTRY_NOT_RELOADED(422, "Registry not reloaded", "The leader registry could not be read; the previous one "
            + "stays in use (the service log says why)."),
    INTERNAL_ERROR(500, "Internal error", "The request failed unexpectedly; the service log has the details."),
    PEER_UNAVAILABLE(502, "Peer unavailable", "The instance that holds the data did not answer."),
    NOT_READY(503, "Not ready", "The state stores are not ready yet (starting, or moving between instances); try "
            + "again after Retry-After."),
    BUSY(503, "Busy", "Every analysis thread is busy; try again after Retry-After."),
    ANALYSIS_UNAVAILABLE(503, "Analysis unavailable", "The analysis models are not loaded (yet)."),
    KAFKA_UNAVAILABLE(503, "Kafka unavailable", "The article could not be published to Kafka; try again after "
            + "Retry-After."),
    INTERRUPTED(503, "Interrupted", "The service was stopping while it handled the request."),
    HTTP_ERROR(500, "HTTP error", "Any other HTTP status; the title is its reason phrase.");

    /** Where the types live, relative to the service. */
    public static final String BASE = "/problems/";

    private final int status;
    private final String title;
    private final String description;

    ProblemType(int status, String title, String description) {
        this.status = status;
        this.title = title;
        this.description = description;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    /** The last segment of its URI: {@code article-too-large}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The {@code type} member: {@code /problems/article-too-large}. */
    public String uri() {
        return BASE + slug();
    }

    /** The type of a plain HTTP status that no more specific type covers. */
    public static ProblemType ofStatus(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> REQUEST_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            default -> HTTP_ERROR;
        };
    }
}
