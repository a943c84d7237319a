package io.stancewire.analysis;

import java.util.Properties;

import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;

/**
 * The CoreNLP pipeline the analysis reads: tokens, lemmas, light NER (titles and demonyms from our own mapping
 * instead of the 585k-entry fine-grained gazetteer), dependency parse and statistical coreference. No quote
 * annotator: quotes are found by {@link QuoteFinder}, which also avoids CoreNLP's thread-unsafe QuoteAnnotator, so
 * one pipeline serves every worker thread. Loading takes tens of seconds and about 1 GB: build one per JVM.
 */
public final class NlpPipeline {

    public static final String NER_MAPPING = "analysis/ner-titles.tsv";

    private final StanfordCoreNLP pipeline;

    public NlpPipeline() {
        this.pipeline = new StanfordCoreNLP(properties());
    }

    public static Properties properties() {
        Properties props = new Properties();
        props.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner,depparse,coref");
        props.setProperty("tokenize.language", "en");
        props.setProperty("ssplit.newlineIsSentenceBreak", "two");
        props.setProperty("ner.applyFineGrained", "false");
        props.setProperty("ner.useSUTime", "false");
        props.setProperty("ner.applyNumericClassifiers", "false");
        props.setProperty("ner.additional.regexner.mapping", NER_MAPPING);
        props.setProperty("ner.additional.regexner.ignorecase", "true");
        props.setProperty("coref.algorithm", "statistical");
        props.setProperty("coref.language", "en");
        return props;
    }

    public CoreDocument annotate(String text) {
        CoreDocument document = new CoreDocument(text);
        pipeline.annotate(document);
        return document;
    }
}
