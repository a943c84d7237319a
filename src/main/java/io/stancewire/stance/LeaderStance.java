package io.stancewire.stance;

import java.time.Instant;
import java.util.List;

/**
 * The contract's leader stance JSON, plus the role and the latest articles behind the score: the one shape of
 * {@code GET /leaders/{id}}, of {@code GET /leaders}' items, of the {@code leader-stances} topic and of the
 * {@code leader} events of {@code GET /leaders/stream}.
 */
public record LeaderStance(String id, String name, String role, double score, long articles, long evidence,
        Instant updatedAt, List<StanceAggregate.Source> sources) {

    public static LeaderStance of(StanceAggregate aggregate) {
        return new LeaderStance(aggregate.leaderId(), aggregate.name(), aggregate.role(), aggregate.score(),
                aggregate.articles(), aggregate.evidence(), aggregate.updatedAt(), aggregate.sources());
    }

    /** One day of a timeline. */
    public record Day(String date, double score, long articles, long evidence) {
    }
}
