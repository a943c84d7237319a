package io.stancewire.analysis.quotes.speaker;

import java.util.Set;

import io.stancewire.analysis.actors.ReferentResolver;
import io.stancewire.analysis.actors.ReferentResolver.Referent;
import io.stancewire.analysis.parse.ParsedText;

/**
 * "Bolsonaro opposed Macron's statement: "...": a quote after a colon belongs to the subject of the clause
 * before the colon, whatever its verb. A name right before a dash introduces a quote the same way ("…, including
 * Mitt Romney -- "It is disqualifying …"").
 */
final class BeforeColon implements SpeakerRule {

    private static final Set<String> DASHES = Set.of("--", "—", "–");

    /** Tried when nothing was found, or only words that refer to nobody known. */
    @Override
    public boolean tries(Referent found, QuoteLayout layout, QuoteSite quote) {
        return SpeakerRule.nobodyKnown(found);
    }

    @Override
    public Referent find(QuoteLayout layout, QuoteSite quote) {
        ParsedText text = layout.text();
        ReferentResolver referents = layout.referents();
        int colon = quote.from() - 1;
        if (colon < 0 || text.sentenceOf(colon) != text.sentenceOf(quote.from())) {
            return null;
        }
        // a comma does the same job before a quoted sentence: "Trump, also on Twitter, defended his decision, "As I ..."
        boolean quotedSentence = quote.end() - quote.from() >= 6 && Character.isUpperCase(text.word(quote.from() + 1).charAt(0));
        if (DASHES.contains(text.word(colon)) && quotedSentence && colon > 0 && text.ner(colon - 1).equals("PERSON")) {
            Referent named = referents.resolve(colon - 1);
            return named.speaks() ? named : null;
        }
        if (!text.word(colon).equals(":") && !(text.word(colon).equals(",") && quotedSentence)) {
            return null;
        }
        int head = text.governor(colon);
        for (int hop = 0; hop < 3 && head >= 0 && !text.isVerb(head); hop++) {
            head = text.governor(head);
        }
        int clauseStart = colon;
        while (clauseStart > text.sentenceFirst(text.sentenceOf(colon)) && !layout.isQuoted(clauseStart - 1)) {
            clauseStart--;
        }
        boolean verbless = head < 0 || head > colon || !text.isVerb(head);
        if (verbless && text.ner(clauseStart).equals("PERSON")) {
            // "Chris Cillizza, The Washington Post: “…”": a name (and an outlet or title) as a label
            Referent label = referents.resolvePhrase(clauseStart, colon - 1);
            if (label.speaks()) {
                return label;
            }
        }
        if (verbless && text.word(colon).equals(":") && text.ner(colon - 1).equals("PERSON")) {
            // "A lesson from Loretta Lynch: 'Be the voice …'": a phrase without a verb that ends in a name
            Referent named = referents.resolve(colon - 1);
            if (named.speaks()) {
                return named;
            }
        }
        if (head < 0 || layout.isQuoted(head) || head > colon) {
            return null;
        }
        Referent referent = referents.resolveFirst(text.subjectCandidates(head));
        if (referent.speaks()) {
            return referent;
        }
        for (int object : text.children(head, r -> r.equals("obj"))) {
            // "The palace issued the following statement from the king: "..."
            Referent issuer = referents.issuerOf(object);
            if (issuer != null) {
                return issuer;
            }
        }
        return null;
    }
}
