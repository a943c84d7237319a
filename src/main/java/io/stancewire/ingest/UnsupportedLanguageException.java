package io.stancewire.ingest;

import java.util.Locale;

/**
 * An article in a language other than English: declared in its {@code language} field, or, when it has none,
 * detected in its body by {@link LanguageDetection}. The message is the dead-letter reason, for a detected one
 * {@code unsupported language 'fr' (detected)}.
 */
public class UnsupportedLanguageException extends InvalidArticleException {

    private final String language;
    private final boolean detected;

    private UnsupportedLanguageException(String field, String message, String language, boolean detected) {
        super(DeadLetterReason.UNSUPPORTED_LANGUAGE, field, message);
        this.language = language;
        this.detected = detected;
    }

    /** The article declares a language other than English. */
    public static UnsupportedLanguageException declared(String tag) {
        return new UnsupportedLanguageException("language", "unsupported language '" + tag
                + "': only English (en) articles are analysed", tag, false);
    }

    /** The article declares none, and its body is surely in this language. */
    public static UnsupportedLanguageException detected(String code) {
        return new UnsupportedLanguageException("body", "unsupported language '" + code + "' (detected)", code, true);
    }

    /**
     * The language as a metric tag: the primary subtag in lower case ("fr" of "fr-CA"; "zh" of "zh-CN"), a closed
     * set of ISO 639 codes rather than whatever a producer writes.
     */
    public String languageTag() {
        String primary = language.split("-")[0].toLowerCase(Locale.ROOT);
        return primary.matches("[a-z]{2,3}") ? primary : "other";
    }

    /** Whether the language was detected rather than declared. */
    public boolean detected() {
        return detected;
    }
}
