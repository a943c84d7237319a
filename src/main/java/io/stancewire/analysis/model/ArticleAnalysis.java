package io.stancewire.analysis.model;

import java.time.Instant;
import java.util.List;

/**
 * The analysis JSON of the contract; {@code title}, {@code publishedAt}, {@code source} (the article's outlet, as
 * the producer gave it) and {@code body} (the text every offset indexes, so that a reader can show the spans in
 * place) are additions; {@code body} is null in analyses stored before it was added. {@code relations} is null in analyses stored before relations were read.
 */
public record ArticleAnalysis(String articleId, String title, Instant publishedAt, String source, String body,
        List<Actor> actors, List<Quote> quotes, List<ToneCue> tones, List<Stance> stances, List<Relation> relations) {

    /**
     * The same analysis but for {@code publishedAt}, which defaults to the record's timestamp: an article sent again
     * without a publication time is the same article.
     */
    public boolean sameContentAs(ArticleAnalysis other) {
        return other != null && new ArticleAnalysis(articleId, title, other.publishedAt, source, body, actors, quotes, tones,
                stances, relations)
                .equals(other);
    }

    public Actor actor(String actorId) {
        return actors.stream().filter(a -> a.id().equals(actorId)).findFirst().orElse(null);
    }
}
