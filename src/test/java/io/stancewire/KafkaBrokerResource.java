package io.stancewire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.stancewire.broker.EmbeddedKafkaBroker;

/**
 * A real single-node KRaft broker for the test JVM, on free ports, with its own log and Kafka Streams state
 * directories (state left by an earlier run would corrupt results). Setting {@code kafka.bootstrap.servers} also
 * tells the service not to start its own broker.
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedKafkaBroker broker;

    @Override
    public Map<String, String> start() {
        try {
            Path dir = Files.createTempDirectory("stancewire-test-");
            broker = new EmbeddedKafkaBroker(dir.resolve("kafka"), freePort(), freePort()).start();
            return Map.of(
                    "kafka.bootstrap.servers", broker.bootstrapServers(),
                    "stancewire.data-dir", dir.toString(),
                    "kafka-streams.state.dir", dir.resolve("streams").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    /** A port nobody listens on now. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
