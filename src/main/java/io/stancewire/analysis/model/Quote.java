package io.stancewire.analysis.model;

import java.util.List;

/**
 * Quoted ({@code direct}, span covers the marks) or reported ({@code indirect}, span covers the reported content)
 * speech. Speaker fields are null when no person or organisation said it (a document, a crowd, unknown).
 * {@code sourceMention} (an addition to the contract) is the span that names whoever the words are attributed to,
 * whether or not that is a person or organisation ("the report", "the poll", "protesters");
 * it equals {@code speakerMention} when there is a speaker, and is null when the text names no source.
 * {@code speakerIds} (an addition) holds every person or organisation who said it: {@code [speakerId]} for one
 * speaker; for coordinated speakers ("Mr. Grassley and Mr. Leahy said"), all of them, with {@code speakerId} and
 * {@code speakerName} null (no one person said it alone) and {@code speakerMention} naming them all; empty when
 * nobody did.
 */
public record Quote(int start, int end, String text, String kind, String speakerId, String speakerName,
        Span speakerMention, List<String> speakerIds, Span sourceMention, double tone) {

    public static final String DIRECT = "direct";
    public static final String INDIRECT = "indirect";
}
