package io.stancewire.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The end-to-end benchmark's load: produces articles to {@code articles} at fixed rates and measures, for each one,
 * the time from producing it to its analysis answering at {@code GET /api/v1/articles/{id}}, and the consumer lag of
 * the service's group on {@code articles} every second.
 *
 * <ul>
 * <li>Articles: the Wikinews bodies of {@code ../shared/datasets/wikinews/articles.jsonl} in file order, cycled, each
 * with a fresh id ({@code e2e-<run>-<n>}): deterministic work, new articles for the service.</li>
 * <li>Visible: a consumer of {@code article-analyses} tells when the analysis is published; from then on the id is
 * polled over REST every 25 ms until it answers 200 (so the REST polling costs the service a few requests per
 * article, not a request per outstanding article every few milliseconds).</li>
 * <li>Lag: committed offsets of group {@code stancewire} ({@code Admin.listConsumerGroupOffsets}) against the end
 * offsets of {@code articles}, summed over partitions, sampled each second. The service commits every few seconds,
 * so the lag has a saw-tooth of a few seconds' worth of articles.</li>
 * <li>Steps: each rate runs for {@code --step-seconds}; a rate is sustained when the mean lag of the step's last third
 * is not above the mean of its first third plus a slack of {@code 2 + 2 x rate} articles (two seconds of input), the
 * same holds for the articles produced but not yet visible (exact, not subject to the commit saw-tooth), and the
 * service drains what is left within {@code --drain-seconds}. The steps stop at the first rate not sustained (or when
 * more than {@code 10 + 30 x rate} articles are outstanding: clearly not sustained, the step is cut short).</li>
 * <li>Then {@code --measure-seconds} at {@code --measure-fraction} (0.8) of the highest sustained rate, for p50 and p99
 * of produce to visible.</li>
 * </ul>
 * Arguments ({@code --name value}): bootstrap, http, articles, out, rates (comma separated, articles/s), step-seconds,
 * drain-seconds, measure-seconds, measure-fraction, warmup (articles), group, topic, analyses-topic.
 */
public final class LoadGenerator {

    /** One produced article. */
    static final class Tracked {
        final String id;
        final String phase;
        final long produced;
        volatile long published;
        volatile long visible;

        Tracked(String id, String phase, long produced) {
            this.id = id;
            this.phase = phase;
            this.produced = produced;
        }
    }

    /** One lag sample: seconds since the start of the run, consumer lag, produced but not visible. */
    record Sample(double t, long lag, long outstanding, double load) {
    }

    private final String http;
    private final String group;
    private final String topic;
    private final List<ObjectNode> bodies;
    private final String prefix = "e2e-" + Long.toString(System.currentTimeMillis(), 36) + "-";
    private final long t0 = System.nanoTime();
    private final AtomicLong counter = new AtomicLong();
    private final AtomicLong producedCount = new AtomicLong();
    private final AtomicLong visibleCount = new AtomicLong();
    private final AtomicLong failedSends = new AtomicLong();
    private final Map<String, Tracked> tracked = new ConcurrentHashMap<>();
    private final Set<Tracked> awaitingRest = ConcurrentHashMap.newKeySet();
    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final KafkaProducer<String, byte[]> producer;
    private final Admin admin;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private volatile boolean running = true;
    private volatile long lastLag = -1;

