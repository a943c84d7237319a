package io.stancewire.analysis.model;

/**
 * Quoted ({@code direct}, span covers the marks) or reported ({@code indirect}, span covers the reported content)
 * speech. Speaker fields are null when no person or organisation said it (a document, a crowd, unknown).
 * {@code sourceMention} (an addition to the contract) is the span that names whoever the words are attributed to,
 * whether or not that is a person or organisation ("the report", "a source close to the campaign", "protesters");
 * it equals {@code speakerMention} when there is a speaker, and is null when the text names no source.
 */
public record Quote(int start, int end, String text, String kind, String speakerId, String speakerName,
        Span speakerMention, Span sourceMention, double tone) {

    public static final String DIRECT = "direct";
    public static final String INDIRECT = "indirect";
}
