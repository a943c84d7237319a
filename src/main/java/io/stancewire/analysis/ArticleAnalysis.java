package io.stancewire.analysis;

import java.time.Instant;
import java.util.List;

/** The analysis JSON of the contract; {@code title} and {@code publishedAt} are additions. */
public record ArticleAnalysis(String articleId, String title, Instant publishedAt, List<Actor> actors,
        List<Quote> quotes, List<ToneCue> tones, List<Stance> stances) {

    public Actor actor(String actorId) {
        return actors.stream().filter(a -> a.id().equals(actorId)).findFirst().orElse(null);
    }
}
