package io.stancewire.ingest;

/**
 * Why a record could not be processed, as a small closed set: the tag of the dead-letter metric
 * ({@code stancewire.articles.dead.lettered{reason=...}}). The plain-words reason travels in the exception message
 * ({@code dead-letter-reason} header, problem {@code detail}); the REST API answers the same fault with the status of
 * its {@code api.ProblemType}.
 */
public enum DeadLetterReason {
    /** The value is not valid UTF-8. */
    NOT_UTF8("not-utf8"),
    /** Not JSON, trailing data, duplicate fields, nested too deep. */
    NOT_JSON("not-json"),
    /** JSON, but an array, a scalar or null instead of an object. */
    NOT_AN_OBJECT("not-an-object"),
    /** A field is missing, blank, of the wrong type or length, or not in its format. */
    INVALID_FIELD("invalid-field"),
    /** A text field holds a control character or a lone surrogate. */
    INVALID_CHARACTERS("invalid-characters"),
    /** The body (or the whole record) is over the configured limit. */
    TOO_LARGE("too-large"),
    /** A language other than English. */
    UNSUPPORTED_LANGUAGE("unsupported-language"),
    /** The body has nothing CoreNLP could read as a sentence. */
    NO_SENTENCES("no-sentences"),
    /** A null value without a key: a tombstone that names no article. */
    TOMBSTONE_WITHOUT_KEY("tombstone-without-key"),
    /** The analysis took longer than {@code stancewire.analysis.timeout}. */
    ANALYSIS_TIMED_OUT("analysis-timed-out"),
    /** Anything else that failed while analysing or publishing. */
    ANALYSIS_FAILED("analysis-failed");

    private final String tag;

    DeadLetterReason(String tag) {
        this.tag = tag;
    }

    /** The metric tag. */
    public String tag() {
        return tag;
    }
}
