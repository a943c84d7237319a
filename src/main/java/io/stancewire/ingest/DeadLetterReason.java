package io.stancewire.ingest;

/**
 * Why a record could not be processed, as a small closed set: the tag of the dead-letter metric
 * ({@code stancewire.articles.dead.lettered{reason=...}}) and the HTTP status of the same fault on the REST API. The
 * plain-words reason travels in the exception message ({@code dead-letter-reason} header, problem {@code detail}).
 */
public enum DeadLetterReason {
    /** The value is not valid UTF-8. */
    NOT_UTF8("not-utf8", 400),
    /** Not JSON, trailing data, duplicate fields, nested too deep. */
    NOT_JSON("not-json", 400),
    /** JSON, but an array, a scalar or null instead of an object. */
    NOT_AN_OBJECT("not-an-object", 400),
    /** A field is missing, blank, of the wrong type or length, or not in its format. */
    INVALID_FIELD("invalid-field", 400),
    /** A text field holds a control character or a lone surrogate. */
    INVALID_CHARACTERS("invalid-characters", 400),
    /** The body (or the whole record) is over the configured limit. */
    TOO_LARGE("too-large", 413),
    /** A language other than English. */
    UNSUPPORTED_LANGUAGE("unsupported-language", 422),
    /** The body has nothing CoreNLP could read as a sentence. */
    NO_SENTENCES("no-sentences", 422),
    /** A null value without a key: a tombstone that names no article. */
    TOMBSTONE_WITHOUT_KEY("tombstone-without-key", 400),
    /** The analysis took longer than {@code stancewire.analysis.timeout}. */
    ANALYSIS_TIMED_OUT("analysis-timed-out", 422),
    /** Anything else that failed while analysing or publishing. */
    ANALYSIS_FAILED("analysis-failed", 500);

    private final String tag;
    private final int httpStatus;

    DeadLetterReason(String tag, int httpStatus) {
        this.tag = tag;
        this.httpStatus = httpStatus;
    }

    /** The metric tag. */
    public String tag() {
        return tag;
    }

    /** The status the REST API answers for the same fault. */
    public int httpStatus() {
        return httpStatus;
    }
}
