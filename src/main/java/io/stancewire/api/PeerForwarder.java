package io.stancewire.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Asks another instance of the service for what its state stores hold. The forwarded request carries
 * {@code local=true}, so the peer answers from its own stores and never forwards again.
 */
@ApplicationScoped
public class PeerForwarder {

    static final String LOCAL = "local";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** The peer's answer, status and body as they are. */
    public Response forward(String peer, String pathAndQuery) {
        String separator = pathAndQuery.contains("?") ? "&" : "?";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + peer + pathAndQuery + separator + LOCAL
                + "=true")).timeout(TIMEOUT).header("Accept", MediaType.APPLICATION_JSON).GET().build();
        try {
            HttpResponse<byte[]> answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            String type = answer.headers().firstValue("Content-Type").orElse(MediaType.APPLICATION_JSON);
            return Response.status(answer.statusCode()).type(type).entity(answer.body()).build();
        } catch (IOException e) {
            return Problem.response(502, "Peer unavailable", "the instance " + peer + " holding this data did not "
                    + "answer: " + e.getMessage(), pathAndQuery);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Problem.response(503, "Interrupted", "interrupted while asking " + peer, pathAndQuery);
        }
    }

    /** The body of a peer's answer, or null when it fails. */
    public byte[] fetch(String peer, String pathAndQuery) {
        Response response = forward(peer, pathAndQuery);
        return response.getStatus() == 200 ? (byte[]) response.getEntity() : null;
    }
}
