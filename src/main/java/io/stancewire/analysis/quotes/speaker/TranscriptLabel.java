package io.stancewire.analysis.quotes.speaker;

import io.stancewire.analysis.actors.ReferentResolver;
import io.stancewire.analysis.actors.ReferentResolver.Referent;
import io.stancewire.analysis.parse.ParsedText;

/**
 * "WALLACE: Let’s start …", "MS. CLINTON: …": a quote that opens with a speaker's name in capitals and a colon,
 * as transcripts print them.
 */
final class TranscriptLabel implements SpeakerRule {

    @Override
    public Referent find(QuoteLayout layout, QuoteSite quote) {
        ParsedText text = layout.text();
        ReferentResolver referents = layout.referents();
        int i = quote.from();
        while (i < quote.end() && text.isPunctuation(i)) {
            i++;
        }
        int first = i;
        while (i < quote.end() && i - first < 4 && !text.word(i).equals(":")) {
            i++;
        }
        if (i >= quote.end() || i == first || !text.word(i).equals(":")) {
            return null;
        }
        for (int j = first; j < i; j++) {
            String word = text.word(j);
            if (!word.equals(word.toUpperCase(java.util.Locale.ROOT)) || !Character.isLetter(word.charAt(0))) {
                return null;
            }
        }
        return referents.labelled(first, i - 1);
    }
}
