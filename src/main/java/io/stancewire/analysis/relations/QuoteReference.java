package io.stancewire.analysis.relations;

import io.stancewire.analysis.model.Quote;
import io.stancewire.analysis.model.Span;

/**
 * A quote that speaks of an actor other than its speakers: {@code words} is the clause of the quote that names the
 * target, {@code tone} the tone of those words.
 */
public record QuoteReference(Quote quote, String targetId, Span words, double tone) {
}
