package io.stancewire.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreSentence;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;

/**
 * {@link StoredParses} without the models: what a stored parse holds, a document of its own per call, and a loud
 * failure, saying how to store them again, when a test asks for a text that is not stored.
 */
class StoredParsesTest {

    private static StoredParses anyStore() {
        List<String> names = StoredParses.storedNames();
        assertThat(names).isNotEmpty();
        return StoredParses.named(names.get(0));
    }

    @Test
    void aStoredParseHoldsWhatTheAnalysisReads() {
        StoredParses parses = anyStore();
        String text = parses.texts().iterator().next();
        CoreDocument document = parses.annotate(text);
        assertThat(document.text()).isEqualTo(text);
        assertThat(document.sentences()).isNotEmpty();
        int tokens = 0;
        for (CoreSentence sentence : document.sentences()) {
            for (CoreLabel token : sentence.tokens()) {
                assertThat(text.substring(token.beginPosition(), token.endPosition())).isEqualTo(token.originalText());
                assertThat(token.tag()).isNotBlank();
                assertThat(token.lemma()).isNotBlank();
                assertThat(token.ner()).isNotBlank();
                tokens++;
            }
            SemanticGraph basic = sentence.coreMap().get(SemanticGraphCoreAnnotations.BasicDependenciesAnnotation.class);
            SemanticGraph enhanced = sentence.coreMap()
                    .get(SemanticGraphCoreAnnotations.EnhancedPlusPlusDependenciesAnnotation.class);
            assertThat(basic.vertexSet()).hasSameSizeAs(sentence.tokens());
            assertThat(basic.getRoots()).hasSize(1);
            assertThat(enhanced.getFirstRoot().index()).isEqualTo(basic.getFirstRoot().index());
        }
        assertThat(document.tokens()).hasSize(tokens);
    }

    @Test
    void eachCallGivesADocumentOfItsOwn() {
        StoredParses parses = anyStore();
        String text = parses.texts().iterator().next();
        CoreLabel first = parses.annotate(text).tokens().get(0);
        String ner = first.ner();
        first.setNER("CHANGED-BY-A-TEST");
        CoreLabel again = parses.annotate(text).tokens().get(0);
        assertThat(again).isNotSameAs(first);
        assertThat(again.ner()).isEqualTo(ner);
    }

    @Test
    void theEquivalenceGuardSeesAChangedTagALostAnnotationAndAChangedGraph() {
        StoredParses parses = anyStore();
        String text = parses.texts().iterator().next();
        assertThat(StoredParsesEquivalenceTest.differences("same", parses.annotate(text), parses.annotate(text)))
                .isEmpty();

        CoreDocument retagged = parses.annotate(text);
        retagged.tokens().get(0).setNER("CHANGED-BY-A-TEST");
        assertThat(StoredParsesEquivalenceTest.differences("retagged", parses.annotate(text), retagged))
                .singleElement().asString().contains("token 0", "NamedEntityTagAnnotation", "CHANGED-BY-A-TEST");

        CoreDocument lost = parses.annotate(text);
        lost.tokens().get(0).remove(CoreAnnotations.LemmaAnnotation.class);
        assertThat(StoredParsesEquivalenceTest.differences("lost", parses.annotate(text), lost))
                .singleElement().asString().contains("token 0", "annotations");

        CoreDocument regraphed = parses.annotate(text);
        SemanticGraph basic = regraphed.sentences().get(0).coreMap()
                .get(SemanticGraphCoreAnnotations.BasicDependenciesAnnotation.class);
        basic.removeEdge(basic.edgeIterable().iterator().next());
        assertThat(StoredParsesEquivalenceTest.differences("regraphed", parses.annotate(text), regraphed))
                .singleElement().asString().contains("sentence 0", "BasicDependenciesAnnotation");
    }

    @Test
    void aTextThatIsNotStoredFailsAndSaysHowToStoreIt() {
        StoredParses parses = anyStore();
        String stored = parses.texts().iterator().next();
        assertThatThrownBy(() -> parses.annotate(stored + " It changed."))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No stored parse of \"" + stored + " It changed.\"")
                .hasMessageContaining("scripts/store-parses")
                .hasMessageContaining("nearest stored text, the same up to character " + stored.length() + ": \""
                        + stored + "\"");
    }

    @Test
    void aTestWithoutStoredParsesFailsAndSaysHowToStoreThem() {
        assertThatThrownBy(() -> StoredParses.named("NoSuchTest").annotate("Anything at all."))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("src/test/resources/parses/NoSuchTest.pb.gz is missing")
                .hasMessageContaining("scripts/store-parses");
    }

    @Test
    void aTestClassMustBeTaggedForItsParsesToBeStored() {
        assertThatThrownBy(() -> StoredParses.of(StoredParsesTest.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must carry @Tag(StoredParses.TAG)");
        assertThat(StoredParses.of(AttributionLayoutTest.class).resource())
                .isEqualTo("parses/AttributionLayoutTest.pb.gz");
    }
}
