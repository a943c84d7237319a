package io.stancewire.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.InjectMock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stancewire.KafkaBrokerResource;
import io.stancewire.stance.Lookup;
import io.stancewire.stance.QueryScope;
import io.stancewire.stance.StanceAggregate;
import io.stancewire.stance.StanceQueries;

/**
 * The read resources with the query layer mocked: each maps found, held by another instance, not found and a peer
 * that does not answer to HTTP, and forwards to a real peer over HTTP (a {@link PeerServer}).
 * {@code %test.stancewire.peers.timeout} is 2 s.
 */
@QuarkusTest
@Tag("integration") // starts Quarkus and a Kafka broker
@WithTestResource(value = KafkaBrokerResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ReadResourcesTest {

    static final String PROBLEM = "application/problem+json";

    @InjectMock
    StanceQueries queries;

    static StanceAggregate leader(String id, long evidence) {
        return new StanceAggregate(id, "Name of " + id, "president", 0.5 * evidence, evidence, 1,
                Instant.parse("2023-03-18T20:00:00Z"), new TreeMap<>(), List.of(), new TreeMap<>());
    }

    @Test
    void aLeaderHeldHereIsAnswered() {
        when(queries.leader("ana", QueryScope.ALL_INSTANCES)).thenReturn(new Lookup.Found<>(leader("ana", 4)));
        given().get("/api/v1/leaders/ana").then().statusCode(200).body("id", equalTo("ana"))
                .body("evidence", equalTo(4)).body("score", equalTo(0.5f));
    }

    @Test
    void anUnknownLeaderIsA404Problem() {
        when(queries.leader("nobody", QueryScope.ALL_INSTANCES)).thenReturn(new Lookup.NotFound<>());
        given().get("/api/v1/leaders/nobody/timeline").then().statusCode(404).contentType(startsWith(PROBLEM))
                .body("type", equalTo("/problems/unknown-leader")).body("detail", containsString("nobody"));
    }

    @Test
    void localTrueAsksThisInstanceOnly() {
        when(queries.article("a1", QueryScope.THIS_INSTANCE)).thenReturn(new Lookup.NotFound<>());
        given().get("/api/v1/articles/a1?local=true").then().statusCode(404)
                .body("type", equalTo("/problems/unknown-article"));
    }

    @Test
    void aLeaderHeldElsewhereIsThatInstancesAnswerToTheSameRequestWithoutTheCallersKey() {
        try (PeerServer peer = new PeerServer(200, "[{\"date\":\"2023-03-18\",\"score\":0.25}]", Duration.ZERO)) {
            when(queries.leader("ana maria", QueryScope.ALL_INSTANCES))
                    .thenReturn(new Lookup.HeldElsewhere<>(peer.address()));
            given().urlEncodingEnabled(false).header("X-API-Key", "test-reader-key-0123456789")
                    .get("/api/v1/leaders/ana%20maria/timeline?from=2023-03-01&to=2023-03-31").then()
                    .statusCode(200).body("[0].score", equalTo(0.25f));
            assertThat(peer.received).hasSize(1);
            PeerServer.Received request = peer.received.get(0);
            assertThat(request.rawPath()).isEqualTo("/api/v1/leaders/ana%20maria/timeline");
            assertThat(request.rawQuery()).contains("from=2023-03-01").contains("to=2023-03-31")
                    .contains("local=true");
            assertThat(request.apiKey()).as("the caller's key stays on this instance").isNull();
            assertThat(request.authorization()).isNull();
        }
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).as("forwarded requests are counted by outcome and timed as REST client calls")
                .containsPattern("stancewire_peer_requests_total\\{[^}]*outcome=\"success\"[^}]*\\} [1-9]")
                .containsPattern("http_client_requests_seconds_count\\{[^}]*uri=\"/\\{path\\}\"");
    }

    @Test
    void aPeersErrorAnswerIsPassedOnAsItCame() {
        try (PeerServer peer = new PeerServer(404, "{\"status\":404,\"title\":\"Unknown article\"}", Duration.ZERO)) {
            when(queries.article("a2", QueryScope.ALL_INSTANCES)).thenReturn(new Lookup.HeldElsewhere<>(peer.address()));
            given().get("/api/v1/articles/a2").then().statusCode(404).body("title", equalTo("Unknown article"));
        }
    }

    @Test
    void aPeerThatIsDownIsA502ProblemToRetry() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        when(queries.leader("gone", QueryScope.ALL_INSTANCES))
                .thenReturn(new Lookup.HeldElsewhere<>("127.0.0.1:" + closed));
        given().get("/api/v1/leaders/gone").then().statusCode(502).contentType(startsWith(PROBLEM))
                .header("Retry-After", "5").body("type", equalTo("/problems/peer-unavailable"))
                .body("detail", containsString("127.0.0.1:" + closed));
    }

    @Test
    void theLeaderListAsksEveryOtherInstanceAtOnceAndMergesTheirLeaders() {
        try (PeerServer slow1 = new PeerServer(200, "[{\"id\":\"b\",\"evidence\":9,\"articles\":2}]",
                Duration.ofMillis(1200));
                PeerServer slow2 = new PeerServer(200, "[{\"id\":\"c\",\"evidence\":1,\"articles\":1}]",
                        Duration.ofMillis(1200))) {
            when(queries.leaders(QueryScope.ALL_INSTANCES)).thenReturn(new StanceQueries.Spread<>(
                    List.of(leader("a", 4)), List.of(slow1.address(), slow2.address())));
            long started = System.nanoTime();
            given().get("/api/v1/leaders").then().statusCode(200).body("id", equalTo(List.of("b", "a", "c")));
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(millis).as("two peers of 1.2 s each, asked in parallel").isLessThan(2300);
            assertThat(slow1.received.get(0).rawQuery()).isEqualTo("local=true");
        }
    }

    @Test
    void theLeaderListFailsWithinTheDeadlineWhenAPeerHangs() {
        try (PeerServer hanging = new PeerServer(200, "[]", Duration.ofSeconds(30))) {
            when(queries.leaders(any())).thenReturn(new StanceQueries.Spread<>(List.of(leader("a", 4)),
                    List.of(hanging.address())));
            long started = System.nanoTime();
            given().get("/api/v1/leaders").then().statusCode(502).body("type", equalTo("/problems/peer-unavailable"));
            assertThat((System.nanoTime() - started) / 1_000_000).as("the 2 s deadline, not the peer's 30 s")
                    .isBetween(1900L, 6000L);
        }
    }

    @Test
    void theStoreNotReadyIsA503ProblemToRetry() {
        when(queries.relations(eq("ana"), any())).thenThrow(new StanceQueries.StoreUnavailableException(
                "the stance store is not ready (Kafka Streams is REBALANCING)"));
        given().get("/api/v1/leaders/ana/portrayal").then().statusCode(503).header("Retry-After", "5")
                .body("detail", containsString("REBALANCING"));
    }
}
