package io.stancewire.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.stancewire.KafkaBrokerResource;

/**
 * The service end to end on a real in-process KRaft broker: articles produced to Kafka reach the leader stances;
 * re-sending changes nothing, an edit replaces, a tombstone withdraws; bad records go to the dead-letter topic with
 * their reason and the next good record is still processed.
 */
@QuarkusTest
@Tag("integration") // starts Quarkus and a Kafka broker
@WithTestResource(value = KafkaBrokerResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class KafkaPipelineTest {

    static final Duration WAIT = Duration.ofSeconds(90);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String servers;

    @ConfigProperty(name = "stancewire.topics.articles")
    String articlesTopic;

    @ConfigProperty(name = "stancewire.topics.dead-letters")
    String deadLetterTopic;

    final ObjectMapper mapper = new ObjectMapper();
    KafkaProducer<String, byte[]> producer;

    @BeforeEach
    void producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer = new KafkaProducer<>(props);
    }

    @AfterEach
    void close() {
        producer.close();
    }

    private void send(String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(articlesTopic, key, value)).get();
    }

    private byte[] article(String id, String body, String publishedAt) throws Exception {
        return mapper.writeValueAsBytes(Map.of("id", id, "body", body, "publishedAt", publishedAt, "source", "test"));
    }

    private static JsonPath leader(String id) {
        return given().get("/api/v1/leaders/" + id).then().statusCode(200).contentType(ContentType.JSON).extract()
                .jsonPath();
    }

    private static int status(String path) {
        return given().get(path).then().extract().statusCode();
    }

    @Test
    void articlesAddReplaceAndWithdrawTheirContribution() throws Exception {
        // a leader only these articles name, so other tests cannot move the figures
        String id = "it-" + UUID.randomUUID();
        String leaderId = "zoran-testic";
        String first = "Montenegrin President Zoran Testic blamed the opposition for the crisis.\n\n"
                + "Testic also condemned the violence in the capital.";
        send(id, article(id, first, "2024-05-01T10:00:00Z"));

        await().atMost(WAIT).until(() -> status("/api/v1/leaders/" + leaderId) == 200);
        JsonPath before = leader(leaderId);
        assertThat(before.getInt("articles")).isEqualTo(1);
        assertThat(before.getInt("evidence")).isEqualTo(2);
        assertThat(before.getDouble("score")).isNegative();
        given().get("/api/v1/leaders").then().statusCode(200)
                .body("find { it.id == '" + leaderId + "' }.articles", equalTo(1));
        given().get("/api/v1/articles/" + id).then().statusCode(200).body("articleId", equalTo(id))
                .body("stances.find { it.actorId == '" + leaderId + "' }.evidence", equalTo(2));

        // the same article again: nothing changes, even once a later article has been processed after it
        send(id, article(id, first, "2024-05-01T10:00:00Z"));
        String marker = "it-" + UUID.randomUUID();
        send(marker, article(marker, "Bulgarian Prime Minister Petar Markerov welcomed the agreement.",
                "2024-05-01T11:00:00Z"));
        await().atMost(WAIT).until(() -> status("/api/v1/articles/" + marker) == 200);
        JsonPath again = leader(leaderId);
        assertThat(again.getInt("articles")).isEqualTo(1);
        assertThat(again.getInt("evidence")).isEqualTo(2);
        assertThat(again.getDouble("score")).isEqualTo(before.getDouble("score"));

        // an edited version replaces the old contribution
        String edited = "Montenegrin President Zoran Testic praised the opposition and welcomed the agreement.";
        send(id, article(id, edited, "2024-05-02T10:00:00Z"));
        await().atMost(WAIT).until(() -> leader(leaderId).getDouble("score") > 0);
        JsonPath after = leader(leaderId);
        assertThat(after.getInt("articles")).isEqualTo(1);
        assertThat(after.getInt("evidence")).isEqualTo(2);
        List<Map<String, Object>> timeline = given().get("/api/v1/leaders/" + leaderId + "/timeline").then()
                .statusCode(200).extract().jsonPath().getList("$");
        assertThat(timeline).hasSize(1);
        assertThat(timeline.get(0).get("date")).isEqualTo("2024-05-02");

        // a tombstone withdraws it: the leader had no other article
        send(id, null);
        await().atMost(WAIT).until(() -> status("/api/v1/leaders/" + leaderId) == 404);
        await().atMost(WAIT).until(() -> status("/api/v1/articles/" + id) == 404);
    }

    @Test
    void theExampleArticleGivesRelationsAndPortrayalByOutletThatFollowItsVersions() throws Exception {
        // a day and an outlet of this test alone, so that other tests' articles on the same leaders do not count
        String id = "it-" + UUID.randomUUID();
        String outlet = "outlet-" + UUID.randomUUID();
        String day = "1999-03-18";
        String window = "?since=" + day + "&until=" + day;
        byte[] example = mapper.writeValueAsBytes(Map.of("id", id, "body",
                io.stancewire.analysis.TestArticles.text("ohrid.txt"), "publishedAt", day + "T20:00:00Z", "source",
                outlet));
        send(id, example);

        String kurti = "/api/v1/leaders/albin-kurti";
        await().atMost(WAIT).until(() -> status(kurti + "/relations" + window) == 200
                && relations(kurti + "/relations" + window).size() >= 2);
        List<Map<String, Object>> toward = relations(kurti + "/relations" + window);
        assertThat(score(toward, "aleksandar-vucic")).isNegative(); // throw spades at each other
        assertThat(score(toward, "government-of-serbia")).isNegative(); // blamed the Serbian side
        assertThat(toward).allSatisfy(r -> assertThat(r.get("articles")).isEqualTo(1));
        assertThat(score(relations("/api/v1/leaders/aleksandar-vucic/relations" + window), "albin-kurti"))
                .isNegative();
        List<Map<String, Object>> days = relations(kurti + "/relations/aleksandar-vucic/timeline?from=" + day
                + "&to=" + day);
        assertThat(days).singleElement().satisfies(d -> assertThat(d.get("date")).isEqualTo(day));
        assertThat(bySource(kurti, outlet)).isEqualTo(1);

        // sent again: nothing changes. Wait until it is analysed (the counter of analyses), so that the tombstone
        // below does not overtake it: two workers analyse in parallel, and a tombstone needs no analysis
        double analysed = analysed();
        send(id, example);
        await().atMost(WAIT).until(() -> analysed() >= analysed + 1);
        assertThat(relations(kurti + "/relations" + window)).isEqualTo(toward);
        assertThat(bySource(kurti, outlet)).isEqualTo(1);

        // a tombstone withdraws it (and Kurti altogether, unless another test's article names him)
        send(id, null);
        try {
            await().atMost(WAIT).until(() -> {
                var answer = given().get(kurti + "/relations" + window); // one request: Kurti may go in between
                return answer.statusCode() == 404
                        || answer.statusCode() == 200 && answer.jsonPath().getList("$").isEmpty();
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("still there after the tombstone: " + given().get(kurti + "/relations" + window)
                    .asString() + "; the article: " + status("/api/v1/articles/" + id), e);
        }
        var portrayal = given().get(kurti + "/portrayal");
        assertThat(portrayal.statusCode() == 404 || portrayal.jsonPath().getList("bySource.source").stream()
                .noneMatch(outlet::equals)).isTrue();
        given().get(kurti + "/relations/nobody-at-all/timeline").then().statusCode(404)
                .contentType("application/problem+json");
        given().get(kurti + "/relations?since=2020-01-02&until=2020-01-01").then().statusCode(400)
                .contentType("application/problem+json");
    }

    /** How many articles the service has analysed (its counter {@code stancewire_articles_analysed_total}). */
    private static double analysed() {
        return ServiceMetrics.sum(ServiceMetrics.scrape(), "stancewire_articles_analysed_total");
    }

    private static List<Map<String, Object>> relations(String path) {
        return given().get(path).then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static double score(List<Map<String, Object>> relations, String targetId) {
        return relations.stream().filter(r -> targetId.equals(r.get("targetId"))).findFirst()
                .map(r -> ((Number) r.get("score")).doubleValue())
                .orElseThrow(() -> new AssertionError("no relation toward " + targetId + " in " + relations));
    }

    /** How many articles of {@code outlet} the leader's portrayal counts. */
    private static int bySource(String leader, String outlet) {
        List<Map<String, Object>> sources = given().get(leader + "/portrayal").then().statusCode(200).extract()
                .jsonPath().getList("bySource");
        return sources.stream().filter(s -> outlet.equals(s.get("source"))).findFirst()
                .map(s -> ((Number) s.get("articles")).intValue()).orElse(0);
    }

    @Test
    void badRecordsGoToTheDeadLetterTopicAndTheNextGoodOneIsProcessed() throws Exception {
        String goodId = "it-" + UUID.randomUUID();
        byte[] notJson = "this is not JSON {".getBytes(StandardCharsets.UTF_8);
        byte[] noBody = mapper.writeValueAsBytes(Map.of("id", "it-nobody"));
        byte[] french = mapper.writeValueAsBytes(Map.of("id", "it-fr", "body", "Le président a boudé.",
                "language", "fr"));
        send("it-notjson", notJson);
        send("it-nobody", noBody);
        send("it-fr", french);
        send(goodId, article(goodId, "Serbian President Aleksandar Vucic welcomed the talks.", "2024-05-03T10:00:00Z"));

        await().atMost(WAIT).until(() -> status("/api/v1/articles/" + goodId) == 200);

        Map<String, ConsumerRecord<String, byte[]>> dead = deadLetters(List.of("it-notjson", "it-nobody", "it-fr"));
        assertThat(dead.get("it-notjson").value()).isEqualTo(notJson);
        assertThat(reason(dead.get("it-notjson"))).contains("not JSON");
        assertThat(dead.get("it-nobody").value()).isEqualTo(noBody);
        assertThat(reason(dead.get("it-nobody"))).contains("'body' is missing");
        assertThat(reason(dead.get("it-fr"))).contains("unsupported language 'fr'");
    }

    /** The dead letters by key, read until every wanted key is there (other tests dead-letter records too). */
    private Map<String, ConsumerRecord<String, byte[]>> deadLetters(List<String> keys) {
        Map<String, ConsumerRecord<String, byte[]>> byKey = new java.util.HashMap<>();
        TestKafka.readUntil(servers, deadLetterTopic, WAIT,
                keys.stream().<java.util.function.Predicate<ConsumerRecord<String, byte[]>>>map(
                        key -> r -> key.equals(r.key())).toList())
                .forEach(r -> byKey.put(r.key(), r));
        assertThat(byKey.keySet()).containsAll(keys);
        return byKey;
    }

    private static String reason(ConsumerRecord<String, byte[]> record) {
        return TestKafka.reason(record);
    }
}
