package io.stancewire.analysis.model;

/** A span of the article body: UTF-16 indices, end exclusive, {@code text = body.substring(start, end)}. */
public record Span(int start, int end, String text) {

    public static Span of(String body, int start, int end) {
        return new Span(start, end, body.substring(start, end));
    }

    public boolean overlaps(int otherStart, int otherEnd) {
        return start < otherEnd && otherStart < end;
    }

    public boolean contains(int offset) {
        return offset >= start && offset < end;
    }
}
