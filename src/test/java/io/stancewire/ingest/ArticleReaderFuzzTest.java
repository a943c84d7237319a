package io.stancewire.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.stancewire.analysis.model.Article;

/**
 * Random bytes, random JSON and random mutations of a valid article, from fixed seeds (a failure names its seed and
 * case): the reader answers an article that meets the contract or an InvalidArticleException, nothing else.
 */
class ArticleReaderFuzzTest {

    static final long[] SEEDS = { 1L, 42L, 20240501L, 0x5eed_cafeL };
    static final int CASES_PER_SEED = 2_500;
    final ArticleReader reader = new ArticleReader(2_000);

    @Test
    void randomBytes() {
        for (long seed : SEEDS) {
            Random random = new Random(seed);
            for (int i = 0; i < CASES_PER_SEED; i++) {
                byte[] value = new byte[random.nextInt(200)];
                random.nextBytes(value);
                check(value, seed, i);
            }
        }
    }

    @Test
    void randomJson() {
        for (long seed : SEEDS) {
            Random random = new Random(seed);
            for (int i = 0; i < CASES_PER_SEED; i++) {
                StringBuilder json = new StringBuilder();
                value(random, json, 0);
                check(json.toString().getBytes(StandardCharsets.UTF_8), seed, i);
            }
        }
    }

    @Test
    void randomArticleShapedObjects() {
        String[] fields = { "id", "body", "title", "publishedAt", "source", "url", "language" };
        for (long seed : SEEDS) {
            Random random = new Random(seed);
            int accepted = 0;
            for (int i = 0; i < CASES_PER_SEED; i++) {
                StringBuilder json = new StringBuilder("{");
                for (String field : fields) {
                    if (random.nextInt(5) == 0) {
                        continue;
                    }
                    if (json.length() > 1) {
                        json.append(',');
                    }
                    json.append('"').append(field).append("\":");
                    if (random.nextInt(4) == 0) {
                        value(random, json, 2);
                    } else if (field.equals("publishedAt") && random.nextBoolean()) {
                        json.append("\"2023-03-18T21:00:00Z\"");
                    } else if (field.equals("language") && random.nextBoolean()) {
                        json.append(random.nextBoolean() ? "\"en\"" : "\"de\"");
                    } else {
                        string(random, json, field.equals("body") ? 300 : 20);
                    }
                }
                json.append('}');
                byte[] value = json.toString().getBytes(StandardCharsets.UTF_8);
                if (random.nextInt(10) == 0 && value.length > 0) { // a flipped byte
                    value[random.nextInt(value.length)] ^= (byte) (1 << random.nextInt(8));
                }
                if (check(value, seed, i) != null) {
                    accepted++;
                }
            }
            assertThat(accepted).as("seed %d generates valid articles too", seed).isGreaterThan(50);
        }
    }

    private Article check(byte[] value, long seed, int i) {
        try {
            Article article = reader.read(value, null, true, Instant.EPOCH);
            assertThat(article.id()).isNotBlank().hasSizeLessThanOrEqualTo(ArticleReader.MAX_ID_LENGTH);
            assertThat(article.body()).isNotBlank().hasSizeLessThanOrEqualTo(reader.maxBodyChars());
            ArticleReader.checkCharacters("body", article.body());
            assertThat(article.language()).startsWithIgnoringCase("en");
            return article;
        } catch (InvalidArticleException e) {
            assertThat(e.reason()).isNotNull();
            assertThat(e.getMessage()).as("seed %d case %d", seed, i).isNotBlank().doesNotContain("\n");
            return null;
        } catch (Throwable e) {
            fail("seed " + seed + " case " + i + ": " + e + " for " + new String(value, StandardCharsets.UTF_8), e);
            return null;
        }
    }

    private static void value(Random random, StringBuilder json, int depth) {
        int kind = depth > 6 ? random.nextInt(4) : random.nextInt(6);
        switch (kind) {
            case 0 -> string(random, json, 12);
            case 1 -> json.append(random.nextBoolean() ? random.nextInt() : random.nextDouble() * 1e6);
            case 2 -> json.append(random.nextBoolean() ? "true" : random.nextBoolean() ? "false" : "null");
            case 3 -> json.append(random.nextBoolean() ? "" : random.nextBoolean() ? "{" : "\"unterminated");
            case 4 -> {
                json.append('[');
                int n = random.nextInt(4);
                for (int k = 0; k < n; k++) {
                    if (k > 0) {
                        json.append(',');
                    }
                    value(random, json, depth + 1);
                }
                json.append(']');
            }
            default -> {
                json.append('{');
                int n = random.nextInt(4);
                for (int k = 0; k < n; k++) {
                    if (k > 0) {
                        json.append(',');
                    }
                    string(random, json, 6);
                    json.append(':');
                    value(random, json, depth + 1);
                }
                json.append('}');
            }
        }
    }

    /** A JSON string of random characters: letters, spaces, punctuation, escapes, controls, surrogates, emoji. */
    private static void string(Random random, StringBuilder json, int maxLength) {
        json.append('"');
        int n = random.nextInt(maxLength + 1);
        for (int k = 0; k < n; k++) {
            switch (random.nextInt(12)) {
                case 0 -> json.append(' ');
                case 1 -> json.append(".,;!?\u201c\u201d'".charAt(random.nextInt(8)));
                case 2 -> json.append(String.format("\\u%04x", random.nextInt(0x10000)));
                case 3 -> json.append("\\n");
                case 4 -> json.append("\uD83D\uDE00");
                case 5 -> json.append((char) ('0' + random.nextInt(10)));
                case 6 -> json.append("\u00e9\u010d\u0416");
                default -> json.append((char) ('a' + random.nextInt(26)));
            }
        }
        json.append('"');
    }
}
