package io.stancewire.analysis.quotes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.stancewire.analysis.StoredParses;
import io.stancewire.analysis.lexicons.TsvResource;
import io.stancewire.analysis.parse.ParsedText;

/**
 * Guards the learned {@code attribution-model.tsv}: features and weights only (lemmas and relation names, never text of
 * the unlicensed data it was learned from), and a model that still tells plain attributions from plain narration.
 */
@Tag(StoredParses.TAG)
class AttributionModelTest {

    private static final StoredParses PARSES = StoredParses.of(AttributionModelTest.class);

    @Test
    void theFileHoldsFeaturesAndWeightsOnly() {
        List<String[]> rows = TsvResource.read(AttributionModel.RESOURCE, 2);
        assertThat(rows).hasSizeGreaterThan(1000);
        for (String[] row : rows) {
            assertThat(row).hasSize(2);
            // a feature is a name, "=" and |-separated parts without spaces: no sentence of the data fits
            assertThat(row[0]).matches("[a-z]+([=|].*)?").doesNotContain(" ");
            assertThat(Double.parseDouble(row[1])).isBetween(-50.0, 50.0);
        }
    }

    @Test
    void aPersonSayingAClauseAttributesAndACompanyBuyingAFactoryDoesNot() {
        AttributionModel model = new AttributionModel();
        assertThat(probability(model, "Senator Ruth Okonkwo said the plan would fail.", "said", "ccomp"))
                .isGreaterThan(AttributionModel.THRESHOLD);
        assertThat(probability(model, "The company bought the old factory last year.", "bought", "obj"))
                .isLessThan(AttributionModel.THRESHOLD);
    }

    @Test
    void whoTheSubjectIsCounts() {
        AttributionModel model = new AttributionModel();
        double person = probability(model, "Senator Ruth Okonkwo showed that the plan would fail.", "showed", "ccomp");
        double nobody = probability(model, "The results were shown to voters before the plan failed.", "shown",
                "obl:to");
        assertThat(person).isGreaterThan(nobody);
    }

    private static double probability(AttributionModel model, String sentence, String cue, String relation) {
        ParsedText text = new ParsedText(sentence, PARSES.annotate(sentence));
        int token = text.tokenAt(sentence.indexOf(cue));
        CueConstructions.Construction construction = CueConstructions.at(text, token).stream()
                .filter(c -> c.relation().equals(relation)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + relation + " at " + cue));
        return model.probability(CueFeatures.of(text, token, CueConstructions.pos(text, token), construction));
    }
}
