package io.stancewire.analysis.quotes.speaker;

import io.stancewire.analysis.actors.ReferentResolver.Referent;
import io.stancewire.analysis.parse.ParsedText;

/**
 * "The Serbian president also pouted. “We will not accept it.”": a quote that stands alone as its sentence belongs
 * to the speaker of a quote in the sentence before, else to that sentence's subject (or its root, when the parse
 * made a name the root: "Brett McGurk, who ..., also criticized the decision.").
 */
final class PreviousSentence implements SpeakerRule {

    @Override
    public boolean tries(Referent found, QuoteLayout layout, QuoteSite quote) {
        return found == null && quote.firstSentence() > 0 && layout.standsAlone(quote);
    }

    @Override
    public Referent find(QuoteLayout layout, QuoteSite quote) {
        int sentence = quote.firstSentence() - 1;
        Referent quoted = quote.speakerBySentence().get(sentence);
        return quoted != null ? quoted : subjectOf(layout, sentence);
    }

    private static Referent subjectOf(QuoteLayout layout, int sentence) {
        ParsedText text = layout.text();
        int root = text.root(sentence);
        if (root < 0 || layout.isQuoted(root)) {
            return null;
        }
        if (text.ner(root).equals("PERSON")) {
            Referent named = layout.referents().resolve(root);
            if (named.speaks()) {
                return named;
            }
        }
        Referent referent = layout.referents().resolveFirst(text.subjectCandidates(root));
        return referent.speaks() ? referent : null;
    }
}
