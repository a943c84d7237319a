package io.stancewire.api;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem details body. {@code field}, an extension member, names the article field at fault when one
 * is. No stack trace or internal path is ever put in one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String field) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Response response(int status, String title, String detail, String instance) {
        return response(status, title, detail, instance, null);
    }

    public static Response response(int status, String title, String detail, String instance, String field) {
        return Response.status(status).type(MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail, instance, field)).build();
    }
}
