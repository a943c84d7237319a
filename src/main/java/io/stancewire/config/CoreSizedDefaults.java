package io.stancewire.config;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.quarkus.runtime.annotations.StaticInitSafe;

/**
 * Defaults that depend on the machine: the analysis worker pool has one thread per core (CoreNLP is CPU-bound,
 * more threads only queue). Its ordinal is below application.properties, so any setting there, in the
 * environment or on the command line wins.
 */
@StaticInitSafe // read while the messaging extension checks its worker pools at static init
public class CoreSizedDefaults implements ConfigSource {

    static final String ANALYSIS_POOL = "smallrye.messaging.worker.analysis.max-concurrency";

    private final Map<String, String> values = Map.of(ANALYSIS_POOL,
            Integer.toString(Runtime.getRuntime().availableProcessors()));

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return values.get(propertyName);
    }

    @Override
    public String getName() {
        return "stancewire-core-sized-defaults";
    }

    @Override
    public int getOrdinal() {
        return 50;
    }
}
