package io.stancewire.analysis.quotes.speaker;

import io.stancewire.analysis.actors.ReferentResolver;
import io.stancewire.analysis.actors.ReferentResolver.Referent;

/**
 * One way of reading a direct quote's speaker from its layout. {@link SpeakerRules#ORDER} tries the rules in turn:
 * a rule is tried only while {@link #tries} accepts what the rules before it found, and what it finds replaces that
 * when {@link #replaces} says so. {@link #find} is a pure lookup: it proposes a referent and changes nothing, so a
 * rule that loses leaves no actor behind; the attributor commits the winner.
 */
public interface SpeakerRule {

    /** The speaker this rule reads for the quote, or null when the quote's layout is not the rule's. */
    Referent find(QuoteLayout layout, QuoteSite quote);

    /** Whether the rule is tried, given what the rules before it found (null: nothing). By default, only then. */
    default boolean tries(Referent found, QuoteLayout layout, QuoteSite quote) {
        return found == null;
    }

    /** Whether this rule's answer replaces what the rules before it found. By default, always. */
    default boolean replaces(Referent found, Referent proposed) {
        return true;
    }

    /** Whether the rules before found nothing, or only words that refer to nobody known ("the narrator's"). */
    static boolean nobodyKnown(Referent found) {
        return found == null || found.kind() == ReferentResolver.Kind.UNKNOWN;
    }

    /** The rule's name, as {@code docs/design.md} lists it. */
    default String name() {
        return getClass().getSimpleName();
    }
}
