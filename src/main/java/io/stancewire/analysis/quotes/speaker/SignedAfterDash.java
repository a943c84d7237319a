package io.stancewire.analysis.quotes.speaker;

import java.util.Set;

import io.stancewire.analysis.actors.ReferentResolver;
import io.stancewire.analysis.actors.ReferentResolver.Referent;
import io.stancewire.analysis.parse.ParsedText;

/**
 * "“Mr. Trump is clueless about …” ― Stephanie Egan": a quote followed by a dash and a name (the name runs to the
 * end of its paragraph or of its proper nouns).
 */
final class SignedAfterDash implements SpeakerRule {

    private static final Set<String> DASHES = Set.of("―", "—", "–", "--", "-");

    @Override
    public Referent find(QuoteLayout layout, QuoteSite quote) {
        ParsedText text = layout.text();
        ReferentResolver referents = layout.referents();
        int afterQuote = quote.end();
        int i = afterQuote;
        while (i < text.size() && (text.word(i).equals(",") || layout.isClosingMark(i))) {
            i++;
        }
        if (i >= text.size() || !DASHES.contains(text.word(i)) || i + 1 >= text.size() || layout.isQuoted(i + 1)) {
            return null;
        }
        int name = i + 1;
        if (!(text.ner(name).equals("PERSON") || text.ner(name).equals("ORGANIZATION")
                || text.tag(name).equals("NNP"))) {
            return null;
        }
        int last = name;
        while (last + 1 < text.size() && text.paragraphOf(last + 1) == text.paragraphOf(name) && !layout.isQuoted(last + 1)
                && text.tag(last + 1).startsWith("NNP")) {
            last++;
        }
        Referent referent = referents.resolvePhrase(name, last);
        return referent.speaks() ? referent : null;
    }
}
