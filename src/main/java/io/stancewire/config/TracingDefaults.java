package io.stancewire.config;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;

/**
 * Tracing is off unless an OTLP endpoint is configured: without {@code quarkus.otel.exporter.otlp.endpoint} or
 * {@code quarkus.otel.exporter.otlp.traces.endpoint} (from any source: application.properties, the environment as
 * {@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT}, a system property) this sets {@code quarkus.otel.sdk.disabled=true},
 * so that the service does not try to send spans to a collector nobody runs. Its ordinal is below
 * application.properties: an explicit {@code quarkus.otel.sdk.disabled} anywhere wins.
 */
public class TracingDefaults implements ConfigSourceFactory {

    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";
    static final List<String> ENDPOINTS = List.of("quarkus.otel.exporter.otlp.endpoint",
            "quarkus.otel.exporter.otlp.traces.endpoint");

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        boolean configured = ENDPOINTS.stream().map(context::getValue).anyMatch(TracingDefaults::isSet);
        return List.of(new MapBackedConfigSource("stancewire-tracing-defaults",
                Map.of(SDK_DISABLED, String.valueOf(!configured)), 50) {
        });
    }

    static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank()
                && (value.getConfigSourceName() == null || !value.getConfigSourceName().contains("Default"));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(50);
    }
}
