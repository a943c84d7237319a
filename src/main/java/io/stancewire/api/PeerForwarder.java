package io.stancewire.api;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.tls.TlsConfigurationRegistry;
import io.smallrye.mutiny.Uni;
import io.stancewire.api.security.ApiKeyAuthenticationMechanism;
import io.stancewire.config.StancewireConfig;

/**
 * Asks other instances of the service for what their state stores hold, with a Quarkus REST client per instance
 * ({@link PeerApi}; traced and timed like every REST client call). A forwarded request carries {@code local=true},
 * so the peer answers from its own stores and never forwards again.
 *
 * <ul>
 * <li>Credentials: the caller's {@code X-API-Key} and {@code Authorization} stay on this instance unless
 * {@code stancewire.peers.forward-caller-credentials=true}; {@code stancewire.peers.api-key} is the key this
 * instance presents instead (needed when reads are closed).</li>
 * <li>TLS: with {@code stancewire.peers.tls-configuration-name}, instances are called over {@code https} with that
 * configuration of the Quarkus TLS registry ({@code quarkus.tls.<name>.trust-store...}).</li>
 * <li>Deadline: {@code stancewire.peers.timeout} for one request, and for all of them together when several
 * instances are asked at once (in parallel).</li>
 * </ul>
 * Each request is counted in {@code stancewire_peer_requests_total{outcome}}: {@code success} (the peer answered
 * below 500), {@code error} (it answered 500 or more), {@code unreachable} (no answer in time).
 */
@ApplicationScoped
public class PeerForwarder {

    static final String LOCAL = "local";
    private static final Logger LOG = Logger.getLogger(PeerForwarder.class);

    private final StancewireConfig.Peers config;
    private final TlsConfigurationRegistry tls;
    private final MeterRegistry registry;
    private final Map<String, PeerApi> clients = new ConcurrentHashMap<>();

    @Inject
    public PeerForwarder(StancewireConfig config, TlsConfigurationRegistry tls, MeterRegistry registry) {
        this.config = config.peers();
        this.tls = tls;
        this.registry = registry;
    }

    /** A peer's answer: its status, media type and body as they came. */
    public record PeerAnswer(int status, String mediaType, byte[] body) {

        public Response toResponse() {
            return Response.status(status).type(mediaType).entity(body).build();
        }

        public RestResponse<byte[]> toRestResponse() {
            return RestResponse.ResponseBuilder.<byte[]> create(status).type(mediaType).entity(body).build();
        }
    }

    /** No answer from {@code instance} within the deadline, or no connection to it. */
    public static class PeerUnavailableException extends RuntimeException {
        public PeerUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The same request (path and query) as this instance received, answered by {@code instance}. */
    public PeerAnswer forward(String instance, UriInfo request, HttpHeaders caller) {
        Map<String, String> query = new LinkedHashMap<>();
        request.getQueryParameters().forEach((name, values) -> query.put(name, values.get(0)));
        return await(ask(instance, request.getRequestUri().getRawPath(), query, caller), instance);
    }

    /**
     * {@code GET path} asked of every instance at once; their answers in the order of {@code instances}, all within
     * one deadline.
     *
     * @throws PeerUnavailableException when one of them does not answer in time
     */
    public List<PeerAnswer> gather(List<String> instances, String path, HttpHeaders caller) {
        if (instances.isEmpty()) {
            return List.of();
        }
        List<Uni<PeerAnswer>> asks = instances.stream().map(instance -> ask(instance, path, Map.of(), caller))
                .toList();
        return await(Uni.join().all(asks).andFailFast(), String.join(", ", instances));
    }

    private Uni<PeerAnswer> ask(String instance, String rawPath, Map<String, String> callerQuery, HttpHeaders caller) {
        Map<String, String> query = new LinkedHashMap<>(callerQuery);
        query.put(LOCAL, "true");
        String apiKey = config.apiKey().orElse(null);
        String authorization = null;
        if (config.forwardCallerCredentials() && caller != null) {
            String callerKey = caller.getHeaderString(ApiKeyAuthenticationMechanism.HEADER);
            apiKey = callerKey != null ? callerKey : apiKey;
            authorization = caller.getHeaderString(HttpHeaders.AUTHORIZATION);
        }
        String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        return client(instance).get(path, query, apiKey, authorization)
                .map(PeerForwarder::answer)
                .ifNoItem().after(config.timeout()).fail()
                .invoke(answer -> count(answer.status() < 500 ? "success" : "error"))
                .onFailure().invoke(e -> {
                    count("unreachable");
                    LOG.warnf("The instance %s did not answer %s: %s", instance, rawPath, e.toString());
                });
    }

    private static PeerAnswer answer(Response response) {
        try (response) {
            MediaType type = response.getMediaType();
            byte[] body = response.hasEntity() ? response.readEntity(byte[].class) : new byte[0];
            return new PeerAnswer(response.getStatus(), type == null ? MediaType.APPLICATION_JSON : type.toString(),
                    body);
        }
    }

    private <T> T await(Uni<T> answer, String instances) {
        try {
            return answer.await().atMost(config.timeout().plus(Duration.ofMillis(500)));
        } catch (RuntimeException e) {
            throw new PeerUnavailableException("the instance " + instances + " holding this data could not be "
                    + "reached or did not answer within " + config.timeout().toMillis() + " ms", e);
        }
    }

    private PeerApi client(String instance) {
        return clients.computeIfAbsent(instance, this::build);
    }

    private PeerApi build(String instance) {
        String scheme = config.tlsConfigurationName().isPresent() ? "https" : "http";
        QuarkusRestClientBuilder builder = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(scheme + "://" + instance))
                .connectTimeout(config.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .disableDefaultMapper(true);
        config.tlsConfigurationName().ifPresent(name -> builder.tlsConfiguration(tls.get(name).orElseThrow(
                () -> new IllegalStateException("stancewire.peers.tls-configuration-name names '" + name
                        + "', but no quarkus.tls." + name + ".* configuration exists"))));
        return builder.build(PeerApi.class);
    }

    private void count(String outcome) {
        Counter.builder("stancewire.peer.requests").tag("outcome", outcome)
                .description("Requests forwarded to the instance that holds the data, by outcome")
                .register(registry).increment();
    }
}
