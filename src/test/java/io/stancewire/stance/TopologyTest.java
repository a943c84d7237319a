package io.stancewire.stance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.stancewire.analysis.model.Actor;
import io.stancewire.analysis.model.ArticleAnalysis;
import io.stancewire.analysis.model.Relation;
import io.stancewire.analysis.model.RelationEvidence;
import io.stancewire.analysis.model.Span;
import io.stancewire.analysis.model.Stance;

/**
 * The topology without a broker: stances, relations and portrayal by outlet follow articles as they are added,
 * re-sent, edited and withdrawn.
 */
class TopologyTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final Instant MARCH_18 = Instant.parse("2023-03-18T20:00:00Z");

    @TempDir
    Path stateDir;

    TopologyTestDriver driver;
    TestInputTopic<String, byte[]> analyses;
    TestOutputTopic<String, byte[]> leaderStances;

    @BeforeEach
    void start() throws Exception {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createDirectories(stateDir.resolve("streams")).toString());
        driver = new TopologyTestDriver(TopologyProducer.topology("article-analyses", "leader-stances", 1 << 20, MAPPER), props);
        analyses = driver.createInputTopic("article-analyses", Serdes.String().serializer(),
                Serdes.ByteArray().serializer());
        leaderStances = driver.createOutputTopic("leader-stances", Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void send(ArticleAnalysis analysis) throws Exception {
        analyses.pipeInput(analysis.articleId(), MAPPER.writeValueAsBytes(analysis));
    }

    private static Actor leader(String id, String name, double portrayal) {
        return new Actor(id, name, "PERSON", true, null, portrayal, 0, List.of(new Span(0, 1, "x")));
    }

    private static Relation relation(String agent, String target, double value) {
        return new Relation(agent, target, value, 1,
                List.of(new RelationEvidence(0, 1, "x", RelationEvidence.Kind.TONE, value)));
    }

    /** Kurti and Vučić throw spades at each other, in an article from {@code source}. */
    private static ArticleAnalysis spades(String id, String source, double value, Instant publishedAt) {
        return new ArticleAnalysis(id, null, publishedAt, source, "x",
                List.of(leader("albin-kurti", "Albin Kurti", -0.2), leader("aleksandar-vucic", "Aleksandar Vučić", 0.1)),
                List.of(), List.of(), List.of(new Stance("albin-kurti", value, 1), new Stance("aleksandar-vucic", value, 1)),
                List.of(relation("albin-kurti", "aleksandar-vucic", value),
                        relation("aleksandar-vucic", "albin-kurti", value)));
    }

    private KeyValueStore<String, RelationsAggregate> relations() {
        return driver.getKeyValueStore(TopologyProducer.RELATIONS_STORE);
    }

    private KeyValueStore<String, StanceAggregate> leaders() {
        return driver.getKeyValueStore(TopologyProducer.LEADERS_STORE);
    }

    @Test
    void relationsAndPortrayalFollowAddResendEditAndTombstone() throws Exception {
        send(spades("a-1", "AFP", -0.6, MARCH_18));
        send(spades("a-2", "Reuters", -0.4, MARCH_18.plusSeconds(86_400)));
        RelationsAggregate kurti = relations().get("albin-kurti");
        RelationTotals towardVucic = kurti.targets().get("aleksandar-vucic");
        assertThat(towardVucic.articles()).isEqualTo(2);
        assertThat(towardVucic.evidence()).isEqualTo(2);
        assertThat(towardVucic.score()).isEqualTo(-0.5);
        assertThat(towardVucic.targetName()).isEqualTo("Aleksandar Vučić");
        assertThat(towardVucic.days()).containsOnlyKeys("2023-03-18", "2023-03-19");
        assertThat(towardVucic.within(new DateWindow(null, java.time.LocalDate.parse("2023-03-18"))).sum()).isEqualTo(-0.6);
        assertThat(towardVucic.sources()).extracting(StanceAggregate.Source::articleId).containsExactly("a-2", "a-1");
        assertThat(relations().get("aleksandar-vucic").targets()).containsOnlyKeys("albin-kurti");
        assertThat(kurti.portrayal().articles()).isEqualTo(2);
        assertThat(kurti.portrayal().score()).isEqualTo(-0.2);
        assertThat(kurti.portrayal().bySource()).containsOnlyKeys("AFP", "Reuters");

        // the same article again changes nothing
        send(spades("a-1", "AFP", -0.6, MARCH_18));
        assertThat(relations().get("albin-kurti")).usingRecursiveComparison().ignoringFields("targets.updatedAt")
                .isEqualTo(kurti);

        // an edit replaces: warmer words, another outlet
        send(spades("a-1", "BBC", 0.6, MARCH_18));
        RelationsAggregate edited = relations().get("albin-kurti");
        assertThat(edited.targets().get("aleksandar-vucic").score()).isEqualTo(0.1);
        assertThat(edited.targets().get("aleksandar-vucic").articles()).isEqualTo(2);
        assertThat(edited.portrayal().bySource()).containsOnlyKeys("BBC", "Reuters");

        // a tombstone withdraws; the last one removes the leader
        analyses.pipeInput("a-1", (byte[]) null);
        assertThat(relations().get("albin-kurti").targets().get("aleksandar-vucic").articles()).isEqualTo(1);
        assertThat(relations().get("albin-kurti").portrayal().bySource()).containsOnlyKeys("Reuters");
        analyses.pipeInput("a-2", (byte[]) null);
        assertThat(relations().get("albin-kurti")).isNull();
        assertThat(leaders().get("albin-kurti")).isNull();
    }

    @Test
    void everyChangedLeaderGoesToTheLeaderStancesTopicAsItsJsonAndALostOneAsATombstone() throws Exception {
        send(spades("a-1", "AFP", -0.6, MARCH_18));
        Map<String, byte[]> latest = leaderStances.readKeyValuesToMap();
        assertThat(latest).containsOnlyKeys("albin-kurti", "aleksandar-vucic");
        LeaderStance kurti = MAPPER.readValue(latest.get("albin-kurti"), LeaderStance.class);
        assertThat(kurti).isEqualTo(LeaderStance.of(leaders().get("albin-kurti")));
        assertThat(kurti.score()).isEqualTo(-0.6);

        send(spades("a-1", "AFP", -0.6, MARCH_18)); // the same article again: no change, no record
        assertThat(leaderStances.isEmpty()).isTrue();

        analyses.pipeInput("a-1", (byte[]) null);
        Map<String, byte[]> gone = leaderStances.readKeyValuesToMap();
        assertThat(gone).containsOnlyKeys("albin-kurti", "aleksandar-vucic");
        assertThat(gone.values()).containsOnlyNulls();
    }

    @Test
    void anArticleThatNoLongerRelatesTwoLeadersTakesTheRelationOut() throws Exception {
        send(spades("a-1", "AFP", -0.6, MARCH_18));
        ArticleAnalysis calm = new ArticleAnalysis("a-1", null, MARCH_18, "AFP", "x",
                List.of(leader("albin-kurti", "Albin Kurti", 0.3)), List.of(), List.of(),
                List.of(new Stance("albin-kurti", 0.5, 2)), List.of());
        send(calm);
        assertThat(relations().get("albin-kurti").targets()).isEmpty();
        assertThat(relations().get("albin-kurti").portrayal().score()).isEqualTo(0.3);
        assertThat(relations().get("aleksandar-vucic")).isNull();
        assertThat(leaders().get("albin-kurti").evidence()).isEqualTo(2);
        assertThat(leaders().get("aleksandar-vucic")).isNull();
    }

    @Test
    void anAnalysisThatDiffersOnlyInPublishedAtIsADuplicate() throws Exception {
        send(spades("a-1", "AFP", -0.6, MARCH_18));
        StanceAggregate before = leaders().get("albin-kurti");
        leaderStances.readKeyValuesToMap();

        // re-sent without publishedAt, the article takes the new record's timestamp: nothing changes
        send(spades("a-1", "AFP", -0.6, MARCH_18.plusSeconds(3_600)));
        assertThat(leaderStances.isEmpty()).isTrue();
        assertThat(leaders().get("albin-kurti")).isEqualTo(before);
        assertThat(leaders().get("albin-kurti").days()).containsOnlyKeys("2023-03-18");
    }

    @Test
    void severalLeadersAreCountedApartAndAnEditMovesAContributionFromOneToAnother() throws Exception {
        ArticleAnalysis three = new ArticleAnalysis("a-1", null, MARCH_18, "AFP", "x",
                List.of(leader("albin-kurti", "Albin Kurti", 0), leader("aleksandar-vucic", "Aleksandar Vučić", 0),
                        leader("josep-borrell", "Josep Borrell", 0)),
                List.of(), List.of(), List.of(new Stance("albin-kurti", -0.5, 2), new Stance("aleksandar-vucic", 0.25, 1),
                        new Stance("josep-borrell", 0.75, 3)),
                List.of());
        send(three);
        send(new ArticleAnalysis("a-2", null, MARCH_18.plusSeconds(86_400), "AFP", "x",
                List.of(leader("albin-kurti", "Albin Kurti", 0)), List.of(), List.of(),
                List.of(new Stance("albin-kurti", 0.5, 2)), List.of()));
        assertThat(leaders().get("albin-kurti").articles()).isEqualTo(2);
        assertThat(leaders().get("albin-kurti").evidence()).isEqualTo(4);
        assertThat(leaders().get("albin-kurti").days()).containsOnlyKeys("2023-03-18", "2023-03-19");
        assertThat(leaders().get("aleksandar-vucic").evidence()).isEqualTo(1);
        assertThat(leaders().get("josep-borrell").evidence()).isEqualTo(3);
        assertThat(leaderStances.readKeyValuesToMap()).containsOnlyKeys("albin-kurti", "aleksandar-vucic",
                "josep-borrell");

        // a-1 edited: Borrell no longer in it; Kurti's share changes; Vučić's stays
        send(new ArticleAnalysis("a-1", null, MARCH_18, "AFP", "x",
                List.of(leader("albin-kurti", "Albin Kurti", 0), leader("aleksandar-vucic", "Aleksandar Vučić", 0)),
                List.of(), List.of(), List.of(new Stance("albin-kurti", 0.5, 1), new Stance("aleksandar-vucic", 0.25, 1)),
                List.of()));
        assertThat(leaders().get("josep-borrell")).isNull();
        assertThat(leaders().get("albin-kurti").evidence()).isEqualTo(3);
        assertThat(leaders().get("albin-kurti").articles()).isEqualTo(2);
        assertThat(leaders().get("aleksandar-vucic").evidence()).isEqualTo(1);
        Map<String, byte[]> changed = leaderStances.readKeyValuesToMap();
        assertThat(changed).containsKeys("albin-kurti", "josep-borrell");
        assertThat(changed.get("josep-borrell")).isNull();
    }
}
