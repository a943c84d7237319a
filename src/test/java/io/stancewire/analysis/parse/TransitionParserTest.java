package io.stancewire.analysis.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import edu.stanford.nlp.parser.nndep.Classifier;
import edu.stanford.nlp.parser.nndep.DependencyParser;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreSentence;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import io.stancewire.analysis.TestArticles;

/** Our scorer must not change CoreNLP's parses: same typed dependencies, sentence by sentence. */
@Tag("integration") // loads the CoreNLP models
class TransitionParserTest {

    @Test
    void parsesExactlyAsCoreNlp() throws ReflectiveOperationException {
        Properties props = new Properties();
        props.setProperty("annotators", "tokenize,ssplit,pos");
        props.setProperty("ssplit.newlineIsSentenceBreak", "two");
        StanfordCoreNLP tagger = new StanfordCoreNLP(props);
        List<CoreSentence> sentences = new ArrayList<>();
        for (String name : List.of("ohrid.txt", "wn-arrest-made-as-mayor-of-gdansk-poland-stabbed-on-stage.txt",
                "wn-cairo-summit-denounces-turkish-libyan-maritime-border-agreement.txt",
                "wn-new-south-wales-decriminalizes-abortion.txt")) {
            CoreDocument document = new CoreDocument(TestArticles.text(name));
            tagger.annotate(document);
            sentences.addAll(document.sentences());
        }
        DependencyParser reference = DependencyParser.loadFromModelFile(DependencyParser.DEFAULT_MODEL,
                new Properties());
        TransitionParser ours = TransitionParser.load(new Properties());

        assertThat(sentences).hasSizeGreaterThan(50);
        for (int round = 0; round < 2; round++) { // the second round reads the cache the first one filled
            for (CoreSentence sentence : sentences) {
                assertThat(ours.parse(sentence.coreMap()).typedDependencies())
                        .as(sentence.text())
                        .hasToString(reference.predict(sentence.coreMap()).typedDependencies().toString());
            }
        }
        // the products computed here at first use are those CoreNLP precomputes at load, bit for bit
        double[][] theirs = savedProducts(reference);
        double[][] products = ours.precomputedProducts();
        assertThat(products).hasNumberOfRows(theirs.length);
        assertThat(theirs.length).isGreaterThan(10_000);
        for (int i = 0; i < theirs.length; i++) {
            assertThat(products[i]).as("row %d", i).containsExactly(theirs[i]);
        }
    }

    /** CoreNLP's precomputed products ({@code Classifier.saved}), in the order of the model's list. */
    static double[][] savedProducts(DependencyParser parser) throws ReflectiveOperationException {
        Field classifierField = DependencyParser.class.getDeclaredField("classifier");
        classifierField.setAccessible(true);
        Classifier classifier = (Classifier) classifierField.get(parser);
        Field saved = Classifier.class.getDeclaredField("saved");
        saved.setAccessible(true);
        return (double[][]) saved.get(classifier);
    }
}
