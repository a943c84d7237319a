package io.stancewire.api;

import java.time.Instant;
import java.util.List;

import io.stancewire.stance.StanceAggregate;

/** The contract's leader stance JSON, plus the role and the latest articles behind the score. */
public record LeaderStance(String id, String name, String role, double score, long articles, long evidence,
        Instant updatedAt, List<StanceAggregate.Source> sources) {

    static LeaderStance of(StanceAggregate aggregate) {
        return new LeaderStance(aggregate.leaderId(), aggregate.name(), aggregate.role(), aggregate.score(),
                aggregate.articles(), aggregate.evidence(), aggregate.updatedAt(), aggregate.sources());
    }

    /** One day of a timeline. */
    public record Day(String date, double score, long articles, long evidence) {
    }
}
