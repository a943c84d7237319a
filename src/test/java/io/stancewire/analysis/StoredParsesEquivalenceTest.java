package io.stancewire.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.util.CoreMap;
import io.stancewire.analysis.model.Article;
import io.stancewire.analysis.model.ArticleAnalysis;

/**
 * The guard of {@link StoredParses}, and the one test of them that loads the CoreNLP models: every stored parse is
 * what {@link io.stancewire.analysis.parse.NlpPipeline} parses from its text now, annotation for annotation (so no
 * annotation the pipeline sets, {@code TitleTagger}'s included, is lost on the way), and the whole analysis reads the
 * same from a stored parse as from a fresh one. It fails after a change to what the parse holds (the pipeline, the
 * title mapping, CoreNLP) until {@code scripts/store-parses} stores the parses again.
 */
@Tag("integration") // loads the CoreNLP models
class StoredParsesEquivalenceTest {

    /** The stores of the tests that analyse whole articles ({@code ArticleAnalyzer}) rather than ask one rule. */
    private static final List<String> ANALYSED = List.of("AttributionLayoutTest", "QuoteAttributionTest",
            "RelationRulesTest", "UnlinkedPersonsTest");

    @Test
    void everyStoredParseIsWhatThePipelineParsesNow() {
        List<String> names = StoredParses.storedNames();
        assertThat(names).containsAll(ANALYSED).contains("SpeakerRulesTest", "CueFeaturesTest");
        List<String> differences = new ArrayList<>();
        int texts = 0;
        for (String name : names) {
            StoredParses stored = StoredParses.named(name);
            for (String text : stored.texts()) {
                texts++;
                differences.addAll(differences(name + ": \"" + text + "\"", SharedAnalyzer.pipeline().annotate(text),
                        stored.annotate(text)));
            }
        }
        assertThat(texts).isGreaterThan(names.size());
        assertThat(differences).as("stored parses that differ from a fresh parse of their text: store them again"
                + " with scripts/store-parses").isEmpty();
    }

    @Test
    void theAnalysisOfAStoredParseIsTheAnalysisOfAFreshOne() {
        int actors = 0;
        int quotes = 0;
        for (String name : ANALYSED) {
            StoredParses stored = StoredParses.named(name);
            assertThat(stored.texts()).as(name).isNotEmpty();
            for (String text : stored.texts()) {
                Article article = TestArticles.article("equivalence", text);
                ArticleAnalysis fresh = SharedAnalyzer.analyzer().analyze(article);
                assertThat(stored.analyzer().analyze(article)).as(name + ": \"" + text + "\"").isEqualTo(fresh);
                actors += fresh.actors().size();
                quotes += fresh.quotes().size();
            }
        }
        // the comparison is of analyses that found something, not of empty ones
        assertThat(actors).isGreaterThan(50);
        assertThat(quotes).isGreaterThan(20);
    }

    /** What differs between two parses of one text: any annotation of the document, a sentence or a token. */
    static List<String> differences(String what, CoreDocument fresh, CoreDocument stored) {
        List<String> out = new ArrayList<>();
        compare(what, fresh.annotation(), stored.annotation(), out);
        if (fresh.sentences().size() != stored.sentences().size()) {
            out.add(what + ": " + fresh.sentences().size() + " sentences, stored " + stored.sentences().size());
            return out;
        }
        for (int s = 0; s < fresh.sentences().size(); s++) {
            String sentence = what + " sentence " + s;
            CoreMap freshSentence = fresh.sentences().get(s).coreMap();
            CoreMap storedSentence = stored.sentences().get(s).coreMap();
            compare(sentence, freshSentence, storedSentence, out);
            List<CoreLabel> freshTokens = freshSentence.get(CoreAnnotations.TokensAnnotation.class);
            List<CoreLabel> storedTokens = storedSentence.get(CoreAnnotations.TokensAnnotation.class);
            if (freshTokens.size() != storedTokens.size()) {
                out.add(sentence + ": " + freshTokens.size() + " tokens, stored " + storedTokens.size());
                continue;
            }
            for (int t = 0; t < freshTokens.size(); t++) {
                compare(sentence + " token " + t + " (" + freshTokens.get(t).word() + ")", freshTokens.get(t),
                        storedTokens.get(t), out);
            }
        }
        return out;
    }

    /** Every key of both maps; token lists are compared token by token above, graphs edge by edge. */
    @SuppressWarnings({ "rawtypes", "unchecked" })
    private static void compare(String what, CoreMap fresh, CoreMap stored, List<String> out) {
        if (!fresh.keySet().equals(stored.keySet())) {
            out.add(what + ": annotations " + names(fresh.keySet()) + ", stored " + names(stored.keySet()));
            return;
        }
        for (Class key : fresh.keySet()) {
            if (key == CoreAnnotations.TokensAnnotation.class || key == CoreAnnotations.SentencesAnnotation.class) {
                continue;
            }
            Object a = fresh.get(key);
            Object b = stored.get(key);
            if (a instanceof SemanticGraph graph) {
                a = edges(graph);
                b = b instanceof SemanticGraph storedGraph ? edges(storedGraph) : b;
            }
            if (!Objects.equals(a, b)) {
                out.add(what + ": " + key.getSimpleName() + " " + a + ", stored " + b);
            }
        }
    }

    private static Set<String> names(Set<Class<?>> keys) {
        Set<String> out = new TreeSet<>();
        keys.forEach(k -> out.add(k.getSimpleName()));
        return out;
    }

    /** Roots, then each edge as governor, relation, dependent (index and copy) and whether it is an extra. */
    private static List<String> edges(SemanticGraph graph) {
        List<String> out = new ArrayList<>();
        for (IndexedWord root : graph.getRoots()) {
            out.add("root " + node(root));
        }
        for (SemanticGraphEdge edge : graph.edgeIterable()) {
            out.add(node(edge.getGovernor()) + " " + edge.getRelation() + " " + node(edge.getDependent())
                    + (edge.isExtra() ? " extra" : ""));
        }
        out.subList(graph.getRoots().size(), out.size()).sort(null);
        return out;
    }

    private static String node(IndexedWord word) {
        return word.word() + "-" + word.index() + (word.copyCount() > 0 ? "." + word.copyCount() : "");
    }
}
