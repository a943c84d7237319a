package io.stancewire.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.stancewire.analysis.model.Article;
import io.stancewire.config.StancewireConfig;

/**
 * Turns the bytes of a Kafka record or an HTTP body into an {@link Article}, checking the contract's input table.
 * Kafka and REST share it, so both reject the same things with the same words. Every rejection is an
 * {@link InvalidArticleException} with a {@link DeadLetterReason} and, when a field is at fault, its name; nothing
 * else escapes (see ArticleReaderFuzzTest).
 */
@Singleton
public class ArticleReader {

    public static final int MAX_ID_LENGTH = 256;
    /** An article is one JSON object of strings: anything nested deeper than this is not one. */
    public static final int MAX_NESTING_DEPTH = 32;
    /**
     * A body needs at least one word (a run of letters or digits) no longer than this: one 100,000-character token
     * is not a sentence, and CoreNLP would only spin on it.
     */
    public static final int MAX_WORD_LENGTH = 100;
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");
    /** RFC 3339 section 5.6 date-time (seconds required; 'T' and 'Z' in either case). */
    private static final Pattern RFC_3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");
    private static final String[] TEXT_FIELDS = { "title", "source", "url" };

    private final int maxBodyChars;
    private final boolean detectLanguage;
    private final ObjectMapper json;

    @Inject
    public ArticleReader(StancewireConfig config) {
        this(config.analysis().maxBodyChars(), config.analysis().detectLanguage());
    }

    /** A reader that takes an article without a {@code language} field as English, unchecked. */
    public ArticleReader(int maxBodyChars) {
        this(maxBodyChars, false);
    }

    /**
     * @param maxBodyChars the longest body accepted, in characters (UTF-16 code units, as the contract's offsets)
     * @param detectLanguage whether an article without a {@code language} field has its language detected
     *        ({@link LanguageDetection}) and is rejected when it is surely not English
     */
    public ArticleReader(int maxBodyChars, boolean detectLanguage) {
        this.maxBodyChars = maxBodyChars;
        this.detectLanguage = detectLanguage;
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.json = JsonMapper.builder(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    }

    public int maxBodyChars() {
        return maxBodyChars;
    }

    /** The largest value that can hold a valid article: a char takes at most 6 bytes in JSON ("\u201c"). */
    public long maxValueBytes() {
        return 6L * maxBodyChars + 64 * 1024;
    }

    /**
     * @param key the record key, or null; when present it is the article id
     * @param idRequired false for {@code POST /analyze}, where the id is optional
     * @param defaultPublishedAt used when the article has no {@code publishedAt}
     * @throws InvalidArticleException with the reason, when the value is not a valid article
     */
    public Article read(byte[] value, String key, boolean idRequired, Instant defaultPublishedAt) {
        if (value == null) {
            throw new InvalidArticleException(DeadLetterReason.NOT_JSON, "the value is empty (null)");
        }
        if (value.length > maxValueBytes()) {
            throw new InvalidArticleException(DeadLetterReason.TOO_LARGE, "body", "the record has " + value.length
                    + " bytes; an article body may have at most " + maxBodyChars + " characters");
        }
        JsonNode root = parse(utf8(value));
        if (!root.isObject()) {
            throw new InvalidArticleException(DeadLetterReason.NOT_AN_OBJECT,
                    "the value must be a JSON object, not " + kind(root));
        }
        String id = text(root, "id");
        if (key != null && id != null && !key.equals(id)) {
            throw new InvalidArticleException(DeadLetterReason.INVALID_FIELD, "id", "the record key '"
                    + abbreviate(key) + "' and the payload id '" + abbreviate(id) + "' differ");
        }
        id = id != null ? id : key;
        if (id == null && idRequired) {
            throw invalid("id", "the required field 'id' is missing");
        }
        if (id != null) {
            if (id.isBlank()) {
                throw invalid("id", "the field 'id' is blank");
            }
            if (id.length() > MAX_ID_LENGTH) {
                throw invalid("id", "the field 'id' has " + id.length() + " characters; at most " + MAX_ID_LENGTH
                        + " are allowed");
            }
            checkCharacters("id", id);
        }

        String body = text(root, "body");
        if (body == null) {
            throw invalid("body", "the required field 'body' is missing");
        }
        if (body.isBlank()) {
            throw invalid("body", "the field 'body' is blank");
        }
        if (body.length() > maxBodyChars) {
            throw new InvalidArticleException(DeadLetterReason.TOO_LARGE, "body", "the field 'body' has "
                    + body.length() + " characters; the limit is " + maxBodyChars);
        }
        checkCharacters("body", body);
        checkHasWords(body);

        String language = text(root, "language");
        if (language != null) {
            if (!LANGUAGE_TAG.matcher(language).matches()) {
                throw invalid("language", "the field 'language' is not a BCP 47 tag: '" + abbreviate(language)
                        + "'");
            }
            if (!language.toLowerCase(Locale.ROOT).split("-")[0].equals("en")) {
                throw UnsupportedLanguageException.declared(language);
            }
        }
        Instant publishedAt = defaultPublishedAt;
        String published = text(root, "publishedAt");
        if (published != null) {
            publishedAt = rfc3339(published);
        }
        for (String field : TEXT_FIELDS) {
            String text = text(root, field);
            if (text != null) {
                checkCharacters(field, text);
            }
        }
        if (language == null && detectLanguage) { // last: about 15 ms, where every other check costs microseconds
            LanguageDetection.get().foreignLanguage(body).ifPresent(detected -> {
                throw UnsupportedLanguageException.detected(detected);
            });
        }
        return new Article(id, body, text(root, "title"), publishedAt, text(root, "source"), text(root, "url"),
                language == null ? "en" : language);
    }

    /** The value as text; invalid UTF-8 (stray bytes, overlong forms, encoded surrogates) is named as such. */
    private static String utf8(byte[] value) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(value);
        CharBuffer out = CharBuffer.allocate(value.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new InvalidArticleException(DeadLetterReason.NOT_UTF8, "the value is not valid UTF-8: invalid "
                    + "byte sequence at byte " + in.position());
        }
        out.flip();
        if (out.hasRemaining() && out.charAt(0) == '\uFEFF') {
            out.position(1); // a byte order mark is allowed before the JSON
        }
        return out.toString();
    }

