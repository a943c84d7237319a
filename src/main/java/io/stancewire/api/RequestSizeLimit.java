package io.stancewire.api;

import java.time.Duration;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * A request body over {@code quarkus.http.limits.max-body-size} gets a problem-details 413 ({@link
 * ProblemType#REQUEST_TOO_LARGE}) like every other error, instead of Vert.x's bare one. A body that declares its
 * length is answered before a byte of it is read (this route runs before Quarkus' own limit); a chunked one is read
 * here, up to the limit (as Quarkus would), and answered once it goes over. Either way the rest of the body is read and
 * thrown away for at most {@link #LINGER} (not parsed, not kept), and then the connection is closed.
 */
@Singleton
public class RequestSizeLimit {

    /** Just before Quarkus' upload limit ({@code RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT}, -2). */
    static final int ORDER = -3;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize limit;

    /** How long the rest of a refused body is read before the connection closes. */
    static final Duration LINGER = Duration.ofSeconds(2);

    private BodyHandler chunked;

    void install(@Observes Router router) {
        chunked = BodyHandler.create(false).setBodyLimit(limit.asLongValue());
        router.route().order(ORDER).handler(this::checkDeclaredLength);
        router.route().order(ORDER).failureHandler(this::rewriteTooLarge);
    }

    private void checkDeclaredLength(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaderNames.CONTENT_LENGTH);
        if (length == null && context.request().getHeader(HttpHeaderNames.TRANSFER_ENCODING) != null) {
            if (expectsContinue(context.request())) {
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
        Future<Void> drained = discardTheRestOfTheBody(context);
        context.response().setStatusCode(413).putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaderNames.CONNECTION, "close")
                .end(Buffer.buffer(body))
                .onComplete(written -> drained.onComplete(done -> context.request().connection().close()));
    }

    /** The client sends its body only once told to go on ("Expect: 100-continue"). */
    private static boolean expectsContinue(HttpServerRequest request) {
        return "100-continue".equalsIgnoreCase(request.getHeader(HttpHeaderNames.EXPECT));
    }

    /**
     * A lingering close: the body still on its way is read and thrown away until it ends or for at most {@link
     * #LINGER}, and only then is the connection closed. Closing a socket with unread bytes in it makes the kernel
     * reset the connection, and a reset can reach the client before it has read the 413, which it then never sees
     * (the JDK client reports "header parser received no bytes").
     */
    private static Future<Void> discardTheRestOfTheBody(RoutingContext context) {
        HttpServerRequest request = context.request();
        boolean waitsForContinue = expectsContinue(request)
                && request.getHeader(HttpHeaderNames.TRANSFER_ENCODING) == null;
        if (request.isEnded() || waitsForContinue) {
            return Future.succeededFuture(); // nothing more comes: read, or never asked for ("Expect: 100-continue")
        }
        Promise<Void> drained = Promise.promise();
        long timer = context.vertx().setTimer(LINGER.toMillis(), id -> drained.tryComplete());
        request.handler(discarded -> {
        }).exceptionHandler(e -> drained.tryComplete()).endHandler(end -> drained.tryComplete());
        request.resume();
        return drained.future().onComplete(done -> context.vertx().cancelTimer(timer));
    }
}
