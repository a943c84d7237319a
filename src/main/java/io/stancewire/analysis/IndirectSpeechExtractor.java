package io.stancewire.analysis;

import java.util.ArrayList;
import java.util.List;

import io.stancewire.analysis.lexicons.SpeechVerbs;
import io.stancewire.analysis.model.Span;
import io.stancewire.analysis.parse.ParsedText;

/**
 * Reported speech without quotation marks: a speech or cognition verb with a clausal complement ("Kurti said he
 * was ready to initial the text": the span is the complement) and "according to X, ..." (the span is the rest of
 * the clause). Complements that hold a direct quote are left to the direct quote.
 */
final class IndirectSpeechExtractor {

    record Reported(Span content, ReferentResolver.Referent speaker) {
    }

    private final ParsedText text;
    private final ReferentResolver referents;
    private final SpeechVerbs verbs;
    private final QuoteAttributor quotes;

    IndirectSpeechExtractor(ParsedText text, ReferentResolver referents, SpeechVerbs verbs, QuoteAttributor quotes) {
        this.text = text;
        this.referents = referents;
        this.verbs = verbs;
        this.quotes = quotes;
    }

    List<Reported> extract() {
        List<Reported> out = new ArrayList<>();
        for (int i = 0; i < text.size(); i++) {
            if (quotes.isQuoted(i)) {
                continue;
            }
            if (text.isVerb(i) && verbs.isReporting(text.lemma(i))) {
                List<Integer> subjects = text.subjectCandidates(i);
                if (subjects.isEmpty()) {
                    continue;
                }
                for (int complement : text.children(i, r -> r.equals("ccomp"))) {
                    // a conjoined verb ("..., but blamed the Serbian side") is the speaker's act, not their words
                    int[] range = text.subtree(complement, r -> r.equals("conj") || r.equals("cc"));
                    Reported reported = reported(range, referents.resolveFirst(subjects));
                    if (reported != null) {
                        out.add(reported);
                    }
                }
            }
            int source = text.accordingTo(i);
            if (source >= 0) {
                int clause = text.governor(source);
                if (clause >= 0) {
                    int[] range = text.subtree(clause, r -> false);
                    int[] phrase = text.subtree(source, r -> false);
                    if (phrase[0] <= range[0] + 1) {
                        range[0] = phrase[1] + 1;
                    } else if (phrase[1] >= range[1] - 1) {
                        range[1] = phrase[0] - 1;
                    }
                    Reported reported = reported(range, referents.resolveAll(source));
                    if (reported != null) {
                        out.add(reported);
                    }
                }
            }
        }
        return out;
    }

    private Reported reported(int[] range, ReferentResolver.Referent speaker) {
        int first = range[0];
        int last = range[1];
        // leave out the complementiser and the punctuation at the edges
        while (first < last && (text.lower(first).equals("that") && text.relation(first).equals("mark")
                || isPunctuation(first))) {
            first++;
        }
        while (last > first && isPunctuation(last)) {
            last--;
        }
        if (last - first < 2) {
            return null;
        }
        for (int i = first; i <= last; i++) {
            if (quotes.isQuoted(i)) {
                return null;
            }
        }
        return new Reported(text.span(first, last), speaker);
    }

    private boolean isPunctuation(int token) {
        return !Character.isLetterOrDigit(text.word(token).charAt(0));
    }
}
