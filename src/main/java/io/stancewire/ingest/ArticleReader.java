package io.stancewire.ingest;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.stancewire.analysis.Article;
import io.stancewire.config.StancewireConfig;

/**
 * Turns the bytes of a Kafka record or an HTTP body into an {@link Article}, checking the contract's input table.
 * Kafka and REST share it, so both reject the same things with the same words.
 */
@ApplicationScoped
public class ArticleReader {

    static final int MAX_ID_LENGTH = 256;
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");

    @Inject
    ObjectMapper mapper;

    @Inject
    StancewireConfig config;

    /**
     * @param key the record key, or null; when present it is the article id
     * @param idRequired false for {@code POST /analyze}, where the id is optional
     * @param defaultPublishedAt used when the article has no {@code publishedAt}
     */
    public Article read(byte[] value, String key, boolean idRequired, Instant defaultPublishedAt) {
        if (value == null) {
            throw new InvalidArticleException("the value is empty (null)");
        }
        int limit = config.analysis().maxBodyChars();
        // a char takes at most 6 bytes in JSON ("\u201c"): a record larger than that cannot hold a valid body
        if (value.length > 6L * limit + 64 * 1024) {
            throw new InvalidArticleException("the record has " + value.length + " bytes; an article body may have at most "
                    + limit + " characters", true);
        }
        JsonNode json;
        try {
            json = mapper.readTree(value);
        } catch (JsonProcessingException e) {
            throw new InvalidArticleException("the value is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidArticleException("the value cannot be read as UTF-8 JSON: " + e.getMessage());
        }
        if (json == null || !json.isObject()) {
            throw new InvalidArticleException("the value must be a JSON object, not " + kind(json));
        }
        String id = text(json, "id");
        if (key != null && id != null && !key.equals(id)) {
            throw new InvalidArticleException("the record key '" + abbreviate(key) + "' and the payload id '"
                    + abbreviate(id) + "' differ");
        }
        id = id != null ? id : key;
        if (id == null && idRequired) {
            throw new InvalidArticleException("the required field 'id' is missing");
        }
        if (id != null && (id.isEmpty() || id.length() > MAX_ID_LENGTH)) {
            throw new InvalidArticleException("the field 'id' must have 1 to " + MAX_ID_LENGTH + " characters, not "
                    + id.length());
        }
        String body = text(json, "body");
        if (body == null) {
            throw new InvalidArticleException("the required field 'body' is missing");
        }
        if (body.isBlank()) {
            throw new InvalidArticleException("the field 'body' is blank");
        }
        if (body.length() > limit) {
            throw new InvalidArticleException("the body has " + body.length() + " characters; the limit is " + limit,
                    true);
        }
        String language = text(json, "language");
        if (language != null) {
            if (!LANGUAGE_TAG.matcher(language).matches()) {
                throw new InvalidArticleException("the field 'language' is not a BCP 47 tag: '" + abbreviate(language)
                        + "'");
            }
            if (!language.toLowerCase(Locale.ROOT).split("-")[0].equals("en")) {
                throw new InvalidArticleException("unsupported language '" + language
                        + "': only English (en) articles are analysed");
            }
        }
        Instant publishedAt = defaultPublishedAt;
        String published = text(json, "publishedAt");
        if (published != null) {
            try {
                publishedAt = OffsetDateTime.parse(published).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidArticleException("the field 'publishedAt' is not an RFC 3339 timestamp: '"
                        + abbreviate(published) + "'");
            }
        }
        return new Article(id, body, text(json, "title"), publishedAt, text(json, "source"), text(json, "url"),
                language == null ? "en" : language);
    }

    private static String text(JsonNode json, String field) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidArticleException("the field '" + field + "' must be a string, not " + kind(node));
        }
        return node.asText();
    }

    private static String kind(JsonNode node) {
        return node == null ? "nothing" : node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
