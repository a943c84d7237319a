package io.stancewire.api;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * A request body over {@code quarkus.http.limits.max-body-size} gets a problem-details 413 ({@link
 * ProblemType#REQUEST_TOO_LARGE}) like every other error, instead of Vert.x's bare one. A body that declares its
 * length is answered before a byte of it is read (this route runs before Quarkus' own limit); a chunked one is read
 * here, up to the limit (as Quarkus would), and answered once it goes over. Either way the connection is closed, as the
 * rest of the body is never read.
 */
@Singleton
public class RequestSizeLimit {

    /** Just before Quarkus' upload limit ({@code RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT}, -2). */
    static final int ORDER = -3;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize limit;

    private BodyHandler chunked;

    void install(@Observes Router router) {
        chunked = BodyHandler.create(false).setBodyLimit(limit.asLongValue());
        router.route().order(ORDER).handler(this::checkDeclaredLength);
        router.route().order(ORDER).failureHandler(this::rewriteTooLarge);
    }

    private void checkDeclaredLength(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaderNames.CONTENT_LENGTH);
        if (length == null && context.request().getHeader(HttpHeaderNames.TRANSFER_ENCODING) != null) {
            if ("100-continue".equalsIgnoreCase(context.request().getHeader(HttpHeaderNames.EXPECT))) {
                context.response().writeContinue(); // the client waits for it before it sends the body
            }
            chunked.handle(context); // reads at most the limit, then fails with 413 (rewriteTooLarge answers)
            return;
        }
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > limit.asLongValue()) {
                    answer(context, "the request body has " + length.trim() + " bytes; at most "
                            + limit.asLongValue() + " are read (quarkus.http.limits.max-body-size)");
                    return;
                }
            } catch (NumberFormatException e) {
                // not a number: Vert.x answers 400 itself
            }
        }
        context.next();
    }

    private void rewriteTooLarge(RoutingContext context) {
        if (context.statusCode() == 413 && !context.response().headWritten()) {
            answer(context, "the request body is over " + limit.asLongValue()
                    + " bytes (quarkus.http.limits.max-body-size)");
        } else {
            context.next();
        }
    }

    private void answer(RoutingContext context, String detail) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(Problem.of(ProblemType.REQUEST_TOO_LARGE, detail,
                    context.request().path(), null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        context.response().setStatusCode(413).putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaderNames.CONNECTION, "close")
                .end(io.vertx.core.buffer.Buffer.buffer(body)).onComplete(done -> context.request().connection()
                        .close());
    }
}
