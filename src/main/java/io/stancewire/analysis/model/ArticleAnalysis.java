package io.stancewire.analysis.model;

import java.time.Instant;
import java.util.List;

/** The analysis JSON of the contract; {@code title} and {@code publishedAt} are additions. */
public record ArticleAnalysis(String articleId, String title, Instant publishedAt, List<Actor> actors,
        List<Quote> quotes, List<ToneCue> tones, List<Stance> stances) {

    /**
     * The same analysis but for {@code publishedAt}, which defaults to the record's timestamp: an article sent again
     * without a publication time is the same article.
     */
    public boolean sameContentAs(ArticleAnalysis other) {
        return other != null && new ArticleAnalysis(articleId, title, other.publishedAt, actors, quotes, tones, stances)
                .equals(other);
    }

    public Actor actor(String actorId) {
        return actors.stream().filter(a -> a.id().equals(actorId)).findFirst().orElse(null);
    }
}
