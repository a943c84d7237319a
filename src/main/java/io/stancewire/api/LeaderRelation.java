package io.stancewire.api;

import java.time.Instant;
import java.util.List;

import io.stancewire.analysis.tone.StanceScorer;
import io.stancewire.stance.DateWindow;
import io.stancewire.stance.RelationTotals;
import io.stancewire.stance.StanceAggregate;

/**
 * A leader's relation toward one target ({@code GET /leaders/{id}/relations}): the contract's fields, plus the latest
 * contributing articles ({@code sources}), so that the number traces back to the analyses behind it.
 */
public record LeaderRelation(String targetId, String targetName, double score, long evidence, long articles,
        Instant updatedAt, List<StanceAggregate.Source> sources) {

    /** The relation over the articles published in the window; null when none was. */
    static LeaderRelation of(RelationTotals totals, DateWindow window) {
        if (window.isAll()) {
            return new LeaderRelation(totals.targetId(), totals.targetName(), totals.score(), totals.evidence(),
                    totals.articles(), totals.updatedAt(), totals.sources());
        }
        StanceAggregate.Day within = totals.within(window);
        if (within.articles() == 0) {
            return null;
        }
        List<StanceAggregate.Source> sources = totals.sources().stream()
                .filter(s -> window.contains(s.publishedAt())).toList();
        return new LeaderRelation(totals.targetId(), totals.targetName(),
                StanceScorer.score(within.sum(), within.evidence()), within.evidence(), within.articles(),
                totals.updatedAt(), sources);
    }
}
