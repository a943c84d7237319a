package io.stancewire.analysis.quotes.speaker;

import io.stancewire.analysis.actors.ReferentResolver.Referent;
import io.stancewire.analysis.parse.ParsedText;

/**
 * "“This is a disgusting day,” said Rep. X (D-N.C.), head of the caucus. “Donald Trump is a disgusting fraud.”":
 * a quote that stands alone right after a quote with a speaker, in the same paragraph and within two sentences,
 * goes on with the same speaker, unless someone else is named in between.
 */
final class GoesOn implements SpeakerRule {

    private static final int MAX_SENTENCES_BETWEEN = 2;

    @Override
    public boolean tries(Referent found, QuoteLayout layout, QuoteSite quote) {
        return found == null && quote.firstSentence() > 0 && layout.standsAlone(quote);
    }

    @Override
    public Referent find(QuoteLayout layout, QuoteSite quote) {
        ParsedText text = layout.text();
        if (!quote.previousHasSpeaker()) {
            return null;
        }
        int previousEnd = quote.previous().end();
        if (text.paragraphOf(previousEnd - 1) != text.paragraphOf(quote.from())
                || text.sentenceOf(quote.from()) - text.sentenceOf(previousEnd - 1) > MAX_SENTENCES_BETWEEN) {
            return null;
        }
        for (int i = previousEnd; i < quote.from(); i++) {
            if (!layout.isQuoted(i) && text.ner(i).equals("PERSON")
                    && !quote.isPreviousSpeaker(layout.referents().resolve(i).speaker())
                    && text.sentenceOf(i) != text.sentenceOf(previousEnd - 1)) {
                return null; // someone else came in between
            }
        }
        return quote.previousSpeakerNearest(layout);
    }
}
