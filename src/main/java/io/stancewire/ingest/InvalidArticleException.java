package io.stancewire.ingest;

/** A record or request that is not a valid article; the message says why, in plain words. */
public class InvalidArticleException extends RuntimeException {

    private final boolean tooLarge;

    public InvalidArticleException(String reason) {
        this(reason, false);
    }

    public InvalidArticleException(String reason, boolean tooLarge) {
        super(reason);
        this.tooLarge = tooLarge;
    }

    public boolean tooLarge() {
        return tooLarge;
    }
}
