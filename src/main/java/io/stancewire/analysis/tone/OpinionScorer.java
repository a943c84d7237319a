package io.stancewire.analysis.tone;

import io.stancewire.analysis.lexicons.OpinionLexicon;
import io.stancewire.analysis.model.Span;
import io.stancewire.analysis.parse.ParsedText;

/**
 * The tone of a stretch of text (a quote, a clause) from the {@link OpinionLexicon}, with negation read on the
 * dependency tree: {@code tone = sum(polarity_i * negation_i) / (hits + 1)}. The +1 keeps a single mild word from
 * reading as a strong tone; the result lies in (-1, 1).
 */
public final class OpinionScorer {

    private final ParsedText text;
    private final OpinionLexicon lexicon;

    public OpinionScorer(ParsedText text, OpinionLexicon lexicon) {
        this.text = text;
        this.lexicon = lexicon;
    }

    /** Tone of tokens [from, to). */
    double tone(int from, int to) {
        double sum = 0;
        int hits = 0;
        for (int i = from; i < to; i++) {
            double polarity = lexicon.polarity(text.lemma(i));
            if (polarity == 0) {
                polarity = lexicon.polarity(text.lower(i));
            }
            if (polarity != 0) {
                sum += polarity * Negation.factor(text, i);
                hits++;
            }
        }
        return hits == 0 ? 0 : sum / (hits + 1);
    }

    public double tone(Span span) {
        int[] range = text.tokensWithin(span.start(), span.end());
        return tone(range[0], range[1]);
    }
}
