package io.stancewire.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Asks another instance of the service for what its state stores hold. The forwarded request carries
 * {@code local=true}, so the peer answers from its own stores and never forwards again, and the caller's credentials
 * ({@code X-API-Key}, {@code Authorization}), so that a peer with closed reads lets it in as this instance did.
 * Each request is counted in {@code stancewire_peer_requests_total{outcome}}: {@code success} (the peer answered
 * below 500), {@code error} (it answered 500 or more), {@code unreachable} (no answer in time).
 */
@ApplicationScoped
public class PeerForwarder {

    static final String LOCAL = "local";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Inject
    ObjectMapper mapper;

    @Inject
    MeterRegistry registry;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    private static final String[] CREDENTIAL_HEADERS = { "X-API-Key", HttpHeaders.AUTHORIZATION };

    /** The peer's answer, status and body as they are. */
    public Response forward(String peer, String pathAndQuery, HttpHeaders callerHeaders) {
        String separator = pathAndQuery.contains("?") ? "&" : "?";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + peer + pathAndQuery + separator
                + LOCAL + "=true")).timeout(TIMEOUT).header("Accept", MediaType.APPLICATION_JSON).GET();
        for (String name : CREDENTIAL_HEADERS) {
            String value = callerHeaders == null ? null : callerHeaders.getHeaderString(name);
            if (value != null) {
                request.header(name, value);
            }
        }
        try {
            HttpResponse<byte[]> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            String type = answer.headers().firstValue("Content-Type").orElse(MediaType.APPLICATION_JSON);
            count(answer.statusCode() < 500 ? "success" : "error");
            return Response.status(answer.statusCode()).type(type).entity(answer.body()).build();
        } catch (IOException e) {
            count("unreachable");
            return Problem.response(ProblemType.PEER_UNAVAILABLE, "the instance " + peer + " holding this data did not "
                    + "answer", pathAndQuery);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Problem.response(ProblemType.INTERRUPTED, "interrupted while asking " + peer, pathAndQuery);
        }
    }

    private void count(String outcome) {
        Counter.builder("stancewire.peer.requests").tag("outcome", outcome)
                .description("Requests forwarded to the instance that holds the data, by outcome")
                .register(registry).increment();
    }

    /**
     * {@link #forward} with the body always as bytes (a failure to reach the peer as its problem JSON), for resources
     * that return {@code RestResponse<byte[]>}: Quarkus REST picks their writer at build time, not per request.
     */
    public RestResponse<byte[]> forwardBytes(String peer, String pathAndQuery, HttpHeaders callerHeaders) {
        Response answer = forward(peer, pathAndQuery, callerHeaders);
        byte[] body;
        try {
            body = answer.getEntity() instanceof byte[] bytes ? bytes : mapper.writeValueAsBytes(answer.getEntity());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return RestResponse.ResponseBuilder.<byte[]> create(answer.getStatus()).entity(body)
                .type(answer.getMediaType()).build();
    }

    /** The body of a peer's answer, or null when it fails. */
    public byte[] fetch(String peer, String pathAndQuery, HttpHeaders callerHeaders) {
        Response response = forward(peer, pathAndQuery, callerHeaders);
        return response.getStatus() == 200 ? (byte[]) response.getEntity() : null;
    }
}
