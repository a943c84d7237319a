package io.stancewire.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stancewire.KafkaBrokerResource;
import io.stancewire.ingest.ArticleReaderTest;
import io.stancewire.ingest.AnalysisRunner;

/**
 * Every kind of bad record of the issue, produced to the real broker: each reaches {@code articles.dlq} unchanged
 * with its specific {@code dead-letter-reason}, is counted under its reason tag, and the good record sent after them
 * is still analysed. One record, a real article repeated (SlowArticle), takes longer than the time budget (10 s in
 * tests) and is dead-lettered as "analysis timed out".
 */
@QuarkusTest
@Tag("integration") // starts Quarkus and a Kafka broker
@WithTestResource(value = KafkaBrokerResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class KafkaBadInputTest {

    static final Duration WAIT = Duration.ofSeconds(150);
    static final ObjectMapper MAPPER = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String servers;

    @Inject
    AnalysisRunner analysis;

    @ConfigProperty(name = "stancewire.topics.articles")
    String articlesTopic;

    @ConfigProperty(name = "stancewire.topics.dead-letters")
    String deadLetterTopic;

    /** One bad record: its key (null for the cases that need none), its value, and the reason it must get. */
    record BadRecord(String name, String key, byte[] value, String reason, String tag) {
    }

    static byte[] json(Map<String, ?> fields) throws Exception {
        return MAPPER.writeValueAsBytes(fields);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }


    List<BadRecord> badRecords(String run) throws Exception {
        byte[] invalidUtf8 = utf8("{\"id\": \"" + run + "-utf8\", \"body\": \"caf\u00e9 au lait\"}");
        int e = new String(invalidUtf8, StandardCharsets.ISO_8859_1).indexOf('\u00c3');
        invalidUtf8[e + 1] = (byte) 0x28; // C3 28
        String nested = "[".repeat(10_000) + "]".repeat(10_000);
        List<BadRecord> cases = new ArrayList<>();
        cases.add(new BadRecord("not JSON", run + "-notjson", utf8("this is not JSON {"), "the value is not JSON",
                "not-json"));
        cases.add(new BadRecord("invalid UTF-8", run + "-utf8", invalidUtf8, "not valid UTF-8", "not-utf8"));
        cases.add(new BadRecord("JSON array", run + "-array", utf8("[{\"id\": \"x\", \"body\": \"Kurti spoke.\"}]"),
                "must be a JSON object, not array", "not-an-object"));
        cases.add(new BadRecord("JSON scalar", run + "-scalar", utf8("42"), "must be a JSON object, not number",
                "not-an-object"));
        cases.add(new BadRecord("missing id", null, json(Map.of("body", run + " missing id: Kurti spoke.")),
                "the required field 'id' is missing", "invalid-field"));
        cases.add(new BadRecord("blank id", null, json(Map.of("id", "   ", "body", run + " blank id")),
                "the field 'id' is blank", "invalid-field"));
        cases.add(new BadRecord("id over 256", null, json(Map.of("id", run + "x".repeat(300), "body", "Kurti spoke.")),
                "at most 256", "invalid-field"));
        cases.add(new BadRecord("missing body", run + "-nobody", json(Map.of("id", run + "-nobody")),
                "the required field 'body' is missing", "invalid-field"));
        cases.add(new BadRecord("blank body", run + "-blank", json(Map.of("id", run + "-blank", "body", " \n\t ")),
                "the field 'body' is blank", "invalid-field"));
        cases.add(new BadRecord("non-string body", run + "-numbody", json(Map.of("id", run + "-numbody", "body", 42)),
                "the field 'body' must be a string, not number", "invalid-field"));
        cases.add(new BadRecord("body over the limit", run + "-huge", json(Map.of("id", run + "-huge", "body",
                "Kurti spoke. ".repeat(76_924))), "the limit is 1000000", "too-large"));
        cases.add(new BadRecord("publishedAt not RFC 3339", run + "-date", json(Map.of("id", run + "-date", "body",
                "Kurti spoke.", "publishedAt", "18/03/2023 21:00")), "'publishedAt' is not an RFC 3339 timestamp",
                "invalid-field"));
        cases.add(new BadRecord("unsupported language", run + "-fr", json(Map.of("id", run + "-fr", "body",
                "Le président a boudé.", "language", "fr")), "unsupported language 'fr'", "unsupported-language"));
        cases.add(new BadRecord("French without a language field", run + "-fr-detected", json(Map.of("id", run
                + "-fr-detected", "body", ArticleReaderTest.FRENCH)), "unsupported language 'fr' (detected)",
                "unsupported-language"));
        cases.add(new BadRecord("nested 10,000 levels", run + "-nested", utf8("{\"id\": \"" + run
                + "-nested\", \"body\": \"Kurti spoke.\", \"extra\": " + nested + "}"), "nested more than 32 levels",
                "not-json"));
        cases.add(new BadRecord("null key and null value", null, null, "a tombstone (null value) needs the article id",
                "tombstone-without-key"));
        cases.add(new BadRecord("control character", run + "-ctrl", json(Map.of("id", run + "-ctrl", "body",
                "Kurti\u0007 spoke.")), "'body' holds the control character U+0007", "invalid-characters"));
        cases.add(new BadRecord("lone surrogate", run + "-surrogate", utf8("{\"id\": \"" + run
                + "-surrogate\", \"body\": \"Kurti \\ud800 spoke.\"}"), "'body' holds a lone surrogate U+D800",
                "invalid-characters"));
        cases.add(new BadRecord("only punctuation", run + "-punct", json(Map.of("id", run + "-punct", "body",
                "!!! ... ??? -- \u201c\u201d")), "no sentence to analyse", "no-sentences"));
        cases.add(new BadRecord("one 100,000-character token", run + "-token", json(Map.of("id", run + "-token",
                "body", "a".repeat(100_000))), "no sentence to analyse", "no-sentences"));
        cases.add(new BadRecord("analysis over the time budget", run + "-slow", json(Map.of("id", run + "-slow",
                "body", SlowArticle.body(analysis))), "analysis timed out", "analysis-timed-out"));
        return cases;
    }

    @Test
    void everyBadRecordIsDeadLetteredWithItsReasonAndTheNextGoodOneIsAnalysed() throws Exception {
        String run = "bad-" + UUID.randomUUID();
        List<BadRecord> cases = badRecords(run);
        String goodId = run + "-good";
        try (KafkaProducer<String, byte[]> producer = TestKafka.producer(servers)) {
            for (BadRecord bad : cases) {
                producer.send(new ProducerRecord<>(articlesTopic, bad.key(), bad.value())).get();
            }
            // English without a language field, long enough for the language to be detected: analysed as before
            producer.send(new ProducerRecord<>(articlesTopic, goodId, json(Map.of("id", goodId, "body",
                    "Serbian President Aleksandar Vucic welcomed the talks. " + ArticleReaderTest.ENGLISH)))).get();
        }

        await().atMost(WAIT).until(() -> given().get("/api/v1/articles/" + goodId).statusCode() == 200);

        List<Predicate<ConsumerRecord<String, byte[]>>> wanted = cases.stream().map(KafkaBadInputTest::matcher)
                .toList();
        List<ConsumerRecord<String, byte[]>> dead = TestKafka.readUntil(servers, deadLetterTopic, WAIT, wanted);
        for (BadRecord bad : cases) {
            ConsumerRecord<String, byte[]> record = dead.stream().filter(matcher(bad)).findFirst().orElse(null);
            assertThat(record).as("dead letter of '%s'", bad.name()).isNotNull();
            assertThat(record.value()).as("value of '%s' unchanged", bad.name()).isEqualTo(bad.value());
            assertThat(TestKafka.reason(record)).as("reason of '%s'", bad.name()).contains(bad.reason());
            if (bad.name().startsWith("French without")) {
                assertThat(TestKafka.reason(record)).isEqualTo("unsupported language 'fr' (detected)");
            }
        }
        assertThat(dead.stream().filter(r -> goodId.equals(r.key()))).as("the good record").isEmpty();

        String metrics = ServiceMetrics.scrape();
        for (String tag : cases.stream().map(BadRecord::tag).distinct().toList()) {
            assertThat(ServiceMetrics.sum(metrics, "stancewire_articles_dead_lettered_total", "reason=\"" + tag + "\""))
                    .as("stancewire_articles_dead_lettered_total{reason=%s}", tag)
                    .isGreaterThanOrEqualTo(cases.stream().filter(c -> c.tag().equals(tag)).count());
        }
        for (String detected : new String[] { "true", "false" }) {
            assertThat(ServiceMetrics.sum(metrics, "stancewire_articles_language_rejected_total",
                    "detected=\"" + detected + "\"", "language=\"fr\"")).as("French, detected=%s", detected)
                    .isGreaterThanOrEqualTo(1);
        }
    }

    static Predicate<ConsumerRecord<String, byte[]>> matcher(BadRecord bad) {
        return record -> bad.key() != null ? bad.key().equals(record.key())
                : record.key() == null && Arrays.equals(bad.value(), record.value());
    }
}
