package io.stancewire.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import io.stancewire.analysis.portrayal.PortrayalFeatures;
import io.stancewire.analysis.portrayal.PortrayalModel;

/** The shipped portrayal model ({@code analysis/portrayal-model.tsv}), without CoreNLP. */
class PortrayalModelTest {

    private static final PortrayalModel MODEL = PortrayalModel.load();

    private static double score(String sentence, String target) {
        int start = sentence.indexOf(target);
        return MODEL.score(sentence, start, start + target.length());
    }

    private static int label(String sentence, String target) {
        int start = sentence.indexOf(target);
        return MODEL.label(sentence, start, start + target.length());
    }

    @Test
    void loadsTheShippedModel() {
        assertThat(MODEL.size()).isGreaterThan(10_000);
        assertThat(PortrayalModel.load()).isSameAs(MODEL);
    }

    @Test
    void clearlyNegative() {
        String s = "Critics blasted Smith for his disastrous handling of the crisis.";
        assertThat(score(s, "Smith")).isLessThan(-0.3);
        assertThat(label(s, "Smith")).isEqualTo(-1);
        assertThat(label("Smith was charged with fraud and corruption after the scandal.", "Smith")).isEqualTo(-1);
    }

    @Test
    void clearlyPositive() {
        String s = "Supporters praised Smith for her brave leadership.";
        assertThat(score(s, "Smith")).isGreaterThan(0.3);
        assertThat(label(s, "Smith")).isEqualTo(1);
        assertThat(label("Smith won a landslide victory and was hailed as a hero.", "Smith")).isEqualTo(1);
    }

    @Test
    void neutralNews() {
        assertThat(label("Smith met the delegation on Monday.", "Smith")).isEqualTo(0);
        assertThat(label("The committee, chaired by Smith, will meet again in March.", "Smith")).isEqualTo(0);
        assertThat(Math.abs(score("Smith will travel to Brussels on Tuesday for talks with ministers.", "Smith")))
                .isLessThan(0.5);
    }

    @Test
    void probabilitiesSumToOne() {
        for (String s : new String[] {"Critics blasted Smith for his disastrous handling of the crisis.",
                "Supporters praised Smith for her brave leadership.", "Smith met the delegation on Monday.",
                "Smith", "“I never lied,” Smith told reporters, ‘never’."}) {
            double[] p = MODEL.probabilities(s, 0, s.length() > 5 ? s.indexOf("Smith") + 5 : 5);
            assertThat(p).hasSize(3);
            assertThat(p[0] + p[1] + p[2]).isCloseTo(1.0, within(1e-9));
            for (double x : p) {
                assertThat(x).isBetween(0.0, 1.0);
            }
        }
    }

    @Test
    void scoreIsPositiveMinusNegative() {
        String s = "Supporters praised Smith for her brave leadership.";
        int start = s.indexOf("Smith");
        double[] p = MODEL.probabilities(s, start, start + 5);
        assertThat(MODEL.score(s, start, start + 5)).isCloseTo(p[2] - p[0], within(1e-12));
    }

    @Test
    void oddSpansDoNotThrow() {
        String s = "Smith 😀 said the plan was “a disaster”.";
        assertThat(MODEL.probabilities(s, 0, 0)).hasSize(3);
        assertThat(MODEL.probabilities(s, s.length(), s.length())).hasSize(3);
        assertThat(MODEL.probabilities("", 0, 0)).hasSize(3);
        assertThat(MODEL.probabilities(s, 7, 30)).hasSize(3);
    }

    @Test
    void trainedWithTheCurrentLexicons() {
        assertThat(MODEL.lexiconFingerprint())
                .as("opinion-lexicon.tsv, tone-lexicon.tsv or speech-verbs.tsv on the classpath differ from those the"
                        + " portrayal model was trained with: run scripts/train-portrayal (or, if the sources did not"
                        + " change, target/classes holds stale copies: mvn clean)")
                .isEqualTo(PortrayalFeatures.lexiconFingerprint());
    }
}
