package io.stancewire.ingest;

/**
 * A record or request that is not a valid article; the message says why, in plain words, and names the field when
 * one is at fault.
 */
public class InvalidArticleException extends RuntimeException {

    private final DeadLetterReason reason;
    private final String field;

    public InvalidArticleException(DeadLetterReason reason, String field, String message) {
        super(message);
        this.reason = reason;
        this.field = field;
    }

    public InvalidArticleException(DeadLetterReason reason, String message) {
        this(reason, null, message);
    }

    public DeadLetterReason reason() {
        return reason;
    }

    /** The JSON field at fault ({@code id}, {@code body}, ...), or null when the record as a whole is. */
    public String field() {
        return field;
    }

    public boolean tooLarge() {
        return reason == DeadLetterReason.TOO_LARGE;
    }

    /** No stack trace: the message says all, and rejected input is routine. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
