package io.stancewire.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** What the benchmark tools share: {@code --name value} arguments, percentiles, the load average, JSON output. */
final class BenchSupport {

    /** Jackson as the service configures it (Quarkus): java.time as ISO-8601 text. */
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    // strong references: a JUL logger whose level was set must not be collected
    private static final Logger[] QUIET = { Logger.getLogger("org.apache.kafka"), Logger.getLogger("kafka") };

    private BenchSupport() {
    }

    /** The Kafka clients log every configuration at INFO; keep warnings only. */
    static void quietKafka() {
        for (Logger logger : QUIET) {
            logger.setLevel(Level.WARNING);
        }
    }

    /** {@code --name value} pairs. */
    static Map<String, String> args(String[] args) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got '" + args[i] + "'");
            }
            out.put(args[i].substring(2), args[++i]);
        }
        return out;
    }

    /** The {@code p}-th percentile (0-100, nearest rank) of the values, in the values' unit; NaN when empty. */
    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** p50, p90, p99, max and count of nanosecond values, in milliseconds. */
    static Map<String, Object> latencySummary(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", sorted.length);
        out.put("p50_ms", ms(percentile(sorted, 50)));
        out.put("p90_ms", ms(percentile(sorted, 90)));
        out.put("p99_ms", ms(percentile(sorted, 99)));
        out.put("p999_ms", ms(percentile(sorted, 99.9)));
        out.put("max_ms", ms(sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1]));
        return out;
    }

    static Double ms(double nanos) {
        return Double.isNaN(nanos) ? null : Math.round(nanos / 1e4) / 100.0;
    }

    /** The 1-minute load average (what {@code uptime} shows first). */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static void write(Path file, Object value) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), value);
    }
}
