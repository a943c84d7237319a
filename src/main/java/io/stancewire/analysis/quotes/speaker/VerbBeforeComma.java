package io.stancewire.analysis.quotes.speaker;

import java.util.Set;

import io.stancewire.analysis.actors.ReferentResolver;
import io.stancewire.analysis.actors.ReferentResolver.Referent;
import io.stancewire.analysis.parse.ParsedText;

/**
 * "Trump boasted, “That makes me smart.”", "Blige sings to Clinton before asking her, “Where do we go from
 * here?”": a verb right before the comma or colon that opens the quote introduces it, whatever the verb. A speech
 * verb may be followed by whom it addresses and when or where ("Trump saying during the debate last week, “…”",
 * "she told reporters on Friday: “…”").
 */
final class VerbBeforeComma implements SpeakerRule {

    private static final int REACH = 8;
    private static final Set<String> ADVERBIALS = Set.of("obl", "obl:tmod", "obl:npmod", "nmod:tmod", "advmod", "obj",
            "iobj");

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
        if (!text.tag(verb).matches("VBD|VBZ|VBP|VBG")) {
            verb = speechVerbBeforeItsAdverbials(layout, mark);
        }
        if (verb < 0 || layout.isQuoted(verb) || !text.tag(verb).matches("VBD|VBZ|VBP|VBG")
                || Set.of("be", "have", "do").contains(text.lemma(verb))) {
            return null;
        }
        Referent referent = referents.resolveFirst(layout.speakers(verb, -1));
        return referent.speaks() ? referent : null;
    }

    /** A speech verb before the mark with only its addressee and adverbials in between, or -1. */
    private static int speechVerbBeforeItsAdverbials(QuoteLayout layout, int mark) {
        ParsedText text = layout.text();
        for (int verb = mark - 2; verb >= Math.max(0, mark - REACH); verb--) {
            if (layout.isQuoted(verb) || text.sentenceOf(verb) != text.sentenceOf(mark)) {
                return -1;
            }
            if (layout.speechWord(verb)) {
                return hangsFrom(text, verb, mark) ? verb : -1;
            }
        }
        return -1;
    }

    /** Whether every token between the verb and the mark hangs from the verb by an adverbial or an object. */
    private static boolean hangsFrom(ParsedText text, int verb, int mark) {
        for (int i = verb + 1; i < mark; i++) {
            int top = i;
            while (text.governor(top) > verb && text.governor(top) < mark) {
                top = text.governor(top);
            }
            if (text.governor(top) != verb || !ADVERBIALS.contains(text.relation(top))) {
                return false;
            }
        }
        return true;
    }
}
