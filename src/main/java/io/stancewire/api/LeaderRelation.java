package io.stancewire.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.stancewire.analysis.tone.StanceScorer;
import io.stancewire.stance.RelationTotals;
import io.stancewire.stance.StanceAggregate;

/**
 * A leader's relation toward one target ({@code GET /leaders/{id}/relations}): the contract's fields, plus the latest
 * contributing articles ({@code sources}), so that the number traces back to the analyses behind it.
 */
public record LeaderRelation(String targetId, String targetName, double score, long evidence, long articles,
        Instant updatedAt, List<StanceAggregate.Source> sources) {

    /** The relation over the articles published in [since, until]; null when none was. */
    static LeaderRelation of(RelationTotals totals, LocalDate since, LocalDate until) {
        if (since == null && until == null) {
            return new LeaderRelation(totals.targetId(), totals.targetName(), totals.score(), totals.evidence(),
                    totals.articles(), totals.updatedAt(), totals.sources());
        }
        StanceAggregate.Day window = totals.within(since, until);
        if (window.articles() == 0) {
            return null;
        }
        List<StanceAggregate.Source> sources = totals.sources().stream()
                .filter(s -> inWindow(s.publishedAt(), since, until)).toList();
        return new LeaderRelation(totals.targetId(), totals.targetName(),
                StanceScorer.score(window.sum(), window.evidence()), window.evidence(), window.articles(),
                totals.updatedAt(), sources);
    }

    private static boolean inWindow(Instant publishedAt, LocalDate since, LocalDate until) {
        LocalDate day = LocalDate.parse(StanceAggregate.dayOf(publishedAt));
        return (since == null || !day.isBefore(since)) && (until == null || !day.isAfter(until));
    }
}
