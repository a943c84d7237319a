package io.stancewire.analysis.model;

import java.time.Instant;

/** An article as producers send it (see the contract's input table). */
public record Article(String id, String body, String title, Instant publishedAt, String source, String url,
        String language) {

    public Article withId(String newId) {
        return new Article(newId, body, title, publishedAt, source, url, language);
    }
}
