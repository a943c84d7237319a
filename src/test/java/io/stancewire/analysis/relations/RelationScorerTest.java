package io.stancewire.analysis.relations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.stancewire.analysis.model.Quote;
import io.stancewire.analysis.model.Relation;
import io.stancewire.analysis.model.RelationEvidence;
import io.stancewire.analysis.model.Span;
import io.stancewire.analysis.model.ToneCue;

/** The relation formula on hand-made cues and quotes: no parse needed. */
class RelationScorerTest {

    private static ToneCue cue(int start, String text, List<String> agents, List<String> targets, double polarity) {
        return new ToneCue(start, start + text.length(), text, agents, targets, polarity, "hostile");
    }

    private static Quote quote(int start, int end, String speaker) {
        return new Quote(start, end, "q", Quote.INDIRECT, speaker, speaker, null, List.of(speaker), null, 0);
    }

    @Test
    void aReciprocalCueGivesBothDirectionsAndNoSelfRelation() {
        // "the two leaders ... did not hesitate to throw spades at each other"
        List<Relation> relations = RelationScorer.relations(
                List.of(cue(10, "throw spades", List.of("kurti", "vucic"), List.of("kurti", "vucic"), -0.6)),
                List.of());
        assertThat(relations).extracting(Relation::agentId, Relation::targetId)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("kurti", "vucic"),
                        org.assertj.core.groups.Tuple.tuple("vucic", "kurti"));
        assertThat(relations).allSatisfy(r -> assertThat(r.score()).isEqualTo(-0.6));
    }

    @Test
    void theScoreIsTheMeanOfTheEvidenceAndEachItemKeepsItsSpan() {
        // "Kurti blamed the Serbian side" and, in a quote of his, "Belgrade keeps its promises"
        Quote words = quote(100, 140, "kurti");
        List<Relation> relations = RelationScorer.relations(
                List.of(cue(10, "blamed", List.of("kurti"), List.of("serbia-gov"), -0.6)),
                List.of(new QuoteReference(words, "serbia-gov", new Span(100, 140, "Belgrade keeps its promises"),
                        0.4)));
        assertThat(relations).hasSize(1);
        Relation relation = relations.get(0);
        assertThat(relation.evidence()).isEqualTo(2);
        assertThat(relation.score()).isEqualTo(-0.1);
        assertThat(relation.spans()).extracting(RelationEvidence::kind)
                .containsExactly(RelationEvidence.Kind.TONE, RelationEvidence.Kind.QUOTE);
        assertThat(relation.spans().get(1).start()).isEqualTo(100);
    }

    @Test
    void anActReportedInsideTheSpeakersQuoteCountsOnce() {
        // "Kurti said he ... blamed the Serbian side": the cue lies inside his reported speech
        Quote reported = quote(0, 80, "kurti");
        List<Relation> relations = RelationScorer.relations(
                List.of(cue(40, "blamed", List.of("kurti"), List.of("serbia-gov"), -0.6)),
                List.of(new QuoteReference(reported, "serbia-gov", new Span(0, 80, "he blamed the Serbian side"),
                        -0.3)));
        assertThat(relations).singleElement().satisfies(r -> {
            assertThat(r.evidence()).isEqualTo(1);
            assertThat(r.score()).isEqualTo(-0.6);
        });
    }

    @Test
    void theSameWordsReportedTwiceCountOnce() {
        Span words = new Span(50, 90, "Belgrade and Pristina had gone less far");
        List<Relation> relations = RelationScorer.relations(List.of(),
                List.of(new QuoteReference(quote(0, 90, "borrell"), "serbia-gov", words, 0.2),
                        new QuoteReference(quote(50, 90, "borrell"), "serbia-gov", words, 0.2)));
        assertThat(relations).singleElement().satisfies(r -> assertThat(r.evidence()).isEqualTo(1));
    }

    @Test
    void aQuoteAboutItsOwnSpeakerIsNoRelation() {
        List<Relation> relations = RelationScorer.relations(List.of(),
                List.of(new QuoteReference(quote(0, 20, "kurti"), "kurti", new Span(0, 20, "I am ready"), 0.3)));
        assertThat(relations).isEmpty();
    }

    @Test
    void mostEvidenceFirst() {
        List<Relation> relations = RelationScorer.relations(List.of(
                cue(0, "praised", List.of("a"), List.of("b"), 0.7),
                cue(10, "blamed", List.of("a"), List.of("c"), -0.6),
                cue(20, "condemned", List.of("a"), List.of("c"), -0.8)), List.of());
        assertThat(relations).extracting(Relation::targetId).containsExactly("c", "b");
        assertThat(relations.get(0).score()).isEqualTo(-0.7);
    }
}
