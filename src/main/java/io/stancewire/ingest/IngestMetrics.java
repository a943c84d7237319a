package io.stancewire.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The meters of the analysis path, named by Prometheus conventions (base units, {@code _total} on counters) as
 * {@code /q/metrics} shows them. Times are histograms with fixed buckets ({@code _bucket{le}}), so quantiles can be
 * summed over replicas ({@code histogram_quantile(0.99, sum by (le) (rate(..._bucket[5m])))}); the alerts and the
 * dashboard in {@code k8s/overlays/production} read them.
 * <ul>
 * <li>{@code stancewire_analysis_duration_seconds}: one article's analysis, from Kafka or HTTP;</li>
 * <li>{@code stancewire_articles_latency_seconds}: from the record's Kafka timestamp to its analysis handed to the
 * producer (waiting in the topic included);</li>
 * <li>{@code stancewire_articles_analysed_total}, {@code stancewire_articles_dead_lettered_total{reason}};</li>
 * <li>{@code stancewire_articles_language_rejected_total{language,detected}}: articles turned away for their
 * language, declared or detected (Kafka and HTTP);</li>
 * <li>{@code stancewire_models_loads_total{kind,outcome}}: CoreNLP model loads and leader registry (re)loads.</li>
 * </ul>
 */
@Singleton
public class IngestMetrics {

    /** Buckets of the analysis time: an article takes 0.1 to 2 s; the budget is 60 s. */
    static final Duration[] ANALYSIS_BUCKETS = seconds(0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120);
    /** Buckets of the end-to-end latency, which includes the time a record waits in the topic. */
    static final Duration[] LATENCY_BUCKETS = seconds(0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600, 1800, 3600);

    /** What was loaded. */
    public enum LoadKind {
        MODELS, REGISTRY;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;
    private final Timer analysisDuration;
    private final Timer latency;
    private final Counter analysed;
    private final Map<DeadLetterReason, Counter> deadLettered = new EnumMap<>(DeadLetterReason.class);

    @Inject
    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.analysisDuration = Timer.builder("stancewire.analysis.duration")
                .description("Time to analyse one article (Kafka and HTTP)")
                .serviceLevelObjectives(ANALYSIS_BUCKETS).register(registry);
        this.latency = Timer.builder("stancewire.articles.latency")
                .description("From an article record's Kafka timestamp to its analysis handed to the producer")
                .serviceLevelObjectives(LATENCY_BUCKETS).register(registry);
        this.analysed = Counter.builder("stancewire.articles.analysed")
                .description("Articles analysed from Kafka").register(registry);
        for (DeadLetterReason reason : DeadLetterReason.values()) {
            deadLettered.put(reason, Counter.builder("stancewire.articles.dead.lettered").tag("reason", reason.tag())
                    .description("Records sent to the dead-letter topic, by reason").register(registry));
        }
        for (LoadKind kind : LoadKind.values()) {
            for (String outcome : new String[] { "success", "failure" }) {
                loads(kind, outcome); // zero from the start, so that rate() sees the first one
            }
        }
    }

    /** Runs one analysis and records its time. */
    public <T> T timeAnalysis(Supplier<T> analysis) {
        return analysisDuration.record(analysis);
    }

    /** An article from Kafka analysed, produced to Kafka at {@code timestamp}. */
    public void analysed(Instant timestamp) {
        analysed.increment();
        Duration since = Duration.between(timestamp, Instant.now());
        if (!since.isNegative()) {
            latency.record(since);
        }
    }

    public void deadLettered(DeadLetterReason reason) {
        deadLettered.get(reason).increment();
    }

    /** An article refused, from Kafka or HTTP: counted by language when its language was the reason. */
    public void refused(InvalidArticleException e) {
        if (e instanceof UnsupportedLanguageException language) {
            Counter.builder("stancewire.articles.language.rejected").tag("language", language.languageTag())
                    .tag("detected", String.valueOf(language.detected()))
                    .description("Articles turned away for a language other than English, declared or detected")
                    .register(registry).increment();
        }
    }

    /** A load of the CoreNLP models or of the leader registry, and whether it worked. */
    public void loaded(LoadKind kind, boolean success) {
        loads(kind, success ? "success" : "failure").increment();
    }

    private Counter loads(LoadKind kind, String outcome) {
        return Counter.builder("stancewire.models.loads").tag("kind", kind.tag()).tag("outcome", outcome)
                .description("Loads of the CoreNLP models and of the leader registry").register(registry);
    }

    private static Duration[] seconds(double... values) {
        Duration[] durations = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            durations[i] = Duration.ofNanos(Math.round(values[i] * 1e9));
        }
        return durations;
    }
}
