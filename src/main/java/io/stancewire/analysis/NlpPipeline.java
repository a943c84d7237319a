package io.stancewire.analysis;

import java.util.Properties;

import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;

/**
 * The CoreNLP pipeline the analysis reads: tokens, POS, lemmas, the 3-class CRF NER (no fine-grained gazetteer, no
 * SUTime) with titles and demonyms tagged by {@link TitleTagger}, and the dependency parse. Only what the analysis
 * reads is computed: no statistical coreference ({@link PronounResolver} links the pronouns the analysis needs, at
 * a fraction of its cost), no quote annotator ({@link QuoteFinder}; CoreNLP's is not thread-safe), so one pipeline
 * serves every worker thread. Build one per JVM: loading takes seconds and several hundred MB.
 */
public final class NlpPipeline {

    public static final String NER_MAPPING = "analysis/ner-titles.tsv";

    private final StanfordCoreNLP pipeline;
    private final TitleTagger titles = TitleTagger.load();

    public NlpPipeline() {
        this.pipeline = new StanfordCoreNLP(properties());
    }

    public static Properties properties() {
        Properties props = new Properties();
        props.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner,depparse");
        props.setProperty("tokenize.language", "en");
        props.setProperty("ssplit.newlineIsSentenceBreak", "two");
        props.setProperty("ner.applyFineGrained", "false");
        props.setProperty("ner.useSUTime", "false");
        props.setProperty("ner.applyNumericClassifiers", "false");
        props.setProperty("ner.buildEntityMentions", "false");
        return props;
    }

    public CoreDocument annotate(String text) {
        CoreDocument document = new CoreDocument(text);
        pipeline.annotate(document);
        document.sentences().forEach(sentence -> titles.tag(sentence.tokens()));
        return document;
    }
}
