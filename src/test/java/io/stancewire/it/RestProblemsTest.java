package io.stancewire.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.stancewire.KafkaBrokerResource;

/** Every REST error answers RFC 9457 problem details; the happy paths answer the contract's JSON. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RestProblemsTest {

    static final String PROBLEM = "application/problem+json";
    static final String WRITER_KEY = "test-writer-key-0123456789";

    @Test
    void unknownArticleIs404() {
        given().get("/api/v1/articles/no-such-article").then().statusCode(404).contentType(startsWith(PROBLEM))
                .body("status", equalTo(404)).body("title", equalTo("Unknown article"))
                .body("detail", containsString("no-such-article"));
    }

    @Test
    void unknownLeaderIs404() {
        given().get("/api/v1/leaders/nobody-at-all").then().statusCode(404).contentType(startsWith(PROBLEM))
                .body("status", equalTo(404)).body("detail", containsString("nobody-at-all"));
        given().get("/api/v1/leaders/nobody-at-all/timeline").then().statusCode(404).contentType(startsWith(PROBLEM));
    }

    @Test
    void malformedJsonIs400() {
        given().contentType(ContentType.JSON).body("{\"body\": ").post("/api/v1/analyze").then().statusCode(400)
                .contentType(startsWith(PROBLEM)).body("status", equalTo(400)).body("detail", containsString("JSON"));
        given().header("X-API-Key", WRITER_KEY).contentType(ContentType.JSON).body("{\"id\": 42, \"body\": \"x\"}")
                .post("/api/v1/articles").then()
                .statusCode(400).contentType(startsWith(PROBLEM)).body("detail", containsString("'id' must be a string"));
        given().header("X-API-Key", WRITER_KEY).contentType(ContentType.JSON).body("{\"body\": \"Kurti said so.\"}")
                .post("/api/v1/articles").then()
                .statusCode(400).contentType(startsWith(PROBLEM)).body("detail", containsString("'id' is missing"));
    }

    @Test
    void oversizedBodyIs413() {
        String huge = "a ".repeat(500_001);
        given().contentType(ContentType.JSON).body("{\"id\":\"big\",\"body\":\"" + huge + "\"}")
                .post("/api/v1/analyze").then().statusCode(413).contentType(startsWith(PROBLEM))
                .body("status", equalTo(413)).body("detail", containsString("limit"));
    }

    @Test
    void wrongMediaTypeIs415() {
        given().contentType(ContentType.TEXT).body("Kurti said so.").post("/api/v1/analyze").then().statusCode(415)
                .contentType(startsWith(PROBLEM)).body("status", equalTo(415));
    }

    @Test
    void badTimelineDateIs400() {
        given().get("/api/v1/leaders/anyone/timeline?from=yesterday").then().statusCode(400)
                .contentType(startsWith(PROBLEM)).body("detail", containsString("ISO date"));
    }

    @Test
    void analyzeAnswersTheAnalysisAtOnce() {
        given().contentType(ContentType.JSON)
                .body("{\"body\": \"“We will not give up,” Serbian President Aleksandar Vucic told reporters.\"}")
                .post("/api/v1/analyze").then().statusCode(200).contentType(startsWith("application/json"))
                .body("quotes[0].speakerId", equalTo("aleksandar-vucic"))
                .body("actors.id", hasItem("aleksandar-vucic"));
    }

    @Test
    void submitAnswers202() {
        given().header("X-API-Key", WRITER_KEY).contentType(ContentType.JSON)
                .body("{\"id\": \"submitted-1\", \"body\": \"Kurti spoke.\"}")
                .post("/api/v1/articles").then().statusCode(202).header("Location", containsString("submitted-1"))
                .body("id", equalTo("submitted-1"));
    }

    @Test
    void indexListsTheEndpoints() {
        given().get("/api/v1").then().statusCode(200).contentType(startsWith("application/json"))
                .body("path", hasItem("/leaders/{id}")).body("method", hasItem("POST"));
    }

    @Test
    void healthOpenApiAndMetricsAnswer() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(3))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/leaders"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("stancewire_analysis_duration_seconds_bucket"));
    }
}
