package io.stancewire.analysis.quotes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.stancewire.analysis.actors.ReferentResolver;
import io.stancewire.analysis.actors.ReferentResolver.Referent;
import io.stancewire.analysis.lexicons.SpeechVerbs;
import io.stancewire.analysis.model.Span;
import io.stancewire.analysis.parse.ParsedText;
import io.stancewire.analysis.quotes.speaker.QuoteLayout;
import io.stancewire.analysis.quotes.speaker.QuoteSite;
import io.stancewire.analysis.quotes.speaker.SpeakerRules;

/**
 * Gives each direct quote its speaker, in the article's order: the speaker rules ({@link SpeakerRules#ORDER}) read
 * the quote's layout, each proposing a referent without changing anything; the one that wins is committed (its
 * actor joins the article's actors) and becomes the previous speaker for the next quote. Quotes embedded in a
 * sentence with no speech verb (terms, scare quotes) have no speaker.
 */
public final class QuoteAttributor {

    public record Attribution(Span quote, Referent speaker) {
    }

    private final ParsedText text;
    private final ReferentResolver referents;
    private final QuoteLayout layout;

    public QuoteAttributor(ParsedText text, ReferentResolver referents, SpeechVerbs verbs, List<Span> quotes) {
        this.text = text;
        this.referents = referents;
        this.layout = new QuoteLayout(text, referents, verbs, quotes);
    }

    /** Whether the token lies inside a direct quote. */
    public boolean isQuoted(int token) {
        return layout.isQuoted(token);
    }

    public List<Attribution> attribute(List<Span> quotes) {
        List<Attribution> out = new ArrayList<>();
        Map<Integer, Referent> speakerBySentence = new HashMap<>();
        QuoteSite.TokenRange previous = null;
        Referent previousSpeaker = null;
        for (Span quote : quotes) {
            int[] range = text.tokensWithin(quote.start(), quote.end());
            if (range[0] >= range[1]) {
                out.add(new Attribution(quote, Referent.NONE));
                continue;
            }
            QuoteSite.TokenRange tokens = new QuoteSite.TokenRange(range[0], range[1]);
            QuoteSite site = new QuoteSite(tokens, layout.firstSentence(tokens), text.sentenceOf(range[1] - 1), previous,
                    previousSpeaker, Collections.unmodifiableMap(speakerBySentence));
            Referent speaker = SpeakerRules.speakerOf(layout, site);
            // only the speaker that wins joins the actors: the lookups of the rules that lost changed nothing
            speaker = speaker == null ? Referent.NONE : referents.commit(speaker);
            if (speaker.speaks()) {
                for (int s = site.firstSentence(); s <= site.lastSentence(); s++) {
                    speakerBySentence.put(s, speaker);
                }
            }
            out.add(new Attribution(quote, speaker));
            previous = tokens;
            previousSpeaker = speaker;
        }
        return out;
    }
}