    private LoadGenerator(Map<String, String> a) throws Exception {
        String bootstrap = a.getOrDefault("bootstrap", "localhost:9092");
        this.http = a.getOrDefault("http", "http://localhost:8080");
        this.group = a.getOrDefault("group", "stancewire");
        this.topic = a.getOrDefault("topic", "articles");
        this.bodies = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(a.getOrDefault("articles",
                "../shared/datasets/wikinews/articles.jsonl")))) {
            if (!line.isBlank()) {
                JsonNode json = BenchSupport.JSON.readTree(line);
                ObjectNode article = BenchSupport.JSON.createObjectNode();
                article.put("title", json.path("title").asText());
                article.put("body", json.get("body").asText());
                article.put("source", "Wikinews");
                if (json.hasNonNull("published_at")) {
                    article.put("publishedAt", json.get("published_at").asText() + "T00:00:00Z");
                }
                bodies.add(article);
            }
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 << 20);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producer = new KafkaProducer<>(p);
        Properties ap = new Properties();
        ap.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        admin = Admin.create(ap);
        startAnalysesConsumer(bootstrap, a.getOrDefault("analyses-topic", "article-analyses"));
        startRestPoller();
        startLagSampler();
    }

    public static void main(String[] args) throws Exception {
        BenchSupport.quietKafka();
        Map<String, String> a = BenchSupport.args(args);
        double[] rates = Arrays.stream(a.getOrDefault("rates", "0.5,1,2,3,4,6,8,10,12,16,20").split(","))
                .mapToDouble(Double::parseDouble).toArray();
        int stepSeconds = Integer.parseInt(a.getOrDefault("step-seconds", "60"));
        int drainSeconds = Integer.parseInt(a.getOrDefault("drain-seconds", "120"));
        int measureSeconds = Integer.parseInt(a.getOrDefault("measure-seconds", "180"));
        double fraction = Double.parseDouble(a.getOrDefault("measure-fraction", "0.8"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "6"));
        Path out = Path.of(a.getOrDefault("out", "target/bench/e2e-load.json"));

        LoadGenerator gen = new LoadGenerator(a);
        Map<String, Object> result = new LinkedHashMap<>();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("rates", rates);
        params.put("step_seconds", stepSeconds);
        params.put("drain_seconds", drainSeconds);
        params.put("measure_seconds", measureSeconds);
        params.put("measure_fraction", fraction);
        params.put("warmup_articles", warmup);
        params.put("bodies", gen.bodies.size());
        result.put("params", params);
        int status = 0;
        try {
            // warm-up: the first analyses after start are slow (JIT); not counted
            gen.log("warm-up: %d articles at 0.5/s", warmup);
            List<Tracked> warm = gen.run(0.5, warmup / 0.5, "warmup", Long.MAX_VALUE);
            boolean warmed = gen.drain(warm, 600);
            result.put("warmup", gen.phaseSummary(warm, 0.5, warmed));
            if (!warmed) {
                throw new IllegalStateException("the warm-up articles were not all visible within 600 s");
            }

            List<Map<String, Object>> steps = new ArrayList<>();
            result.put("steps", steps);
            double best = 0;
            for (double rate : rates) {
                gen.log("step: %.2f articles/s for %d s", rate, stepSeconds);
                double from = gen.now();
                List<Tracked> step = gen.run(rate, stepSeconds, "step-" + rate, (long) (10 + 30 * rate));
                double to = gen.now();
                boolean cut = step.size() < Math.round(rate * stepSeconds);
                double drainStart = gen.now();
                boolean drained = gen.drain(step, drainSeconds);
                Map<String, Object> s = gen.phaseSummary(step, rate, drained);
                s.put("drain_s", round(gen.now() - drainStart, 1));
                boolean sustained = gen.judge(s, rate, from, to) && drained && !cut;
                s.put("cut_short", cut);
                s.put("sustained", sustained);
                steps.add(s);
                gen.log("  %s: lag first/last third %.1f/%.1f, outstanding %.1f/%.1f, p50 %s ms, p99 %s ms, drained %s",
                        sustained ? "SUSTAINED" : "NOT SUSTAINED", s.get("lag_first_third"), s.get("lag_last_third"),
                        s.get("outstanding_first_third"), s.get("outstanding_last_third"),
                        ((Map<?, ?>) s.get("latency")).get("p50_ms"), ((Map<?, ?>) s.get("latency")).get("p99_ms"),
                        drained);
                if (!sustained) {
                    if (!drained) {
                        gen.log("  waiting for the backlog to drain");
                        gen.drain(step, 1800);
                    }
                    break;
                }
                best = rate;
            }
            result.put("max_sustained_rate", best);

            if (best > 0) {
                double rate = best * fraction;
                gen.log("measure: %.2f articles/s (%.0f%% of %.2f) for %d s", rate, fraction * 100, best,
                        measureSeconds);
                double from = gen.now();
                List<Tracked> m = gen.run(rate, measureSeconds, "measure", Long.MAX_VALUE);
                double to = gen.now();
                boolean drained = gen.drain(m, 600);
                Map<String, Object> s = gen.phaseSummary(m, rate, drained);
                gen.judge(s, rate, from, to);
                result.put("measure", s);
                gen.log("  p50 %s ms, p99 %s ms over %d articles",
                        ((Map<?, ?>) s.get("latency")).get("p50_ms"), ((Map<?, ?>) s.get("latency")).get("p99_ms"),
                        m.size());
            }
            result.put("failed_sends", gen.failedSends.get());
        } catch (Exception e) {
            status = 1;
            gen.log("FAILED: %s", e);
            result.put("error", e.toString());
        } finally {
            result.put("lag_samples", gen.samples);
            BenchSupport.write(out, result);
            gen.close();
        }
        System.exit(status);
    }

    /** Produces at {@code rate} for {@code seconds}; stops early when more than {@code cutAt} are outstanding. */
    private List<Tracked> run(double rate, double seconds, String phase, long cutAt) {
        long n = Math.round(rate * seconds);
        long period = (long) (1e9 / rate);
        long start = System.nanoTime() + 50_000_000L;
        List<Tracked> out = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            long due = start + i * period;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            out.add(produce(phase));
            if (producedCount.get() - visibleCount.get() > cutAt) {
                log("  %d articles outstanding: not sustained, step cut short", producedCount.get() - visibleCount.get());
                break;
            }
        }
        return out;
    }

    private Tracked produce(String phase) {
        long n = counter.getAndIncrement();
        String id = prefix + n;
        ObjectNode article = bodies.get((int) (n % bodies.size())).deepCopy();
        article.put("id", id);
        byte[] value;
        try {
            value = BenchSupport.JSON.writeValueAsBytes(article);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Tracked t = new Tracked(id, phase, System.nanoTime());
        tracked.put(id, t);
        producedCount.incrementAndGet();
        producer.send(new ProducerRecord<>(topic, id, value), (metadata, error) -> {
            if (error != null) {
                failedSends.incrementAndGet();
                log("send of %s failed: %s", id, error);
            }
        });
        return t;
    }

    /** Waits until every article of the phase is visible and the consumer lag is 0; false after the timeout. */
    private boolean drain(List<Tracked> phase, int timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            if (phase.stream().allMatch(t -> t.visible != 0) && lastLag == 0) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    private Map<String, Object> phaseSummary(List<Tracked> phase, double rate, boolean drained) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("rate", round(rate, 3));
        s.put("produced", phase.size());
        long[] visible = phase.stream().filter(t -> t.visible != 0).mapToLong(t -> t.visible - t.produced).toArray();
        long[] published = phase.stream().filter(t -> t.published != 0).mapToLong(t -> t.published - t.produced)
                .toArray();
        s.put("visible", visible.length);
        s.put("drained", drained);
        s.put("latency", BenchSupport.latencySummary(visible));
        s.put("latency_to_published", BenchSupport.latencySummary(published));
        s.put("load_average", BenchSupport.loadAverage());
        return s;
    }

    /**
     * The lag rule over the samples of [from, to] (seconds since the start): the last third's mean lag not above the
     * first third's mean plus {@code 2 + 2 x rate}; the same for outstanding articles. Adds the figures to {@code s}.
     */
    private boolean judge(Map<String, Object> s, double rate, double from, double to) {
        List<Sample> in = samples.stream().filter(x -> x.t() >= from && x.t() <= to).toList();
        int third = Math.max(1, in.size() / 3);
        double lagFirst = in.subList(0, Math.min(third, in.size())).stream().mapToLong(Sample::lag).average()
                .orElse(0);
        double lagLast = in.subList(Math.max(0, in.size() - third), in.size()).stream().mapToLong(Sample::lag)
                .average().orElse(0);
        double outFirst = in.subList(0, Math.min(third, in.size())).stream().mapToLong(Sample::outstanding).average()
                .orElse(0);
        double outLast = in.subList(Math.max(0, in.size() - third), in.size()).stream()
                .mapToLong(Sample::outstanding).average().orElse(0);
        double slack = 2 + 2 * rate;
        s.put("samples", in.size());
        s.put("lag_first_third", round(lagFirst, 2));
        s.put("lag_last_third", round(lagLast, 2));
        s.put("lag_max", in.stream().mapToLong(Sample::lag).max().orElse(0));
        s.put("lag_slope_per_s", round(slope(in), 3));
        s.put("outstanding_first_third", round(outFirst, 2));
        s.put("outstanding_last_third", round(outLast, 2));
        s.put("slack", round(slack, 2));
        return in.size() >= 3 && lagLast <= lagFirst + slack && outLast <= outFirst + slack;
    }

    /** Least-squares slope of the lag, articles per second. */
    private static double slope(List<Sample> in) {
        if (in.size() < 2) {
            return 0;
        }
        double mt = in.stream().mapToDouble(Sample::t).average().orElse(0);
        double ml = in.stream().mapToLong(Sample::lag).average().orElse(0);
        double num = 0;
        double den = 0;
        for (Sample x : in) {
            num += (x.t() - mt) * (x.lag() - ml);
            den += (x.t() - mt) * (x.t() - mt);
        }
        return den == 0 ? 0 : num / den;
    }

    private void startAnalysesConsumer(String bootstrap, String analysesTopic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p);
        List<TopicPartition> partitions = consumer.partitionsFor(analysesTopic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(analysesTopic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end offsets now, before anything is produced
        Thread thread = new Thread(() -> {
            try (consumer) {
                while (running) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        Tracked t = record.key() == null ? null : tracked.get(record.key());
                        if (t != null && record.value() != null && t.published == 0) {
                            t.published = System.nanoTime();
                            awaitingRest.add(t);
                        }
                    }
                }
            }
        }, "analyses-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    private void startRestPoller() {
        Thread thread = new Thread(() -> {
            while (running) {
                for (Tracked t : awaitingRest) {
                    try {
                        HttpResponse<Void> response = client.send(HttpRequest.newBuilder(
                                URI.create(http + "/api/v1/articles/" + t.id)).timeout(Duration.ofSeconds(10)).GET()
                                .build(), HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() == 200) {
                            t.visible = System.nanoTime();
                            visibleCount.incrementAndGet();
                            awaitingRest.remove(t);
                        }
                    } catch (Exception e) {
                        // not answering now: polled again in the next round
                    }
                }
                LockSupport.parkNanos(25_000_000L);
            }
        }, "rest-poller");
        thread.setDaemon(true);
        thread.start();
    }

    private void startLagSampler() throws Exception {
        List<TopicPartition> partitions = new ArrayList<>();
        admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions()
                .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
        partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        Thread thread = new Thread(() -> {
            long next = System.nanoTime();
            while (running) {
                try {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
                    var ends = admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS);
                    long lag = 0;
                    for (TopicPartition tp : partitions) {
                        OffsetAndMetadata c = committed.get(tp);
                        lag += Math.max(0, ends.get(tp).offset() - (c == null ? 0 : c.offset()));
                    }
                    lastLag = lag;
                    samples.add(new Sample(round(now(), 2), lag, producedCount.get() - visibleCount.get(),
                            BenchSupport.loadAverage()));
                } catch (Exception e) {
                    log("lag sample failed: %s", e);
                }
                next += 1_000_000_000L;
                LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
            }
        }, "lag-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private double now() {
        return (System.nanoTime() - t0) / 1e9;
    }

    private void log(String format, Object... args) {
        System.err.printf("[%7.1f s] %s%n", now(), String.format(format, args));
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    private void close() {
        running = false;
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
        // the poller, consumer and sampler are daemon threads
    }
}
