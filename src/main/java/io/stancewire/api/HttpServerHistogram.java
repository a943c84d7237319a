package io.stancewire.api;

import java.util.Arrays;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * HTTP request times as a histogram with fixed buckets ({@code http_server_requests_seconds_bucket{le}}), so that the
 * dashboard's p99 adds up over replicas; Quarkus records them as a summary without buckets otherwise.
 */
public class HttpServerHistogram {

    /** Bucket bounds, in seconds: REST reads take milliseconds, {@code POST /analyze} up to the 60 s budget. */
    static final double[] BUCKETS = { 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60 };

    @Produces
    @Singleton
    MeterFilter httpServerBuckets() {
        double[] nanos = Arrays.stream(BUCKETS).map(seconds -> seconds * 1e9).toArray(); // timers count nanoseconds
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals("http.server.requests")) {
                    return config;
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(nanos).build().merge(config);
            }
        };
    }
}
