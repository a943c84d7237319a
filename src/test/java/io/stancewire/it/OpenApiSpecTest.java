package io.stancewire.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stancewire.KafkaBrokerResource;

/**
 * The API description is a contract: {@code docs/openapi.yaml} is its committed copy, and this test fails when the
 * served description (the one written at build time to {@code target/openapi/}) differs from it. After a deliberate
 * change: {@code ./mvnw verify -Dtest=OpenApiSpecTest -Dopenapi.update=true} rewrites the copy; review and commit it.
 */
@QuarkusTest
@Tag("integration") // starts Quarkus and a Kafka broker
@WithTestResource(value = KafkaBrokerResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OpenApiSpecTest {

    static final Path COMMITTED = Path.of("docs/openapi.yaml");

    @Test
    void theServedDescriptionIsTheCommittedOne() throws Exception {
        String served = given().get("/q/openapi").then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
        }
        assertThat(COMMITTED).as("the committed API description").exists();
        assertThat(served).as("the API description changed: run ./mvnw verify -Dtest=OpenApiSpecTest "
                + "-Dopenapi.update=true, review docs/openapi.yaml and commit it")
                .isEqualTo(Files.readString(COMMITTED, StandardCharsets.UTF_8));
    }

    @Test
    void articleBodiesProblemsAndTheApiKeyAreDescribed() {
        JsonNode spec = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .as(JsonNode.class);
        for (String path : List.of("/api/v1/analyze", "/api/v1/articles")) {
            JsonNode post = spec.at("/paths/" + path.replace("/", "~1") + "/post");
            assertThat(post.at("/requestBody/content/application~1json/schema/$ref").asText())
                    .isEqualTo("#/components/schemas/Article");
            for (String status : List.of("400", "413", "415", "422", "500", "503")) {
                assertThat(post.at("/responses/" + status + "/content/application~1problem+json/schema/$ref")
                        .asText()).as("%s %s", path, status).isEqualTo("#/components/schemas/Problem");
            }
        }
        assertThat(spec.at("/components/schemas/Article/required").toString()).contains("body");
        assertThat(spec.at("/components/securitySchemes/ApiKey/type").asText()).isEqualTo("apiKey");
        assertThat(spec.at("/components/securitySchemes/ApiKey/name").asText()).isEqualTo("X-API-Key");
        assertThat(spec.at("/components/securitySchemes/ApiKey/in").asText()).isEqualTo("header");
        assertThat(spec.at("/paths/~1api~1v1~1articles/post/security").toString()).isEqualTo("[{\"ApiKey\":[]}]");
        assertThat(spec.at("/paths/~1api~1v1~1leaders~1{id}/get/responses/404/content").toString())
                .contains("problem+json");
        assertThat(new ObjectMapper().convertValue(spec.at("/paths"), Map.class)).isNotEmpty();
    }
}
