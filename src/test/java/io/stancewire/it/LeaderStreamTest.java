package io.stancewire.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stancewire.KafkaBrokerResource;

/**
 * Live changes on a real broker: every changed leader goes to the compacted {@code leader-stances} topic as the JSON
 * of {@code GET /leaders/{id}} (a tombstone when it loses its last article), and to the server-sent events of
 * {@code GET /leaders/stream}, whose clients resume with {@code Last-Event-ID} without missing a change.
 */
@QuarkusTest
@Tag("integration") // starts Quarkus and a Kafka broker
@WithTestResource(value = KafkaBrokerResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class LeaderStreamTest {

    static final Duration WAIT = Duration.ofSeconds(90);
    static final String LEADER = "zoran-strimac";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String servers;

    @ConfigProperty(name = "stancewire.topics.articles")
    String articlesTopic;

    @ConfigProperty(name = "stancewire.topics.leader-stances")
    String leaderStancesTopic;

    @TestHTTPResource("/api/v1/leaders/stream")
    URI stream;

    @TestHTTPResource("/api/v1/leaders/" + LEADER)
    URI leader;

    final ObjectMapper mapper = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();

    /** One open stream: its lines, read on a thread of their own. */
    final class Events implements AutoCloseable {
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final Thread reader;
        volatile Stream<String> body;

        Events(String query, String lastEventId) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stream + query))
                    .header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            HttpResponse<Stream<String>> response = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            body = response.body();
            reader = new Thread(() -> {
                try {
                    body.forEach(lines::add);
                } catch (RuntimeException closed) {
                    // the test closed the stream
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        /** The next event (name, id, data) whose data mentions {@code text}, within the wait. */
        Map<String, String> next(String name, String text) throws InterruptedException {
            Map<String, String> event = new HashMap<>();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                String line = lines.poll(1, TimeUnit.SECONDS);
                if (line == null) {
                    continue;
                }
                if (line.isEmpty()) {
                    if (name.equals(event.get("event")) && event.getOrDefault("data", "").contains(text)) {
                        return event;
                    }
                    event = new HashMap<>();
                } else if (!line.startsWith(":") && line.contains(":")) {
                    String field = line.substring(0, line.indexOf(':'));
                    event.merge(field, line.substring(line.indexOf(':') + 1).trim(), (a, b) -> a + b);
                }
            }
            throw new AssertionError("no '" + name + "' event about " + text + " within " + WAIT);
        }

        boolean heartbeatWithin(Duration wait) throws InterruptedException {
            long deadline = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < deadline) {
                String line = lines.poll(200, TimeUnit.MILLISECONDS);
                if (line != null && line.startsWith(":")) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void close() {
            body.close();
        }
    }

    private void send(String key, String body) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            byte[] value = body == null ? null : mapper.writeValueAsBytes(Map.of("id", key, "body", body,
                    "publishedAt", "2024-06-01T10:00:00Z"));
            producer.send(new ProducerRecord<>(articlesTopic, key, value)).get();
        }
    }

    /** The latest record of every key of the topic, read from the start (null: a tombstone). */
    private Map<String, byte[]> topic() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, byte[]> latest = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(leaderStancesTopic).forEach(p -> partitions.add(new TopicPartition(p.topic(),
                    p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    latest.put(record.key(), record.value());
                }
            }
        }
        return latest;
    }

    private JsonNode leaderJson() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(leader).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? mapper.readTree(response.body()) : null;
    }

    @Test
    void changesReachTheTopicAndTheStreamAndAReconnectingClientMissesNone() throws Exception {
        String id = "stream-" + System.nanoTime();
        Map<String, String> first;
        try (Events events = new Events("?id=" + LEADER, null)) {
            assertThat(events.heartbeatWithin(Duration.ofSeconds(10))).as("a heartbeat comment").isTrue();
            send(id, "Montenegrin President Zoran Strimac condemned the violence in the capital.");
            first = events.next("leader", LEADER);
        }
        JsonNode before = mapper.readTree(first.get("data"));
        assertThat(before.get("id").asText()).isEqualTo(LEADER);
        assertThat(before.get("score").asDouble()).isNegative();
        assertThat(first.get("id")).matches("\\d+:\\d+(,\\d+:\\d+)*");

        // while no client listens, the article is edited: the client that comes back with its last id gets it
        send(id, "Montenegrin President Zoran Strimac praised the opposition and welcomed the agreement.");
        await().atMost(WAIT).until(() -> leaderJson() != null && leaderJson().get("score").asDouble() > 0);
        try (Events events = new Events("?id=" + LEADER, first.get("id"))) {
            JsonNode after = mapper.readTree(events.next("leader", LEADER).get("data"));
            assertThat(after.get("score").asDouble()).isPositive();
            assertThat(after).isEqualTo(leaderJson());
            assertThat(mapper.readTree(topic().get(LEADER))).isEqualTo(leaderJson());

            // the article withdrawn: the leader goes, as an event and as a tombstone
            send(id, null);
            assertThat(events.next("leader-removed", LEADER).get("data")).contains(LEADER);
        }
        await().atMost(WAIT).until(() -> topic().containsKey(LEADER) && topic().get(LEADER) == null);
    }

    @Test
    void aMalformedLastEventIdIsAProblem() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(stream).header("Last-Event-ID", "yesterday")
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).contains("Last-Event-ID");
    }
}
