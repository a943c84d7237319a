package io.stancewire.analysis.parse;

import edu.stanford.nlp.pipeline.CoreDocument;

/**
 * Turns a text into the CoreNLP annotation the analysis reads: tokens with their character offsets, POS tags, lemmas,
 * NER tags (titles and demonyms included), sentences, and each sentence's basic and enhanced++ dependency graphs.
 * {@link NlpPipeline} is the one that parses; the tests also read parses stored once from it, without loading the
 * models. Implementations are thread-safe and return a new document on every call (callers may change its tokens).
 */
@FunctionalInterface
public interface Parser {

    CoreDocument annotate(String text);
}
