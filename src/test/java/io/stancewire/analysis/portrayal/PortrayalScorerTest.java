package io.stancewire.analysis.portrayal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.stancewire.analysis.ArticleAnalyzer;
import io.stancewire.analysis.SharedAnalyzer;
import io.stancewire.analysis.StoredParses;
import io.stancewire.analysis.TestArticles;
import io.stancewire.analysis.model.Actor;
import io.stancewire.analysis.model.ArticleAnalysis;

/**
 * {@link PortrayalScorer}: which mentions the classifier reads, one call per sentence for every actor in it, and the
 * portrayal as the mean of what it returns. A classifier that records its calls stands in for the model, so the
 * figures are exact; the parses are stored ({@link StoredParses}).
 */
@Tag(StoredParses.TAG)
class PortrayalScorerTest {

    private static final StoredParses PARSES = StoredParses.of(PortrayalScorerTest.class);
    private static final String TEXT = "Critics blasted John Smith over the budget on Monday. "
            + "Mary Jones praised Smith, and Jones later met Smith in Paris. He said nothing.";
    private static final String SPLIT = "The European Commission fined Microsoft, and John Smith welcomed the decision.";

    /** Negative for Smith, positive for Jones, and every call recorded. */
    static final class Recording implements PortrayalClassifier {
        final List<String> sentences = new ArrayList<>();
        final List<List<String>> targets = new ArrayList<>();

        @Override
        public double[][] probabilities(String sentence, List<Target> asked) {
            sentences.add(sentence);
            targets.add(asked.stream().map(t -> sentence.substring(t.start(), t.end())).toList());
            return asked.stream().map(t -> sentence.substring(t.start(), t.end()).contains("Smith")
                    ? new double[] {0.7, 0.2, 0.1} : new double[] {0.1, 0.3, 0.6}).toArray(double[][]::new);
        }

        @Override
        public double[] offsets() {
            return new double[3];
        }
    }

    @Test
    void readsEachSentenceOnceForAllItsActors() {
        Recording classifier = new Recording();
        ArticleAnalysis analysis = new ArticleAnalyzer(PARSES, SharedAnalyzer.registry(), PortrayalReaders.all(classifier))
                .analyze(TestArticles.article("portrayal-1", TEXT));
        assertThat(classifier.sentences).containsExactly("Critics blasted John Smith over the budget on Monday.",
                "Mary Jones praised Smith, and Jones later met Smith in Paris.");
        assertThat(classifier.targets.get(0)).containsExactly("John Smith");
        // the names only ("He" is Smith's too, but a named actor is read on names), every actor in one call (the
        // place too: one classifier reads everyone here)
        assertThat(classifier.targets.get(1)).filteredOn(t -> !t.equals("Paris"))
                .containsExactlyInAnyOrder("Mary Jones", "Smith", "Jones", "Smith");
    }

    @Test
    void portrayalIsTheMeanOverMentions() {
        ArticleAnalysis analysis = new ArticleAnalyzer(PARSES, SharedAnalyzer.registry(), PortrayalReaders.all(new Recording()))
                .analyze(TestArticles.article("portrayal-2", TEXT));
        Actor smith = actor(analysis, "John Smith");
        Actor jones = actor(analysis, "Mary Jones");
        assertThat(smith.portrayal()).isEqualTo(-0.6);
        assertThat(smith.portrayalLabel()).isEqualTo(-1);
        assertThat(jones.portrayal()).isEqualTo(0.5);
        assertThat(jones.portrayalLabel()).isEqualTo(1);
    }

    @Test
    void peopleAndOtherActorsGoToTheirOwnClassifier() {
        Recording people = new Recording();
        Recording others = new Recording();
        new ArticleAnalyzer(PARSES, SharedAnalyzer.registry(), new PortrayalReaders(people, others))
                .analyze(TestArticles.article("portrayal-3", SPLIT));
        assertThat(people.targets).containsExactly(List.of("John Smith"));
        assertThat(others.sentences).containsExactly(SPLIT);
        assertThat(others.targets.get(0)).isNotEmpty().noneMatch(t -> t.contains("Smith"));
    }

    private static Actor actor(ArticleAnalysis analysis, String name) {
        return analysis.actors().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow(
                () -> new AssertionError(name + " not among " + analysis.actors()));
    }
}
