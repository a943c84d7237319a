package io.stancewire.analysis.quotes.speaker;

import io.stancewire.analysis.actors.ReferentResolver.Referent;
import io.stancewire.analysis.parse.ParsedText;

/**
 * "“We will not give up.” Pence said on Friday.": a quote that ends its sentence, followed in the same paragraph by
 * a short sentence with a speech verb, belongs to that verb's subject.
 */
final class ShortSentenceAfter implements SpeakerRule {

    private static final int SHORT_SENTENCE = 12;

    @Override
    public Referent find(QuoteLayout layout, QuoteSite quote) {
        ParsedText text = layout.text();
        int next = quote.lastSentence() + 1;
        if (!layout.endsSentence(quote.end(), quote.lastSentence()) || next >= text.sentenceCount()
                || text.paragraphOf(text.sentenceFirst(next)) != text.paragraphOf(quote.end() - 1)
                || text.sentenceEnd(next) - text.sentenceFirst(next) > SHORT_SENTENCE) {
            return null;
        }
        return NearestSpeechVerb.nearest(layout, quote.end(), quote.end(), next, next);
    }
}
