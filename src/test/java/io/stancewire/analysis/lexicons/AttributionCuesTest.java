package io.stancewire.analysis.lexicons;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Guards the learned {@code attribution-cues.tsv}: well-formed counts, words only (no text of the unlicensed data it
 * was counted on), and the cues any news reader expects.
 */
class AttributionCuesTest {

    @Test
    void everyRowIsALemmaAConstructionAndCounts() {
        for (String[] row : TsvResource.read(AttributionCues.RESOURCE, 5)) {
            assertThat(row).hasSize(5);
            assertThat(row[0]).as("a lemma, not text").doesNotContain(" ").hasSizeLessThan(40);
            assertThat(row[1]).isIn("V", "N");
            assertThat(row[2]).matches("\\^?[a-z]+(:[a-z]*)?");
            int attributions = Integer.parseInt(row[3]);
            int occurrences = Integer.parseInt(row[4]);
            assertThat(attributions).isPositive().isLessThanOrEqualTo(occurrences);
        }
    }

    @Test
    void theCommonCuesAreCuesAndOtherWordsAreNot() {
        AttributionCues cues = new AttributionCues();
        assertThat(cues.isCue("say", AttributionCues.Pos.V, "ccomp")).isTrue();
        assertThat(cues.isCue("say", AttributionCues.Pos.V, "^parataxis")).isTrue();
        assertThat(cues.isCue("urge", AttributionCues.Pos.V, "xcomp")).isTrue();
        assertThat(cues.isCue("have", AttributionCues.Pos.V, "obj")).isFalse();
        assertThat(cues.isCue("river", AttributionCues.Pos.N, "acl")).isFalse();
        assertThat(cues.share("say", AttributionCues.Pos.V, "ccomp")).isBetween(0.5, 1.0);
    }
}
