package io.stancewire.analysis.quotes.speaker;

import io.stancewire.analysis.actors.ReferentResolver;
import io.stancewire.analysis.actors.ReferentResolver.Referent;
import io.stancewire.analysis.parse.ParsedText;

/**
 * ""...," tweeted former executive Ken Gude.": a speech word right after the quote, then a noun phrase ending in
 * a name. Read on the tokens, since parsers often misread the inversion; the phrase may go on past a sentence split
 * at a title the tokenizer did not know ("…," said Del. Stacey Plaskett).
 */
final class InvertedAfter implements SpeakerRule {

    /** Tried when nothing was found, or only words that refer to nobody known. */
    @Override
    public boolean tries(Referent found, QuoteLayout layout, QuoteSite quote) {
        return SpeakerRule.nobodyKnown(found);
    }

    @Override
    public Referent find(QuoteLayout layout, QuoteSite quote) {
        ParsedText text = layout.text();
        ReferentResolver referents = layout.referents();
        int afterQuote = quote.end();
        int sentence = quote.lastSentence();
        int i = afterQuote;
        while (i < text.sentenceEnd(sentence) && text.isPunctuation(i)) {
            i++;
        }
        if (i >= text.sentenceEnd(sentence) || layout.isQuoted(i) || !layout.speechWord(i)) {
            return null;
        }
        int lastNoun = -1;
        int end = layout.endsAtTitle(sentence) ? text.sentenceEnd(sentence + 1) : text.sentenceEnd(sentence);
        for (int j = i + 1; j < Math.min(end, i + 7) && !layout.isQuoted(j); j++) {
            String tag = text.tag(j);
            if (j == text.sentenceEnd(sentence) - 1 && end > text.sentenceEnd(sentence)) {
                continue; // the period the tokenizer added after the title
            }
            if (text.ner(j).equals("PERSON")) {
                Referent referent = referents.resolve(j);
                return referent.speaks() ? referent : null;
            }
            if (!(tag.startsWith("NN") || tag.startsWith("JJ") || tag.equals("DT") || tag.equals("HYPH")
                    || tag.equals("PRP$"))) {
                break;
            }
            lastNoun = tag.startsWith("NN") ? j : lastNoun;
        }
        // "…," said the narrator in the 30-second spot: a description, known or not
        return lastNoun > i && text.tag(i + 1).matches("DT|PRP\\$") ? referents.resolvePhrase(i + 1, lastNoun) : null;
    }
}
