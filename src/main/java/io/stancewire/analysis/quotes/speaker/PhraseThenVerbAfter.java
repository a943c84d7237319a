package io.stancewire.analysis.quotes.speaker;

import io.stancewire.analysis.actors.ReferentResolver;
import io.stancewire.analysis.actors.ReferentResolver.Referent;
import io.stancewire.analysis.parse.ParsedText;

/**
 * "“…,” Rep. Jim Jordan (R-Ohio), an oversight panel member, said.", "“Go register,” Trump implored.", "“…,” the
 * company said.": right after the quote, a noun phrase and then a finite verb. The layout is an attribution
 * whatever the verb; read on the tokens, since parsers often misread a sentence that opens with a quote. After a
 * quote that ends in a question or exclamation mark, the sentence the tokenizer starts in lower case goes on.
 */
final class PhraseThenVerbAfter implements SpeakerRule {

    /** Tried while no person or organisation was found. */
    @Override
    public boolean tries(Referent found, QuoteLayout layout, QuoteSite quote) {
        return found == null || !found.speaks();
    }

    /** A speaker, speakers named together, a group, or words where the rules before found none beat what they found. */
    @Override
    public boolean replaces(Referent found, Referent proposed) {
        return found == null || proposed.speaks() || found.mention() == null
                || proposed.kind() == ReferentResolver.Kind.GROUP || proposed.kind() == ReferentResolver.Kind.COORDINATED;
    }

    @Override
    public Referent find(QuoteLayout layout, QuoteSite quote) {
        ParsedText text = layout.text();
        ReferentResolver referents = layout.referents();
        int afterQuote = quote.end();
        int sentence = quote.lastSentence();
        if (layout.endsSentence(afterQuote, sentence) && layout.goesOnInNextSentence(sentence)) {
            sentence++; // "“You winning?” she said": the tokenizer ended the sentence at the question mark
            afterQuote = text.sentenceFirst(sentence);
        }
        // "…," state Del. | Marcia Price said: the tokenizer split the sentence at a title it did not know
        int end = layout.endsAtTitle(sentence) ? text.sentenceEnd(sentence + 1) : text.sentenceEnd(sentence);
        int first = afterQuote;
        while (first < end && text.isPunctuation(first) && !layout.isQuoted(first)) {
            first++;
        }
        if (first >= end || layout.isQuoted(first)) {
            return null;
        }
        int depth = 0;
        int verb = -1;
        for (int i = first; i < end && i - first <= 20 && !layout.isQuoted(i); i++) {
            String word = text.word(i);
            depth += word.equals("(") || word.equals("-LRB-") ? 1 : word.equals(")") || word.equals("-RRB-") ? -1 : 0;
            if (depth == 0 && i > first && (text.tag(i).matches("VBD|VBZ|VBP") || layout.speechWord(i) && !text.tag(i).startsWith("NN"))) {
                verb = i;
                break;
            }
        }
        if (verb < 0 || text.lemma(verb).equals("be") || text.lemma(verb).equals("have")
                || text.lemma(verb).equals("do")) {
            return null;
        }
        return referents.resolvePhrase(first, verb - 1);
    }
}
