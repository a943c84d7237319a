package io.stancewire.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;


import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.stancewire.analysis.model.Actor;
import io.stancewire.analysis.model.ArticleAnalysis;
import io.stancewire.analysis.model.Quote;
import io.stancewire.analysis.model.Relation;
import io.stancewire.analysis.model.RelationEvidence;
import io.stancewire.analysis.model.Span;
import io.stancewire.analysis.model.Stance;
import io.stancewire.analysis.model.ToneCue;

/** The example article: every quote, speaker and tone cue the issue names. */
@Tag("integration") // loads the CoreNLP models
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OhridAnalysisTest {

    static final String KURTI = "albin-kurti";
    static final String VUCIC = "aleksandar-vucic";
    static final String BORRELL = "josep-borrell";

    final ArticleAnalyzer analysis = SharedAnalyzer.analyzer();

    ArticleAnalysis result;

    @BeforeAll
    void analyse() {
        result = analysis.analyze(TestArticles.article("ohrid", TestArticles.text("ohrid.txt")));
    }

    private Quote direct(String startsWith) {
        return result.quotes().stream()
                .filter(q -> q.kind().equals(Quote.DIRECT) && q.text().substring(1).startsWith(startsWith))
                .findFirst().orElseThrow(() -> new AssertionError("no direct quote starting " + startsWith));
    }

    @Test
    void findsAllEightQuotationSpans() {
        assertThat(result.quotes().stream().filter(q -> q.kind().equals(Quote.DIRECT))).hasSize(8);
        for (Quote quote : result.quotes()) {
            assertThat(TestArticles.text("ohrid.txt").substring(quote.start(), quote.end())).isEqualTo(quote.text());
        }
    }

    @Test
    void givesTheFourQuotesToTheirSpeakers() {
        assertThat(direct("The parties could not find").speakerId()).isEqualTo(BORRELL);
        assertThat(direct("The other side").speakerId()).isEqualTo(KURTI);
        assertThat(direct("It is now up to").speakerId()).isEqualTo(KURTI);
        Quote vucic = direct("I think");
        assertThat(vucic.speakerId()).isEqualTo(VUCIC);
        assertThat(vucic.speakerMention().text()).isEqualTo("The Serbian president");
        assertThat(direct("The parties could not find").speakerMention().text()).isEqualTo("he");
        assertThat(direct("The other side").speakerMention().text()).isEqualTo("Albin Kurti");
        assertThat(direct("It is now up to").speakerMention().text()).isEqualTo("Kosovar");
    }

    @Test
    void givesDocumentPhrasesAndTheCrowdNoSpeaker() {
        for (String phrase : List.of("mutually recognize", "Serbia will not oppose", "an appropriate level",
                "capitulation")) {
            Quote quote = direct(phrase);
            assertThat(quote.speakerId()).as(phrase).isNull();
            assertThat(quote.speakerName()).as(phrase).isNull();
            assertThat(quote.speakerMention()).as(phrase).isNull();
        }
    }

    @Test
    void readsThrowingSpadesAsHostileBetweenKurtiAndVucic() {
        ToneCue spades = result.tones().stream().filter(t -> t.cue().contains("spades")).findFirst()
                .orElseThrow(() -> new AssertionError("no cue for 'throw spades': " + result.tones()));
        assertThat(spades.polarity()).isLessThan(-0.3);
        assertThat(spades.category()).isEqualTo("hostile");
        assertThat(spades.agentIds()).containsExactlyInAnyOrder(KURTI, VUCIC);
        assertThat(spades.targetIds()).containsExactlyInAnyOrder(KURTI, VUCIC);
    }

    @Test
    void readsPoutingAsNegativeForVucic() {
        ToneCue pouted = result.tones().stream().filter(t -> t.cue().startsWith("pouted")).findFirst()
                .orElseThrow(() -> new AssertionError("no cue for 'pouted': " + result.tones()));
        assertThat(pouted.polarity()).isNegative();
        assertThat(pouted.agentIds()).containsExactly(VUCIC);
    }

    @Test
    void readsBlameAsAccusingTheSerbianSide() {
        ToneCue blamed = result.tones().stream().filter(t -> t.cue().startsWith("blamed")).findFirst()
                .orElseThrow(() -> new AssertionError("no cue for 'blamed': " + result.tones()));
        assertThat(blamed.polarity()).isNegative();
        assertThat(blamed.agentIds()).containsExactly(KURTI);
        assertThat(blamed.targetIds()).containsExactly("government-of-serbia");
    }

    @Test
    void knowsTheThreeLeadersWithTheirTitleMentions() {
        assertThat(mentions(KURTI)).contains("Albin Kurti", "The Kosovar prime minister", "Kosovar Prime Minister");
        assertThat(mentions(VUCIC)).contains("Aleksandar Vucic", "The Serbian president", "Serbian President");
        assertThat(mentions(BORRELL)).contains("Josep Borrell", "head of European diplomacy", "he");
        for (String leader : List.of(KURTI, VUCIC, BORRELL)) {
            assertThat(result.actor(leader).leader()).as(leader).isTrue();
            assertThat(result.actor(leader).type()).isEqualTo("PERSON");
        }
        assertThat(result.actor(VUCIC).name()).isEqualTo("Aleksandar Vučić");
    }

    @Test
    void reportsKurtisIndirectSpeech() {
        Quote ready = result.quotes().stream()
                .filter(q -> q.kind().equals(Quote.INDIRECT) && q.text().startsWith("he was ready")).findFirst()
                .orElseThrow(() -> new AssertionError("no indirect quote 'he was ready': " + result.quotes()));
        assertThat(ready.speakerId()).isEqualTo(KURTI);
        assertThat(ready.speakerMention().text()).isEqualTo("The Kosovar prime minister");
    }

    @Test
    void scoresStancesFromTheEvidence() {
        Stance vucic = stance(VUCIC);
        Stance kurti = stance(KURTI);
        assertThat(vucic.evidence()).isGreaterThanOrEqualTo(3); // his quote, pouted, spades
        assertThat(kurti.evidence()).isGreaterThanOrEqualTo(4); // two quotes, blamed, spades
        assertThat(vucic.score()).isNegative();
        assertThat(kurti.score()).isNegative();
        assertThat(stance(BORRELL).score()).isPositive();
        for (Stance stance : result.stances()) {
            assertThat(stance.score()).isBetween(-1.0, 1.0);
        }
    }

    @Test
    void readsTheRelationsTheIssueNames() {
        assertThat(relation(KURTI, VUCIC).score()).isNegative(); // throw spades at each other
        assertThat(relation(VUCIC, KURTI).score()).isNegative();
        Relation blame = relation(KURTI, "government-of-serbia"); // blamed the Serbian side
        assertThat(blame.score()).isNegative();
        assertThat(blame.spans()).extracting(RelationEvidence::text).contains("blamed");
        Relation recognition = relation("government-of-serbia", "government-of-kosovo"); // refuses to recognize
        assertThat(recognition.score()).isNegative();
        assertThat(recognition.spans()).extracting(RelationEvidence::text).contains("refuses");
        for (Relation relation : result.relations()) {
            assertThat(relation.agentId()).isNotEqualTo(relation.targetId());
            assertThat(relation.evidence()).isEqualTo(relation.spans().size());
            for (RelationEvidence evidence : relation.spans()) {
                assertThat(TestArticles.text("ohrid.txt").substring(evidence.start(), evidence.end()))
                        .isEqualTo(evidence.text());
            }
        }
    }

    @Test
    void aMeetingPlaceInAQuoteIsNoRelation() {
        // "just like in the last meeting in Brussels": Brussels is where they met, not the European Union spoken of
        assertThat(result.relations()).noneMatch(r -> r.agentId().equals(KURTI) && r.targetId().equals("european-union")
                && r.spans().stream().anyMatch(e -> e.text().contains("in Brussels")));
    }

    private Relation relation(String agent, String target) {
        return result.relations().stream().filter(r -> r.agentId().equals(agent) && r.targetId().equals(target))
                .findFirst().orElseThrow(() -> new AssertionError("no relation " + agent + " -> " + target + ": "
                        + result.relations()));
    }

    private Stance stance(String id) {
        return result.stances().stream().filter(s -> s.actorId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no stance for " + id + ": " + result.stances()));
    }

    private List<String> mentions(String id) {
        Actor actor = result.actor(id);
        assertThat(actor).as(id).isNotNull();
        return actor.mentions().stream().map(Span::text).toList();
    }
}
