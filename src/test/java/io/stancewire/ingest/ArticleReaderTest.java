package io.stancewire.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.stancewire.analysis.model.Article;

/** Every bad input of the contract's table is rejected with its reason category, its field and plain words. */
public class ArticleReaderTest {

    static final Instant NOW = Instant.parse("2024-01-01T00:00:00Z");
    final ArticleReader reader = new ArticleReader(1000);

    private Article read(String json) {
        return reader.read(json.getBytes(StandardCharsets.UTF_8), null, true, NOW);
    }

    private static void rejected(Runnable read, DeadLetterReason reason, String field, String words) {
        assertThatThrownBy(read::run).isInstanceOfSatisfying(InvalidArticleException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(words);
        });
    }

    private void rejected(String json, DeadLetterReason reason, String field, String words) {
        rejected(() -> read(json), reason, field, words);
    }

    @Test
    void aValidArticleIsRead() {
        Article article = read("{\"id\": \"a-1\", \"body\": \"Kurti said so.\\n\\nVucic\\tdid not.\", \"title\": \"T\","
                + " \"publishedAt\": \"2023-03-18t21:00:00.5+01:00\", \"source\": \"AFP\", \"language\": \"en-GB\","
                + " \"unknownField\": [1, {\"x\": 2}]}");
        assertThat(article.id()).isEqualTo("a-1");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2023-03-18T20:00:00.5Z"));
        assertThat(article.language()).isEqualTo("en-GB");
        assertThat(read("\uFEFF{\"id\": \"b\", \"body\": \"Emoji \uD83D\uDE00 are fine.\"}").body())
                .contains("\uD83D\uDE00");
    }

    @Test
    void notJsonTrailingDataAndDuplicateFields() {
        rejected("this is not JSON {", DeadLetterReason.NOT_JSON, null, "not JSON");
        rejected("{\"id\": \"a\", \"body\": \"b\"} trailing", DeadLetterReason.NOT_JSON, null, "not JSON");
        rejected("{\"id\": \"a\", \"id\": \"b\", \"body\": \"c\"}", DeadLetterReason.NOT_JSON, null, "Duplicate");
        rejected("", DeadLetterReason.NOT_JSON, null, "empty");
        rejected("   ", DeadLetterReason.NOT_JSON, null, "empty");
    }

    @Test
    void invalidUtf8IsNamed() {
        byte[] value = "{\"id\": \"a\", \"body\": \"caf\u00e9\"}".getBytes(StandardCharsets.UTF_8);
        value[value.length - 3] = (byte) 0xC3;
        value[value.length - 2] = (byte) 0x28; // C3 28: a lead byte without its continuation
        rejected(() -> reader.read(value, null, true, NOW), DeadLetterReason.NOT_UTF8, null, "not valid UTF-8");
        byte[] surrogate = { '{', '"', 'b', 'o', 'd', 'y', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"',
                '}' }; // an encoded surrogate (CESU-8) is not UTF-8
        rejected(() -> reader.read(surrogate, null, false, NOW), DeadLetterReason.NOT_UTF8, null, "byte 9");
    }

    @Test
    void arraysAndScalarsAreNotArticles() {
        rejected("[{\"id\": \"a\", \"body\": \"b\"}]", DeadLetterReason.NOT_AN_OBJECT, null, "not array");
        rejected("42", DeadLetterReason.NOT_AN_OBJECT, null, "not number");
        rejected("\"text\"", DeadLetterReason.NOT_AN_OBJECT, null, "not string");
        rejected("null", DeadLetterReason.NOT_AN_OBJECT, null, "not null");
        rejected("true", DeadLetterReason.NOT_AN_OBJECT, null, "not boolean");
    }

    @Test
    void idMustBePresentNonBlankShortAndAString() {
        rejected("{\"body\": \"Kurti spoke.\"}", DeadLetterReason.INVALID_FIELD, "id", "'id' is missing");
        rejected("{\"id\": \"  \", \"body\": \"Kurti spoke.\"}", DeadLetterReason.INVALID_FIELD, "id", "blank");
        rejected("{\"id\": \"\", \"body\": \"Kurti spoke.\"}", DeadLetterReason.INVALID_FIELD, "id", "blank");
        rejected("{\"id\": \"" + "x".repeat(257) + "\", \"body\": \"Kurti spoke.\"}", DeadLetterReason.INVALID_FIELD,
                "id", "257 characters; at most 256");
        rejected("{\"id\": 7, \"body\": \"Kurti spoke.\"}", DeadLetterReason.INVALID_FIELD, "id", "must be a string");
        assertThat(read("{\"id\": \"" + "x".repeat(256) + "\", \"body\": \"Kurti spoke.\"}").id()).hasSize(256);
        // the key is the id when the payload has none, and must agree with it when it has one
        assertThat(reader.read("{\"body\": \"Kurti spoke.\"}".getBytes(StandardCharsets.UTF_8), "k-1", true, NOW).id())
                .isEqualTo("k-1");
        rejected(() -> reader.read("{\"id\": \"a\", \"body\": \"Kurti spoke.\"}".getBytes(StandardCharsets.UTF_8),
                "b", true, NOW), DeadLetterReason.INVALID_FIELD, "id", "differ");
        // POST /analyze: no id needed
        assertThat(reader.read("{\"body\": \"Kurti spoke.\"}".getBytes(StandardCharsets.UTF_8), null, false, NOW)
                .id()).isNull();
    }

    @Test
    void bodyMustBePresentNonBlankAStringAndWithinTheLimit() {
        rejected("{\"id\": \"a\"}", DeadLetterReason.INVALID_FIELD, "body", "'body' is missing");
        rejected("{\"id\": \"a\", \"body\": null}", DeadLetterReason.INVALID_FIELD, "body", "'body' is missing");
        rejected("{\"id\": \"a\", \"body\": \" \\n\\t \"}", DeadLetterReason.INVALID_FIELD, "body", "blank");
        rejected("{\"id\": \"a\", \"body\": 12}", DeadLetterReason.INVALID_FIELD, "body", "must be a string, not number");
        rejected("{\"id\": \"a\", \"body\": {\"text\": \"x\"}}", DeadLetterReason.INVALID_FIELD, "body", "not object");
        rejected("{\"id\": \"a\", \"body\": \"" + "word ".repeat(201) + "\"}", DeadLetterReason.TOO_LARGE, "body",
                "1005 characters; the limit is 1000");
        assertThat(read("{\"id\": \"a\", \"body\": \"" + "word ".repeat(200) + "\"}").body()).hasSize(1000);
        // a record larger than any valid article is refused before it is parsed
        rejected(() -> reader.read(new byte[(int) reader.maxValueBytes() + 1], null, true, NOW),
                DeadLetterReason.TOO_LARGE, "body", "bytes");
    }

    @Test
    void publishedAtMustBeRfc3339() {
        for (String bad : new String[] { "18/03/2023", "2023-03-18", "2023-03-18T21:00Z", "2023-03-18T21:00:00",
                "2023-02-30T21:00:00Z", "2023-03-18 21:00:00Z", "yesterday" }) {
            rejected("{\"id\": \"a\", \"body\": \"Kurti spoke.\", \"publishedAt\": \"" + bad + "\"}",
                    DeadLetterReason.INVALID_FIELD, "publishedAt", "not an RFC 3339 timestamp");
        }
        rejected("{\"id\": \"a\", \"body\": \"Kurti spoke.\", \"publishedAt\": 1700000000}",
                DeadLetterReason.INVALID_FIELD, "publishedAt", "must be a string");
    }

    @Test
    void onlyEnglishIsAnalysed() {
        rejected("{\"id\": \"a\", \"body\": \"Le président a boudé.\", \"language\": \"fr\"}",
                DeadLetterReason.UNSUPPORTED_LANGUAGE, "language", "unsupported language 'fr'");
        rejected("{\"id\": \"a\", \"body\": \"Kurti spoke.\", \"language\": \"not a tag!\"}",
                DeadLetterReason.INVALID_FIELD, "language", "BCP 47");
    }

    @Test
    void deeplyNestedJsonIsACleanRejection() {
        String nested = "[".repeat(10_000) + "]".repeat(10_000);
        rejected("{\"id\": \"a\", \"body\": \"Kurti spoke.\", \"extra\": " + nested + "}", DeadLetterReason.NOT_JSON,
                null, "nested more than 32 levels");
        rejected(nested, DeadLetterReason.NOT_JSON, null, "nested more than 32 levels");
        String objects = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
        rejected(objects, DeadLetterReason.NOT_JSON, null, "nested more than 32 levels");
    }

    @Test
    void controlCharactersAndLoneSurrogatesAreRejectedNamingTheField() {
        rejected("{\"id\": \"a\", \"body\": \"Kurti\\u0007 spoke.\"}", DeadLetterReason.INVALID_CHARACTERS, "body",
                "control character U+0007 at index 5");
        rejected("{\"id\": \"a\", \"body\": \"Kurti\\u0000 spoke.\"}", DeadLetterReason.INVALID_CHARACTERS, "body",
                "U+0000");
        rejected("{\"id\": \"a\", \"body\": \"Kurti \\ud800 spoke.\"}", DeadLetterReason.INVALID_CHARACTERS, "body",
                "lone surrogate U+D800");
        rejected("{\"id\": \"a\", \"body\": \"Kurti spoke \\udc00\"}", DeadLetterReason.INVALID_CHARACTERS, "body",
                "lone surrogate U+DC00");
        rejected("{\"id\": \"a\\u001b\", \"body\": \"Kurti spoke.\"}", DeadLetterReason.INVALID_CHARACTERS, "id",
                "U+001B");
        rejected("{\"id\": \"a\", \"body\": \"Kurti spoke.\", \"title\": \"T\\ud83d\"}",
                DeadLetterReason.INVALID_CHARACTERS, "title", "lone surrogate");
    }

    @Test
    void aBodyWithoutSentencesIsRejected() {
        rejected("{\"id\": \"a\", \"body\": \"!!! ... ??? -- \\u201c\\u201d\"}", DeadLetterReason.NO_SENTENCES, "body",
                "no letters or digits");
        rejected("{\"id\": \"a\", \"body\": \"" + "a".repeat(100_000) + "\"}", new ArticleReader(200_000),
                DeadLetterReason.NO_SENTENCES, "body", "no word of at most 100");
        assertThat(new ArticleReader(200_000).read(("{\"id\": \"a\", \"body\": \"" + "a".repeat(100_000)
                + " Kurti spoke.\"}").getBytes(StandardCharsets.UTF_8), null, true, NOW).body()).endsWith("spoke.");
        assertThat(read("{\"id\": \"a\", \"body\": \"2024\"}").body()).isEqualTo("2024");
    }

    public static final String FRENCH = "Le Premier ministre kosovar et le président serbe se sont rencontrés samedi à Ohrid, "
            + "sous l'égide de l'Union européenne, sans parvenir à signer l'accord de normalisation de leurs relations. "
            + "Les deux dirigeants n'ont pas hésité à s'accuser mutuellement de bloquer les négociations.";
    public static final String ENGLISH = "The leaders of Kosovo and Serbia failed on Saturday to sign an agreement on the "
            + "normalization of their complicated relations during marathon talks conducted under the aegis of the "
            + "European Union. The two leaders did not hesitate to throw spades at each other.";

    @Test
    void anArticleWithoutALanguageIsDetectedAndTurnedAwayWhenSurelyForeign() {
        ArticleReader detecting = new ArticleReader(1000, true);
        assertThatThrownBy(() -> detecting.read(json(FRENCH), null, true, NOW))
                .isInstanceOfSatisfying(UnsupportedLanguageException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("unsupported language 'fr' (detected)");
                    assertThat(e.reason()).isEqualTo(DeadLetterReason.UNSUPPORTED_LANGUAGE);
                    assertThat(e.field()).isEqualTo("body");
                    assertThat(e.languageTag()).isEqualTo("fr");
                    assertThat(e.detected()).isTrue();
                });
        assertThat(detecting.read(json(ENGLISH), null, true, NOW).language()).isEqualTo("en");
        // a declared language is believed, and short texts are never guessed at
        assertThat(detecting.read(("{\"id\": \"a\", \"language\": \"en\", \"body\": \"" + FRENCH + "\"}")
                .getBytes(StandardCharsets.UTF_8), null, true, NOW).language()).isEqualTo("en");
        assertThat(detecting.read(json("Le président a boudé."), null, true, NOW).language()).isEqualTo("en");
        // the reader of tools and tests does not detect
        assertThat(new ArticleReader(1000).read(json(FRENCH), null, true, NOW).body()).isEqualTo(FRENCH);
    }

    @Test
    void theCheapChecksComeBeforeTheLanguageIsDetected() {
        ArticleReader detecting = new ArticleReader(1000, true);
        byte[] frenchWithABadDate = ("{\"id\": \"a\", \"publishedAt\": \"yesterday\", \"body\": \"" + FRENCH + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> detecting.read(frenchWithABadDate, null, true, NOW))
                .isInstanceOfSatisfying(InvalidArticleException.class, e -> assertThat(e.field())
                        .isEqualTo("publishedAt"));
    }

    @Test
    void aDeclaredForeignLanguageIsTaggedByItsPrimarySubtag() {
        assertThatThrownBy(() -> read("{\"id\": \"a\", \"body\": \"Hallo.\", \"language\": \"de-AT\"}"))
                .isInstanceOfSatisfying(UnsupportedLanguageException.class, e -> {
                    assertThat(e.languageTag()).isEqualTo("de");
                    assertThat(e.detected()).isFalse();
                });
    }

    private static byte[] json(String body) {
        return ("{\"id\": \"a\", \"body\": \"" + body + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static void rejected(String json, ArticleReader reader, DeadLetterReason reason, String field,
            String words) {
        rejected(() -> reader.read(json.getBytes(StandardCharsets.UTF_8), null, true, NOW), reason, field, words);
    }
}
