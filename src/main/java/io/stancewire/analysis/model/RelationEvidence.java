package io.stancewire.analysis.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One item behind a {@link Relation}: a tone cue of the narration where the agent acts on the target ({@code tone},
 * valued at its polarity; the span is the cue), or words of the agent's quote about the target ({@code quote},
 * valued at their tone; the span is the clause of the quote that names the target).
 */
public record RelationEvidence(int start, int end, String text, Kind kind, double value) {

    public enum Kind {
        @JsonProperty("tone")
        TONE,
        @JsonProperty("quote")
        QUOTE
    }
}
