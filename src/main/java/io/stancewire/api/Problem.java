package io.stancewire.api;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem details body. {@code type} is one of {@link ProblemType}'s documented URIs; {@code field}, an
 * extension member, names the article field at fault when one is. No stack trace or internal path is ever put in one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String field) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ProblemType type, String detail, String instance, String field) {
        return new Problem(type.uri(), type.title(), type.status(), detail, instance, field);
    }

    public static Response response(ProblemType type, String detail, String instance) {
        return response(type, detail, instance, null);
    }

    public static Response response(ProblemType type, String detail, String instance, String field) {
        return Response.status(type.status()).type(MEDIA_TYPE).entity(of(type, detail, instance, field)).build();
    }

    /** A plain HTTP status, its reason phrase as the title when the type is the catch-all {@code http-error}. */
    public static Response response(int status, String title, String detail, String instance) {
        ProblemType type = ProblemType.ofStatus(status);
        String shownTitle = type == ProblemType.HTTP_ERROR ? title : type.title();
        return Response.status(status).type(MEDIA_TYPE)
                .entity(new Problem(type.uri(), shownTitle, status, detail, instance, null)).build();
    }
}