    private JsonNode parse(String text) {
        if (text.isBlank()) {
            throw new InvalidArticleException(DeadLetterReason.NOT_JSON, "the value is empty");
        }
        try {
            JsonNode node = json.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new InvalidArticleException(DeadLetterReason.NOT_JSON, "the value is empty");
            }
            return node;
        } catch (StreamConstraintsException e) {
            throw new InvalidArticleException(DeadLetterReason.NOT_JSON, "the value is not an article: its JSON is "
                    + "nested more than " + MAX_NESTING_DEPTH + " levels deep or holds an oversized number or name");
        } catch (JsonProcessingException e) {
            throw new InvalidArticleException(DeadLetterReason.NOT_JSON, "the value is not JSON: "
                    + firstLine(e.getOriginalMessage()));
        }
    }

    private static Instant rfc3339(String published) {
        if (RFC_3339.matcher(published).matches()) {
            try {
                return OffsetDateTime.parse(published.toUpperCase(Locale.ROOT)).toInstant();
            } catch (DateTimeParseException e) {
                // falls through: right shape, impossible date or time
            }
        }
        throw invalid("publishedAt", "the field 'publishedAt' is not an RFC 3339 timestamp "
                + "(like 2023-03-18T21:00:00Z): '" + abbreviate(published) + "'");
    }

    /** Text may hold tabs and line breaks, but no other C0 control character and no unpaired surrogate. */
    static void checkCharacters(String field, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw characters(field, "a lone surrogate U+" + hex(c), i);
            }
            if (Character.isLowSurrogate(c)) {
                throw characters(field, "a lone surrogate U+" + hex(c), i);
            }
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                throw characters(field, "the control character U+" + hex(c), i);
            }
        }
    }

    private static InvalidArticleException characters(String field, String what, int index) {
        return new InvalidArticleException(DeadLetterReason.INVALID_CHARACTERS, field, "the field '" + field
                + "' holds " + what + " at index " + index + " (only text, tabs and line breaks are allowed)");
    }

    /** At least one word of letters or digits, and not only words too long to be words. */
    private static void checkHasWords(String body) {
        int run = 0;
        boolean anyLetterOrDigit = false;
        for (int i = 0; i < body.length(); ) {
            int cp = body.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                anyLetterOrDigit = true;
                run++;
            } else {
                if (run > 0 && run <= MAX_WORD_LENGTH) {
                    return;
                }
                run = 0;
            }
            i += Character.charCount(cp);
        }
        if (run > 0 && run <= MAX_WORD_LENGTH) {
            return;
        }
        throw new InvalidArticleException(DeadLetterReason.NO_SENTENCES, "body", anyLetterOrDigit
                ? "the field 'body' has no sentence to analyse: no word of at most " + MAX_WORD_LENGTH
                        + " letters or digits"
                : "the field 'body' has no sentence to analyse: it has no letters or digits");
    }

    private static InvalidArticleException invalid(String field, String message) {
        return new InvalidArticleException(DeadLetterReason.INVALID_FIELD, field, message);
    }

    private static String text(JsonNode json, String field) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw invalid(field, "the field '" + field + "' must be a string, not " + kind(node));
        }
        return node.asText();
    }

    private static String kind(JsonNode node) {
        return node == null ? "nothing" : node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static String hex(char c) {
        return String.format(Locale.ROOT, "%04X", (int) c);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return abbreviate(newline < 0 ? message : message.substring(0, newline));
    }

    private static String abbreviate(String text) {
        String shown = text.length() <= 80 ? text : text.substring(0, 80) + "...";
        StringBuilder safe = new StringBuilder(shown.length());
        shown.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.SURROGATE) {
                safe.append('?');
            } else {
                safe.appendCodePoint(cp);
            }
        });
        return safe.toString();
    }
}
