package io.stancewire.analysis.lexicons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Guards the talk and act lexicons: ranges, the Goldstein scale, and no phrase listed twice. */
class ToneLexiconTest {

    private static final ToneLexicon LEXICON = new ToneLexicon();
    private static final Set<String> TALK_CATEGORIES = Set.of("hostile", "accusatory", "critical", "displeased",
            "defiant", "threatening", "warning", "dismissive", "conciliatory", "approving", "cooperative",
            "congratulatory", "supportive", "concessive");

    private static List<ToneLexicon.Entry> all() {
        return TsvResource.read(ToneLexicon.RESOURCE, 4).stream().map(r -> r[0])
                .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new)).stream()
                .flatMap(h -> LEXICON.entries(h).stream()).toList();
    }

    @Test
    void everyPhraseIsListedOnceAcrossBothFiles() {
        Set<String> seen = new HashSet<>();
        for (String resource : List.of(ToneLexicon.RESOURCE, ToneLexicon.ACTS)) {
            for (String[] row : TsvResource.read(resource, 4)) {
                assertThat(seen.add(row[0] + "|" + row[1])).as(resource + ": " + row[0] + " " + row[1]).isTrue();
            }
        }
        assertThat(LEXICON.size()).isEqualTo(seen.size());
    }

    @Test
    void actsCarryTheirGoldsteinValueAsPolarityAndACameoRoot() {
        int acts = 0;
        for (String[] row : TsvResource.read(ToneLexicon.ACTS, 5)) {
            ToneLexicon.Entry entry = LEXICON.entries(row[0]).stream()
                    .filter(e -> String.join(",", e.with()).equals(row[1].equals("-") ? "" : row[1])).findFirst()
                    .orElseThrow();
            assertThat(entry.isAct()).as(row[0]).isTrue();
            assertThat(entry.polarity()).as(row[0]).isEqualTo(entry.act().goldstein() / 10);
            assertThat(entry.act().cameo()).as(row[0]).matches("0[3-8]\\d*|1[5-9]\\d*|20\\d*");
            // cooperation codes (03-08) score above zero, material conflict (15-20) below
            assertThat(Math.signum(entry.polarity())).as(row[0])
                    .isEqualTo(entry.act().cameo().compareTo("09") < 0 ? 1.0 : -1.0);
            acts++;
        }
        assertThat(acts).isGreaterThan(100);
        assertThat(LEXICON.entries("shell")).anySatisfy(e -> {
            assertThat(e.act().cameo()).isEqualTo("194");
            assertThat(e.polarity()).isEqualTo(-1.0);
        });
    }

    @Test
    void talkKeepsItsScaleAndCategories() {
        for (ToneLexicon.Entry entry : all()) {
            if (!entry.isAct()) {
                assertThat(entry.polarity()).as(entry.head()).isBetween(-1.0, 1.0).isNotZero();
                assertThat(TALK_CATEGORIES).as(entry.head()).contains(entry.category());
            }
        }
    }

    @Test
    void theMoreSpecificPhraseIsTriedFirst() {
        assertThat(LEXICON.entries("sign").get(0).with()).isNotEmpty();
        assertThat(LEXICON.entries("agree").get(0).with()).containsExactly("ceasefire");
    }
}
