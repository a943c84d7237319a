package io.stancewire.analysis.parse;

import java.util.Properties;
import java.util.concurrent.CompletableFuture;

import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreSentence;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraphFactory;
import edu.stanford.nlp.trees.GrammaticalStructure;
import edu.stanford.nlp.util.RuntimeInterruptedException;

import io.stancewire.analysis.LoadingThread;

/**
 * The CoreNLP annotation the analysis reads, and nothing more: tokens, POS, lemmas, the 3-class CRF NER (no
 * fine-grained gazetteer, no SUTime, no numeric classifiers) with titles and demonyms from {@link TitleTagger}, and
 * the neural dependency parse ({@link TransitionParser}) with only the two graphs the analysis reads (basic and
 * enhanced++; CoreNLP's {@code depparse} annotator builds five). No statistical coreference ({@link io.stancewire.analysis.actors.PronounResolver} links the pronouns
 * the analysis needs, at a fraction of its cost), no quote annotator ({@link io.stancewire.analysis.quotes.QuoteFinder}; CoreNLP's is not
 * thread-safe), so one pipeline serves every worker thread. Build one per JVM: loading takes seconds, the dependency
 * parser on a second thread beside the annotators (each about half of it).
 */
public final class NlpPipeline implements Parser {

    public static final String NER_MAPPING = "analysis/ner-titles.tsv";
    static final String NER_MODEL = "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";

    private final StanfordCoreNLP pipeline;
    private final TransitionParser parser;
    private final TitleTagger titles = TitleTagger.load();

    public NlpPipeline() {
        CompletableFuture<TransitionParser> parsing = LoadingThread.start("parser-loader",
                () -> TransitionParser.load(new Properties()));
        this.pipeline = new StanfordCoreNLP(properties());
        this.parser = LoadingThread.join(parsing);
    }

    /** The CoreNLP annotators before the parse. */
    public static Properties properties() {
        Properties props = new Properties();
        props.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
        props.setProperty("tokenize.language", "en");
        // keep characters the tokenizer does not know, without one log line each (a hostile record could flood it)
        props.setProperty("tokenize.options", "untokenizable=noneKeep");
        props.setProperty("ssplit.newlineIsSentenceBreak", "two");
        props.setProperty("ner.model", NER_MODEL);
        props.setProperty("ner.applyFineGrained", "false");
        props.setProperty("ner.useSUTime", "false");
        props.setProperty("ner.applyNumericClassifiers", "false");
        props.setProperty("ner.buildEntityMentions", "false");
        return props;
    }

    @Override
    public CoreDocument annotate(String text) {
        CoreDocument document = new CoreDocument(text);
        pipeline.annotate(document);
        for (CoreSentence sentence : document.sentences()) {
            if (Thread.interrupted()) {
                throw new RuntimeInterruptedException();
            }
            titles.tag(sentence.tokens());
            parse(sentence);
        }
        return document;
    }

    private void parse(CoreSentence sentence) {
        GrammaticalStructure structure = parser.parse(sentence.coreMap());
        sentence.coreMap().set(SemanticGraphCoreAnnotations.BasicDependenciesAnnotation.class,
                SemanticGraphFactory.makeFromTree(structure, SemanticGraphFactory.Mode.BASIC,
                        GrammaticalStructure.Extras.NONE, null));
        sentence.coreMap().set(SemanticGraphCoreAnnotations.EnhancedPlusPlusDependenciesAnnotation.class,
                SemanticGraphFactory.makeFromTree(structure, SemanticGraphFactory.Mode.ENHANCED_PLUS_PLUS,
                        GrammaticalStructure.Extras.NONE, null));
    }
}
