package io.stancewire.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.stancewire.KafkaBrokerResource;
import io.stancewire.ingest.AnalysisRunner;
import io.stancewire.ingest.RecordLogContext;

/**
 * Traces and logs follow an article: the Kafka record received, its analysis and the analysis published share one
 * trace (with the producer's, when it sent a {@code traceparent}); a REST analysis is a child of its request; every
 * log line written while a record is processed carries its id, topic, partition and offset.
 */
@QuarkusTest
@Tag("integration") // starts Quarkus and a Kafka broker
@WithTestResource(value = KafkaBrokerResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class TracingTest {

    static final Duration WAIT = Duration.ofSeconds(120);
    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String servers;

    @ConfigProperty(name = "stancewire.topics.articles")
    String articlesTopic;

    @Test
    void aKafkaArticleIsOneTraceFromTheProducerThroughTheAnalysisToThePublishedAnalysis() throws Exception {
        String id = "traced-" + UUID.randomUUID();
        List<ExtLogRecord> logged = new CopyOnWriteArrayList<>();
        Handler capture = capture(logged);
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(capture);
        try (KafkaProducer<String, byte[]> producer = TestKafka.producer(servers)) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(articlesTopic, id, new ObjectMapper()
                    .writeValueAsBytes(Map.of("id", id, "body", "Serbian President Aleksandar Vucic welcomed the "
                            + "talks, and Kosovo's prime minister Albin Kurti blamed the Serbian side.")));
            record.headers().add("traceparent", ("00-" + TRACE_ID + "-00f067aa0ba902b7-01").getBytes());
            producer.send(record).get();
        }
        await().atMost(WAIT).until(() -> given().get("/api/v1/articles/" + id).statusCode() == 200);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<SpanData> trace = InMemoryTraces.SPANS.getFinishedSpanItems().stream()
                    .filter(span -> span.getTraceId().equals(TRACE_ID)).toList();
            SpanData received = only(trace, SpanKind.CONSUMER);
            SpanData analysis = trace.stream().filter(span -> span.getName().equals(AnalysisRunner.SPAN))
                    .findFirst().orElseThrow(() -> new AssertionError("no analysis span in " + trace));
            SpanData published = only(trace, SpanKind.PRODUCER);
            assertThat(analysis.getParentSpanId()).isEqualTo(received.getSpanId());
            assertThat(analysis.getAttributes().asMap().toString()).contains(id);
            assertThat(published.getName()).contains("article-analyses");
        });

        root.removeHandler(capture);
        // at least the consumer's "Analysed article" line
        List<ExtLogRecord> aboutTheRecord = logged.stream()
                .filter(line -> id.equals(line.getMdc(RecordLogContext.ARTICLE_ID))).toList();
        assertThat(aboutTheRecord).as("log lines with the article's id in their MDC").isNotEmpty();
        for (ExtLogRecord line : aboutTheRecord) {
            assertThat(line.getMdc(RecordLogContext.TOPIC)).isEqualTo(articlesTopic);
            assertThat(line.getMdc(RecordLogContext.PARTITION)).matches("\\d+");
            assertThat(line.getMdc(RecordLogContext.OFFSET)).matches("\\d+");
        }
    }

    @Test
    void aRestAnalysisIsAChildOfItsRequest() {
        given().contentType(ContentType.JSON).body(Map.of("body", "Kurti blamed the Serbian side."))
                .post("/api/v1/analyze").then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<SpanData> spans = InMemoryTraces.SPANS.getFinishedSpanItems();
            SpanData request = spans.stream().filter(span -> span.getKind() == SpanKind.SERVER
                    && span.getName().contains("/api/v1/analyze")).reduce((a, b) -> b).orElseThrow();
            assertThat(spans).anyMatch(span -> span.getName().equals(AnalysisRunner.SPAN)
                    && span.getParentSpanId().equals(request.getSpanId()));
        });
    }

    private static SpanData only(List<SpanData> trace, SpanKind kind) {
        List<SpanData> found = trace.stream().filter(span -> span.getKind() == kind).toList();
        assertThat(found).as("%s spans in %s", kind, trace).hasSize(1);
        return found.get(0);
    }

    /** Collects every line logged meanwhile, with a copy of its MDC. */
    private static Handler capture(List<ExtLogRecord> into) {
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record instanceof ExtLogRecord ext) {
                    ext.copyMdc();
                    into.add(ext);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }
}
