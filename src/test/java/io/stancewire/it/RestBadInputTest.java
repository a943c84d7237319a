package io.stancewire.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.stancewire.KafkaBrokerResource;
import io.stancewire.ingest.AnalysisRunner;

/**
 * The bad inputs of the Kafka path against {@code POST /analyze} and {@code POST /articles}: problem details with
 * 400, 413, 415 or 422 naming the field; odd ids, unknown paths and bad query parameters answer 4xx, never 500; no
 * answer carries a stack trace or an internal path.
 */
@QuarkusTest
@Tag("integration") // starts Quarkus and a Kafka broker
@WithTestResource(value = KafkaBrokerResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RestBadInputTest {

    static final String PROBLEM = "application/problem+json";
    static final String WRITER_KEY = "test-writer-key-0123456789";

    @Inject
    AnalysisRunner analysis;

    /** A bad body, the status and field it must get, and words of the detail. */
    record BadBody(String name, byte[] body, int status, String field, String detail) {
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static List<BadBody> badBodies() {
        byte[] invalidUtf8 = utf8("{\"id\": \"r\", \"body\": \"caf\u00e9\"}");
        invalidUtf8[invalidUtf8.length - 4] = (byte) 0x28; // C3 28
        String nested = "[".repeat(10_000) + "]".repeat(10_000);
        List<BadBody> cases = new ArrayList<>();
        cases.add(new BadBody("not JSON", utf8("{\"body\": "), 400, null, "not JSON"));
        cases.add(new BadBody("empty", new byte[0], 400, null, "empty"));
        cases.add(new BadBody("invalid UTF-8", invalidUtf8, 400, null, "not valid UTF-8"));
        cases.add(new BadBody("array", utf8("[1, 2]"), 400, null, "not array"));
        cases.add(new BadBody("scalar", utf8("\"text\""), 400, null, "not string"));
        cases.add(new BadBody("blank id", utf8("{\"id\": \" \", \"body\": \"Kurti spoke.\"}"), 400, "id", "blank"));
        cases.add(new BadBody("long id", utf8("{\"id\": \"" + "i".repeat(300) + "\", \"body\": \"Kurti spoke.\"}"),
                400, "id", "at most 256"));
        cases.add(new BadBody("id not a string", utf8("{\"id\": 42, \"body\": \"x\"}"), 400, "id",
                "'id' must be a string"));
        cases.add(new BadBody("missing body", utf8("{\"id\": \"r\"}"), 400, "body", "'body' is missing"));
        cases.add(new BadBody("blank body", utf8("{\"id\": \"r\", \"body\": \"  \"}"), 400, "body", "blank"));
        cases.add(new BadBody("non-string body", utf8("{\"id\": \"r\", \"body\": [\"x\"]}"), 400, "body",
                "must be a string, not array"));
        cases.add(new BadBody("body over the limit", utf8("{\"id\": \"r\", \"body\": \"" + "Kurti spoke. ".repeat(76_924)
                + "\"}"), 413, "body", "the limit is 1000000"));
        cases.add(new BadBody("publishedAt", utf8("{\"id\": \"r\", \"body\": \"Kurti spoke.\", \"publishedAt\": "
                + "\"2023-03-18\"}"), 400, "publishedAt", "RFC 3339"));
        cases.add(new BadBody("language", utf8("{\"id\": \"r\", \"body\": \"Le président a boudé.\", \"language\": "
                + "\"fr\"}"), 422, "language", "unsupported language 'fr'"));
        cases.add(new BadBody("nested", utf8("{\"id\": \"r\", \"body\": \"Kurti spoke.\", \"x\": " + nested + "}"), 400,
                null, "nested more than 32 levels"));
        cases.add(new BadBody("control character", utf8("{\"id\": \"r\", \"body\": \"Kurti\\u0000 spoke.\"}"), 400,
                "body", "control character U+0000"));
        cases.add(new BadBody("lone surrogate", utf8("{\"id\": \"r\", \"body\": \"Kurti \\udfff spoke.\"}"), 400,
                "body", "lone surrogate U+DFFF"));
        cases.add(new BadBody("only punctuation", utf8("{\"id\": \"r\", \"body\": \"?! ... !?\"}"), 422, "body",
                "no sentence"));
        cases.add(new BadBody("one long token", utf8("{\"id\": \"r\", \"body\": \"" + "x".repeat(100_000) + "\"}"),
                422, "body", "no sentence"));
        return cases;
    }

    @Test
    void badArticlesAnswerProblemDetailsNamingTheField() {
        for (String path : List.of("/api/v1/analyze", "/api/v1/articles")) {
            for (BadBody bad : badBodies()) {
                Response answer = given().header("X-API-Key", WRITER_KEY).contentType(ContentType.JSON)
                        .body(bad.body()).post(path);
                String what = path + " " + bad.name();
                assertThat(answer.statusCode()).as(what).isEqualTo(bad.status());
                assertThat(answer.contentType()).as(what).startsWith(PROBLEM);
                assertThat(answer.jsonPath().getInt("status")).as(what).isEqualTo(bad.status());
                assertThat(answer.jsonPath().getString("field")).as(what).isEqualTo(bad.field());
                assertThat(answer.jsonPath().getString("detail")).as(what).contains(bad.detail());
                noInternals(answer);
            }
        }
        // POST /articles needs the id that POST /analyze does not
        given().header("X-API-Key", WRITER_KEY).contentType(ContentType.JSON).body("{\"body\": \"Kurti spoke.\"}")
                .post("/api/v1/articles").then().statusCode(400).body("field", equalTo("id"))
                .body("detail", containsString("'id' is missing"));
    }

    @Test
    void aBodyOverTheHttpLimitIs413() throws Exception {
        // the HTTP layer answers as soon as it sees the length, and closes: a raw socket reads the answer
        String answer = raw("POST /api/v1/analyze HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + (9 * 1024 * 1024) + "\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 413");
        assertThat(answer).doesNotContain("Exception", ".java");
    }

    @Test
    void invalidPercentEncodingIs400() throws Exception {
        for (String path : List.of("/api/v1/articles/%ZZ", "/api/v1/leaders/%E2%8",
                "/api/v1/leaders/x/timeline?from=%ZZ")) {
            String answer = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(answer).as(path).matches("(?s)HTTP/1.1 4\\d\\d .*");
            assertThat(answer).as(path).doesNotContain("Exception", ".java");
        }
    }

    /** Sends the request head (no body) and reads what comes back within 10 s. */
    static String raw(String head) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            java.io.ByteArrayOutputStream read = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = socket.getInputStream().read(buffer)) > 0 && read.size() < 65_536; ) {
                    read.write(buffer, 0, n);
                    if (read.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n") && read.size() > 12
                            && !head.contains("Connection: close")) {
                        break;
                    }
                }
            } catch (java.net.SocketTimeoutException e) {
                // what came so far is the answer
            }
            return read.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void anAnalysisOverTheTimeBudgetIs422() {
        String body = SlowArticle.body(analysis).replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
        Response answer = given().contentType(ContentType.JSON).body("{\"body\": \"" + body + "\"}")
                .post("/api/v1/analyze");
        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.contentType()).startsWith(PROBLEM);
        assertThat(answer.jsonPath().getString("title")).isEqualTo("Analysis timed out");
        assertThat(answer.jsonPath().getString("detail")).startsWith("analysis timed out").contains("10 s");
    }

    @Test
    void wrongOrMissingMediaTypeIs415() {
        given().contentType(ContentType.TEXT).body("Kurti said so.").post("/api/v1/analyze").then().statusCode(415)
                .contentType(startsWith(PROBLEM)).body("status", equalTo(415));
        given().header("X-API-Key", WRITER_KEY).contentType("application/xml").body("<a/>").post("/api/v1/articles")
                .then().statusCode(415).contentType(startsWith(PROBLEM));
        given().body(utf8("{\"body\": \"Kurti spoke.\"}")).post("/api/v1/analyze").then().statusCode(415);
    }

    @Test
    void oddIdsUnknownPathsAndBadParametersAre4xx() {
        String[] paths = { "/api/v1/articles/%00", "/api/v1/articles/..%2F..%2Fetc%2Fpasswd",
                "/api/v1/articles/%E2%80%9C%F0%9F%98%80", "/api/v1/articles/" + "z".repeat(2000),
                "/api/v1/articles/a%20b%0Ac", "/api/v1/leaders/%00",
                "/api/v1/leaders/%C3%28/timeline", "/api/v1/nothing", "/api/v1/leaders/x/y/z", "/api/v2/leaders",
                "/api/v1/articles/;jsessionid=1", "/api/v1/leaders/anyone/timeline?from=2024-05-02&to=2024-05-01",
                "/api/v1/leaders/anyone/timeline?from=yesterday", "/api/v1/leaders/anyone/timeline?to=2023-02-30",
                "/api/v1/leaders/anyone/timeline?from=%00" };
        for (String path : paths) {
            Response answer = given().urlEncodingEnabled(false).get(path);
            assertThat(answer.statusCode()).as(path).isBetween(400, 499);
            noInternals(answer);
        }
        given().get("/api/v1/leaders/anyone/timeline?from=2024-05-02&to=2024-05-01").then().statusCode(400)
                .contentType(startsWith(PROBLEM)).body("detail", containsString("'from' (2024-05-02) is after 'to'"));
        given().get("/api/v1/leaders/anyone/timeline?to=2023-02-30").then().statusCode(400)
                .contentType(startsWith(PROBLEM)).body("detail", containsString("'to' must be an ISO date"));
        given().get("/api/v1/nothing").then().statusCode(404).contentType(startsWith(PROBLEM));
        given().get("/api/v1/analyze").then().statusCode(405).contentType(startsWith(PROBLEM));
        given().urlEncodingEnabled(false).get("/api/v1/articles/%E2%80%9C%F0%9F%98%80").then().statusCode(404)
                .contentType(startsWith(PROBLEM)).body("detail", containsString("\u201c\uD83D\uDE00"));
    }

    /** Nothing of the service's insides: no stack frame, exception class or file path. */
    static void noInternals(Response answer) {
        String body = answer.asString();
        assertThat(body).doesNotContain("\tat ", "at io.", "Exception", ".java", "/work/", "/tmp/", "stancewire-test");
    }
}
