package io.stancewire.stance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
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
        TreeMap<String, StanceAggregate.Day> newDays = new TreeMap<>(days);
        newDays.merge(day(publishedAt), new StanceAggregate.Day(part.sum(), part.evidence(), 1),
                (a, b) -> new StanceAggregate.Day(a.sum() + b.sum(), a.evidence() + b.evidence(),
                        a.articles() + b.articles()));
        List<StanceAggregate.Source> newSources = new ArrayList<>(sources);
        newSources.removeIf(s -> s.articleId().equals(articleId));
        newSources.add(new StanceAggregate.Source(articleId, StanceScorer.score(part.sum(), part.evidence()),
                part.evidence(), publishedAt));
        newSources.sort(StanceAggregate.NEWEST_FIRST);
        if (newSources.size() > SOURCES_KEPT) {
            newSources = new ArrayList<>(newSources.subList(0, SOURCES_KEPT));
        }
        return new RelationTotals(targetId, part.targetName(), sum + part.sum(), evidence + part.evidence(),
                articles + 1, Instant.now(), newDays, List.copyOf(newSources));
    }

    /** Takes one article's part out; null when no article is left. */
    RelationTotals subtract(String articleId, Instant publishedAt, LeaderContribution.RelationPart part) {
        if (articles <= 1) {
            return null;
        }
        TreeMap<String, StanceAggregate.Day> newDays = new TreeMap<>(days);
        StanceAggregate.Day old = newDays.get(day(publishedAt));
        if (old != null) {
            if (old.articles() <= 1) {
                newDays.remove(day(publishedAt));
            } else {
                newDays.put(day(publishedAt), new StanceAggregate.Day(old.sum() - part.sum(),
                        old.evidence() - part.evidence(), old.articles() - 1));
            }
        }
        List<StanceAggregate.Source> newSources = sources.stream().filter(s -> !s.articleId().equals(articleId))
                .toList();
        return new RelationTotals(targetId, targetName, sum - part.sum(), evidence - part.evidence(), articles - 1,
                Instant.now(), newDays, newSources);
    }

    /**
     * The relation over the articles published in [since, until] (either may be null): its totals from the days in
     * the window.
     */
    public StanceAggregate.Day within(LocalDate since, LocalDate until) {
        double windowSum = 0;
        long windowEvidence = 0;
        long windowArticles = 0;
        for (var entry : days.entrySet()) {
            LocalDate date = LocalDate.parse(entry.getKey());
            if ((since == null || !date.isBefore(since)) && (until == null || !date.isAfter(until))) {
                windowSum += entry.getValue().sum();
                windowEvidence += entry.getValue().evidence();
                windowArticles += entry.getValue().articles();
            }
        }
        return new StanceAggregate.Day(windowSum, windowEvidence, windowArticles);
    }

    static String day(Instant publishedAt) {
        return StanceAggregate.dayOf(publishedAt);
    }

    static final Comparator<RelationTotals> MOST_EVIDENCE_FIRST = Comparator
            .comparingLong(RelationTotals::evidence).reversed()
            .thenComparing(Comparator.comparingLong(RelationTotals::articles).reversed())
            .thenComparing(RelationTotals::targetId);
}
