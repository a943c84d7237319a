package io.stancewire.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.stancewire.analysis.model.Article;

/** Articles kept under {@code src/test/resources/articles}. */
public final class TestArticles {

    private TestArticles() {
    }

    public static String text(String name) {
        try (InputStream in = TestArticles.class.getClassLoader().getResourceAsStream("articles/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test article " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Article article(String id, String body) {
        return new Article(id, body, null, Instant.parse("2023-03-18T20:00:00Z"), "test", null, "en");
    }
}
