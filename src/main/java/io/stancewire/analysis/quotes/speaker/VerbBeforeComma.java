package io.stancewire.analysis.quotes.speaker;

import java.util.Set;

import io.stancewire.analysis.actors.ReferentResolver;
import io.stancewire.analysis.actors.ReferentResolver.Referent;
import io.stancewire.analysis.parse.ParsedText;

/**
 * "Trump boasted, “That makes me smart.”", "Blige sings to Clinton before asking her, “Where do we go from
 * here?”": a verb right before the comma or colon that opens the quote introduces it, whatever the verb.
 */
final class VerbBeforeComma implements SpeakerRule {

    @Override
    public Referent find(QuoteLayout layout, QuoteSite quote) {
        ParsedText text = layout.text();
        ReferentResolver referents = layout.referents();
        int mark = quote.from() - 1;
        if (mark < 1 || !(text.word(mark).equals(",") || text.word(mark).equals(":"))
                || text.sentenceOf(mark) != text.sentenceOf(quote.from())) {
            return null;
        }
        int verb = mark - 1;
        while (verb > 0 && text.tag(verb).equals("PRP") && text.sentenceOf(verb - 1) == text.sentenceOf(mark)) {
            verb--; // "asking her, “…”"
        }
        if (layout.isQuoted(verb) || !text.tag(verb).matches("VBD|VBZ|VBP|VBG") || Set.of("be", "have", "do")
                .contains(text.lemma(verb))) {
            return null;
        }
        Referent referent = referents.resolveFirst(layout.speakers(verb, -1));
        return referent.speaks() ? referent : null;
    }
}
