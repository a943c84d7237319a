package io.stancewire.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;

/**
 * Static group membership: the articles consumer and Kafka Streams join their consumer groups with a {@code
 * group.instance.id}, so that an instance that restarts under the same id takes its partitions back at once, without
 * a rebalance and without waiting for its old session to expire (about 45 s before). The id is {@code
 * stancewire.instance-id} ({@code STANCEWIRE_INSTANCE_ID}; on Kubernetes the pod name, stable in a StatefulSet), or
 * else this host's name and HTTP port, unique among the instances of one machine. Kafka Streams appends the thread
 * number to it for each of its consumers.
 *
 * <p>The price: an instance that is gone for good (scaled down) keeps its partitions until its session times out
 * ({@code session.timeout.ms}, 45 s), as it does not leave the group when it stops. Its ordinal is below
 * application.properties: an explicit {@code group.instance.id} anywhere wins.
 */
public class StaticMembership implements ConfigSourceFactory {

    static final String INSTANCE_ID = "stancewire.instance-id";
    static final String CONSUMER = "mp.messaging.incoming.articles.group.instance.id";
    static final String STREAMS = "kafka-streams.group.instance.id";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        String id = instanceId(value(context.getValue(INSTANCE_ID)), value(context.getValue("quarkus.http.port")));
        return List.of(new MapBackedConfigSource("stancewire-static-membership", Map.of(CONSUMER, id, STREAMS, id),
                50) {
        });
    }

    /** The configured id, or {@code <host>-<port>}; only letters, digits, '.', '_' and '-'. */
    static String instanceId(String configured, String httpPort) {
        String id = configured != null && !configured.isBlank() ? configured
                : hostName() + "-" + (httpPort == null ? "8080" : httpPort);
        return id.replaceAll("[^A-Za-z0-9._-]", "-");
    }

    private static String value(ConfigValue value) {
        return value == null ? null : value.getValue();
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(50);
    }
}
