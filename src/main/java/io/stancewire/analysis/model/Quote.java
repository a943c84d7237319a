package io.stancewire.analysis.model;

/**
 * Quoted ({@code direct}, span covers the marks) or reported ({@code indirect}, span covers the reported content)
 * speech. Speaker fields are null when no person or organisation said it (a document, a crowd, unknown).
 */
public record Quote(int start, int end, String text, String kind, String speakerId, String speakerName,
        Span speakerMention, double tone) {

    public static final String DIRECT = "direct";
    public static final String INDIRECT = "indirect";
}
