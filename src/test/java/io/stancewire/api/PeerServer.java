package io.stancewire.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A stand-in for another instance of the service, on a real loopback HTTP port: it answers every request with the
 * same status and JSON body, after a delay, and records what it received (path, query, credentials).
 */
final class PeerServer implements AutoCloseable {

    /** One request as the peer received it. */
    record Received(String rawPath, String rawQuery, String apiKey, String authorization) {
    }

    private final HttpServer server;
    final List<Received> received = new CopyOnWriteArrayList<>();

    PeerServer(int status, String json, Duration delay) {
        this(status, json, delay, null);
    }

    /** Over HTTPS with {@code tls} (its server certificate) when not null. */
    PeerServer(int status, String json, Duration delay, SSLContext tls) {
        try {
            InetSocketAddress loopback = new InetSocketAddress("127.0.0.1", 0);
            if (tls == null) {
                server = HttpServer.create(loopback, 0);
            } else {
                HttpsServer https = HttpsServer.create(loopback, 0);
                https.setHttpsConfigurator(new HttpsConfigurator(tls));
                server = https;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            received.add(new Received(exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders().getFirst("X-API-Key"),
                    exchange.getRequestHeaders().getFirst("Authorization")));
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    /** {@code host:port}, as Kafka Streams' metadata names an instance. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
