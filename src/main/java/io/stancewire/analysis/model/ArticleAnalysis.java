package io.stancewire.analysis.model;

import java.time.Instant;
import java.util.List;

/**
 * The analysis JSON of the contract; {@code title}, {@code publishedAt} and {@code source} (the article's outlet, as
 * the producer gave it) are additions. {@code relations} is null in analyses stored before relations were read.
 */
public record ArticleAnalysis(String articleId, String title, Instant publishedAt, String source, List<Actor> actors,
        List<Quote> quotes, List<ToneCue> tones, List<Stance> stances, List<Relation> relations) {

    /**
     * The same analysis but for {@code publishedAt}, which defaults to the record's timestamp: an article sent again
     * without a publication time is the same article.
     */
    public boolean sameContentAs(ArticleAnalysis other) {
        return other != null && new ArticleAnalysis(articleId, title, other.publishedAt, source, actors, quotes, tones, stances,
                relations)
                .equals(other);
    }

    public Actor actor(String actorId) {
        return actors.stream().filter(a -> a.id().equals(actorId)).findFirst().orElse(null);
    }
}
