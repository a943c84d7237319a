package io.stancewire.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.stancewire.analysis.model.Actor;
import io.stancewire.analysis.model.ArticleAnalysis;
import io.stancewire.analysis.model.Span;
import io.stancewire.analysis.model.Stance;

/**
 * Loads the REST benchmark's leaders: synthetic analyses ({@link ArticleAnalysis} records written with Jackson, as the
 * service writes them) produced straight to {@code article-analyses}, bypassing CoreNLP. {@code --leaders} leaders
 * ({@code bench-leader-001}...), {@code --articles} articles naming 2 to 4 leaders each, the first articles naming
 * every leader once and the rest favouring the first leaders (news speaks of a few leaders most), each leader with a
 * stance of 1 to 5 pieces of evidence; seed 42, so every run loads the same data. Waits until {@code GET
 * /api/v1/leaders} lists them all, then writes one {@code /api/v1/leaders/{id}} path a line to {@code --paths}.
 * Arguments: bootstrap, http, leaders (300), articles (1200), topic, paths.
 */
public final class LeaderLoader {

    private LeaderLoader() {
    }

    public static void main(String[] args) throws Exception {
        BenchSupport.quietKafka();
        Map<String, String> a = BenchSupport.args(args);
        String http = a.getOrDefault("http", "http://localhost:8080");
        int leaders = Integer.parseInt(a.getOrDefault("leaders", "300"));
        int articles = Integer.parseInt(a.getOrDefault("articles", "1200"));
        String topic = a.getOrDefault("topic", "article-analyses");
        Path paths = Path.of(a.getOrDefault("paths", "target/bench/rest-leader-paths.txt"));

        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, a.getOrDefault("bootstrap", "localhost:9092"));
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        Random random = new Random(42);
        Instant first = Instant.parse("2023-01-01T08:00:00Z");
        long started = System.nanoTime();
        long contributions = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
            for (int i = 0; i < articles; i++) {
                Set<Integer> named = new LinkedHashSet<>();
                int count = 2 + random.nextInt(3);
                if (i * 3 < leaders) { // every leader at least once
                    for (int k = i * 3; k < Math.min(leaders, i * 3 + 3); k++) {
                        named.add(k);
                    }
                }
                while (named.size() < count) {
                    double u = random.nextDouble();
                    named.add((int) (leaders * u * u)); // skewed towards the first leaders
                }
                String articleId = String.format("bench-rest-%05d", i);
                List<Actor> actors = new ArrayList<>();
                List<Stance> stances = new ArrayList<>();
                for (int k : named) {
                    String id = leaderId(k);
                    String name = String.format("Bench Leader %03d", k + 1);
                    actors.add(new Actor(id, name, "PERSON", true, k % 2 == 0 ? "Prime Minister" : "President",
                            Math.round((random.nextDouble() * 2 - 1) * 1e4) / 1e4, 0,
                            List.of(new Span(0, name.length(), name))));
                    stances.add(new Stance(id, Math.round((random.nextDouble() * 2 - 1) * 1e4) / 1e4,
                            1 + random.nextInt(5)));
                }
                contributions += named.size();
                ArticleAnalysis analysis = new ArticleAnalysis(articleId, "Benchmark article " + i,
                        first.plus(Duration.ofHours(7L * i)), "Bench Wire", null, actors, List.of(), List.of(), stances,
                        List.of());
                producer.send(new ProducerRecord<>(topic, articleId, BenchSupport.JSON.writeValueAsBytes(analysis)));
            }
            producer.flush();
        }
        System.err.printf("produced %d analyses naming %d leaders in %.1f s%n", articles, leaders,
                (System.nanoTime() - started) / 1e9);

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        int listed = 0;
        long counted = 0;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(http + "/api/v1/leaders"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                var list = BenchSupport.JSON.readTree(response.body());
                listed = list.size();
                counted = 0;
                for (var leader : list) {
                    counted += leader.path("articles").asLong();
                }
                if (listed >= leaders && counted >= contributions) { // every analysis aggregated
                    System.err.printf("GET /api/v1/leaders lists %d leaders, %d contributions (%d bytes) after %.1f s%n",
                            listed, counted, response.body().length(), (System.nanoTime() - started) / 1e9);
                    break;
                }
            }
            Thread.sleep(500);
        }
        if (listed < leaders || counted < contributions) {
            System.err.printf("GET /api/v1/leaders lists %d leaders and %d contributions, expected %d and %d%n",
                    listed, counted, leaders, contributions);
            System.exit(1);
        }
        List<String> lines = new ArrayList<>();
        for (int k = 0; k < leaders; k++) {
            lines.add("/api/v1/leaders/" + leaderId(k));
        }
        if (paths.getParent() != null) {
            Files.createDirectories(paths.getParent());
        }
        Files.write(paths, lines);
    }

    static String leaderId(int k) {
        return String.format("bench-leader-%03d", k + 1);
    }
}
