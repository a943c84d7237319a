package io.stancewire.analysis.quotes.speaker;

import io.stancewire.analysis.actors.ReferentResolver.Referent;
import io.stancewire.analysis.parse.ParsedText;

/**
 * ""We stand ready," tweeted Johnson, "to provide ..."": a quote that goes on after a short attribution in the
 * same sentence as the previous quote has the previous quote's speaker.
 */
final class Continued implements SpeakerRule {

    private static final int INTERRUPTION = 8;

    @Override
    public boolean tries(Referent found, QuoteLayout layout, QuoteSite quote) {
        return found == null && quote.previousHasSpeaker();
    }

    @Override
    public Referent find(QuoteLayout layout, QuoteSite quote) {
        ParsedText text = layout.text();
        int previousEnd = quote.previous().end();
        if (previousEnd > quote.from() || quote.from() - previousEnd > INTERRUPTION
                || text.sentenceOf(quote.from()) != text.sentenceOf(previousEnd - 1)
                || text.paragraphOf(quote.from()) != text.paragraphOf(previousEnd - 1)) {
            return null;
        }
        boolean speech = false;
        for (int i = previousEnd; i < quote.from(); i++) {
            speech |= layout.speechWord(i);
            if (text.ner(i).equals("PERSON")
                    && !quote.isPreviousSpeaker(layout.referents().resolve(i).speaker())) {
                return null; // "... X calling it "a disaster" and Y calling it "a betrayal""
            }
        }
        return speech ? quote.previousSpeakerNearest(layout) : null;
    }
}
