package io.stancewire.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.PropertiesConfigSource;

import java.util.Map;

/** The group.instance.id of both consumer groups, and tracing off unless an endpoint is set. */
class StaticMembershipTest {

    private static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 100))
                .withSources(new StaticMembership()).withSources(new TracingDefaults()).build();
    }

    @Test
    void theConfiguredIdIsUsedForTheConsumerAndKafkaStreams() {
        SmallRyeConfig config = config(Map.of("stancewire.instance-id", "stancewire-2"));
        assertThat(config.getRawValue(StaticMembership.CONSUMER)).isEqualTo("stancewire-2");
        assertThat(config.getRawValue(StaticMembership.STREAMS)).isEqualTo("stancewire-2");
    }

    @Test
    void withoutOneTheHostAndPortMakeIt() {
        SmallRyeConfig config = config(Map.of("quarkus.http.port", "18081"));
        assertThat(config.getRawValue(StaticMembership.CONSUMER)).endsWith("-18081").matches("[A-Za-z0-9._-]+");
        assertThat(StaticMembership.instanceId(null, "8080")).isNotEqualTo(StaticMembership.instanceId(null, "8081"));
        assertThat(StaticMembership.instanceId("pod 1/a", null)).isEqualTo("pod-1-a");
    }

    @Test
    void anExplicitGroupInstanceIdWins() {
        SmallRyeConfig config = config(Map.of(StaticMembership.CONSUMER, "mine"));
        assertThat(config.getRawValue(StaticMembership.CONSUMER)).isEqualTo("mine");
    }

    @Test
    void tracingIsOffUnlessAnOtlpEndpointIsSet() {
        assertThat(config(Map.of()).getRawValue(TracingDefaults.SDK_DISABLED)).isEqualTo("true");
        assertThat(config(Map.of("quarkus.otel.exporter.otlp.endpoint", "http://collector:4317"))
                .getRawValue(TracingDefaults.SDK_DISABLED)).isEqualTo("false");
        assertThat(config(Map.of("quarkus.otel.exporter.otlp.traces.endpoint", "http://collector:4317"))
                .getRawValue(TracingDefaults.SDK_DISABLED)).isEqualTo("false");
        assertThat(config(Map.of(TracingDefaults.SDK_DISABLED, "false")).getRawValue(TracingDefaults.SDK_DISABLED))
                .isEqualTo("false");
    }
}
