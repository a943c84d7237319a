package io.stancewire.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.stancewire.KafkaBrokerResource;

/**
 * Writes and administration need an API key with the right role (the test profile's keys); reads are open by
 * default. Missing or wrong credentials answer 401, a key without the role 403, all as problem details.
 */
@QuarkusTest
@Tag("integration") // starts Quarkus and a Kafka broker
@WithTestResource(value = KafkaBrokerResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SecurityTest {

    static final String PROBLEM = "application/problem+json";
    static final String WRITER = "test-writer-key-0123456789";
    static final String ADMIN = "test-admin-key-0123456789";
    static final String READER = "test-reader-key-0123456789";
    static final String ARTICLE = "{\"id\": \"sec-1\", \"body\": \"Kurti spoke.\"}";

    @Test
    void submittingAnArticleNeedsAWriterKey() {
        given().contentType(ContentType.JSON).body(ARTICLE).post("/api/v1/articles").then().statusCode(401)
                .contentType(startsWith(PROBLEM)).header("WWW-Authenticate", containsString("X-API-Key"))
                .body("status", equalTo(401)).body("detail", containsString("needs an API key"));
        given().header("X-API-Key", "not-a-key-of-this-service").contentType(ContentType.JSON).body(ARTICLE)
                .post("/api/v1/articles").then().statusCode(401).contentType(startsWith(PROBLEM))
                .body("detail", containsString("not valid"));
        given().header("X-API-Key", READER).contentType(ContentType.JSON).body(ARTICLE).post("/api/v1/articles").then()
                .statusCode(403).contentType(startsWith(PROBLEM)).body("status", equalTo(403));
        given().header("X-API-Key", WRITER).contentType(ContentType.JSON).body(ARTICLE).post("/api/v1/articles").then()
                .statusCode(202).body("id", equalTo("sec-1"));
        // the same key as a bearer token, while OIDC is off
        given().header("Authorization", "Bearer " + WRITER).contentType(ContentType.JSON).body(ARTICLE)
                .post("/api/v1/articles").then().statusCode(202);
        given().header("Authorization", "Bearer wrong-token-wrong-token").contentType(ContentType.JSON).body(ARTICLE)
                .post("/api/v1/articles").then().statusCode(401).contentType(startsWith(PROBLEM));
        // Basic credentials are no API key
        given().header("Authorization", "Basic d3JpdGVyOndyaXRlcg==").contentType(ContentType.JSON).body(ARTICLE)
                .post("/api/v1/articles").then().statusCode(401);
    }

    @Test
    void reloadingTheLeaderRegistryNeedsAnAdminKey() {
        String path = "/api/v1/admin/leader-registry/reload";
        given().post(path).then().statusCode(401).contentType(startsWith(PROBLEM));
        given().header("X-API-Key", "wrong-key-wrong-key-wrong").post(path).then().statusCode(401);
        given().header("X-API-Key", WRITER).post(path).then().statusCode(403).contentType(startsWith(PROBLEM));
        given().header("X-API-Key", ADMIN).post(path).then().statusCode(200).body("entries", greaterThan(10));
        // analyses go on with the reloaded registry
        given().contentType(ContentType.JSON)
                .body("{\"body\": \"“We will not give up,” Serbian President Aleksandar Vucic told reporters.\"}")
                .post("/api/v1/analyze").then().statusCode(200).body("quotes[0].speakerId", equalTo("aleksandar-vucic"));
    }

    @Test
    void readsAreOpenByDefaultAndAcceptKeysToo() {
        given().get("/api/v1/leaders").then().statusCode(200);
        given().get("/api/v1/articles/no-such-article").then().statusCode(404);
        given().header("X-API-Key", READER).get("/api/v1/leaders").then().statusCode(200);
        given().header("X-API-Key", WRITER).get("/api/v1/leaders").then().statusCode(200);
        // a wrong key is refused even where no key is needed: a caller with a typo learns it at once
        given().header("X-API-Key", "wrong-key-wrong-key-wrong").get("/api/v1/leaders").then().statusCode(401);
    }
}
