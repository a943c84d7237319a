package io.stancewire.analysis.quotes.speaker;

import java.util.List;

import io.stancewire.analysis.actors.ReferentResolver.Referent;

/**
 * The speaker rules in the order they are tried ({@code docs/design.md}, step 4): layouts that name the speaker
 * unmistakably first (a signature, a transcript label, a statement's issuer, a quote continued in its sentence),
 * then the speech verb of the quote's own sentence, then layouts read on the tokens where parses of quotes often
 * fail, and last the context of a quote that stands alone.
 */
public final class SpeakerRules {

    public static final List<SpeakerRule> ORDER = List.of(
            new SignedAfterDash(),
            new TranscriptLabel(),
            new IssuedBy(),
            new Continued(),
            new VerbBeforeComma(),
            new NearestSpeechVerb(),
            new InvertedAfter(),
            new PhraseThenVerbAfter(),
            new ShortSentenceAfter(),
            new BeforeColon(),
            new GoesOn(),
            new PreviousSentence());

    private SpeakerRules() {
    }

    /** The speaker the rules find for the quote, uncommitted, or null. */
    public static Referent speakerOf(QuoteLayout layout, QuoteSite quote) {
        return speakerOf(ORDER, layout, quote);
    }

    static Referent speakerOf(List<SpeakerRule> rules, QuoteLayout layout, QuoteSite quote) {
        Referent found = null;
        for (SpeakerRule rule : rules) {
            if (!rule.tries(found, layout, quote)) {
                continue;
            }
            Referent proposed = rule.find(layout, quote);
            if (proposed != null && rule.replaces(found, proposed)) {
                found = proposed;
            }
        }
        return found;
    }
}
