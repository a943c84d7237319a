package io.stancewire.stance;

import java.time.Instant;
import java.util.List;
import java.util.TreeMap;

import io.stancewire.analysis.tone.StanceScorer;

/**
 * One leader's relation toward one target over every article: the evidence sum and count (the score is
 * {@link StanceScorer#score}), the same per day of publication (for the timeline and for {@code since}/{@code until}
 * windows), and the latest contributing articles. As with {@link StanceAggregate}, nothing but {@code updatedAt}
 * depends on the order in which contributions arrive.
 */
public record RelationTotals(String targetId, String targetName, double sum, long evidence, long articles,
        Instant updatedAt, TreeMap<String, StanceAggregate.Day> days, List<StanceAggregate.Source> sources) {

    /** How many contributing articles a relation lists. */
    static final int SOURCES_KEPT = 10;

    static RelationTotals empty(String targetId, String targetName) {
        return new RelationTotals(targetId, targetName, 0, 0, 0, null, new TreeMap<>(), List.of());
    }

    public double score() {
        return StanceScorer.score(sum, evidence);
    }

    RelationTotals add(String articleId, Instant publishedAt, LeaderContribution.RelationPart part) {
        return new RelationTotals(targetId, part.targetName(), sum + part.sum(), evidence + part.evidence(),
                articles + 1, Instant.now(),
                StanceAggregate.withDay(days, StanceAggregate.dayOf(publishedAt), dayOf(part)),
                StanceAggregate.withSource(sources, new StanceAggregate.Source(articleId,
                        StanceScorer.score(part.sum(), part.evidence()), part.evidence(), publishedAt), SOURCES_KEPT));
    }

    /** Takes one article's part out; null when no article is left. */
    RelationTotals subtract(String articleId, Instant publishedAt, LeaderContribution.RelationPart part) {
        if (articles <= 1) {
            return null;
        }
        List<StanceAggregate.Source> newSources = sources.stream().filter(s -> !s.articleId().equals(articleId))
                .toList();
        return new RelationTotals(targetId, targetName, sum - part.sum(), evidence - part.evidence(), articles - 1,
                Instant.now(), StanceAggregate.withoutDay(days, StanceAggregate.dayOf(publishedAt), dayOf(part)),
                newSources);
    }

    /** One article's part, as the totals of its day. */
    private static StanceAggregate.Day dayOf(LeaderContribution.RelationPart part) {
        return new StanceAggregate.Day(part.sum(), part.evidence(), 1);
    }

    /** The relation over the articles published in the window: its totals from the window's days. */
    public StanceAggregate.Day within(DateWindow window) {
        StanceAggregate.Day total = new StanceAggregate.Day(0, 0, 0);
        for (var entry : days.entrySet()) {
            if (window.contains(entry.getKey())) {
                total = total.plus(entry.getValue());
            }
        }
        return total;
    }
}
