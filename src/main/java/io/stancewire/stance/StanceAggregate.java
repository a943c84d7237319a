package io.stancewire.stance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

import io.stancewire.analysis.StanceScorer;

/**
 * One leader's stance over every article: the evidence sum and count (the score is {@link StanceScorer#score}),
 * the same per day of publication for the timeline, and the latest contributing articles, so every number can be
 * traced back to the analyses behind it. Kafka Streams folds contributions in with {@link #add} and takes replaced
 * or withdrawn ones out with {@link #subtract}.
 */
public record StanceAggregate(String leaderId, String name, String role, double sum, long evidence, long articles,
        Instant updatedAt, TreeMap<String, Day> days, List<Source> sources) {

    /** How many contributing articles an aggregate lists. */
    static final int SOURCES_KEPT = 50;

    public record Day(double sum, long evidence, long articles) {
    }

    /** A contributing article. */
    public record Source(String articleId, double score, int evidence, Instant publishedAt) {
    }

    public static StanceAggregate empty() {
        return new StanceAggregate(null, null, null, 0, 0, 0, null, new TreeMap<>(), List.of());
    }

    public double score() {
        return StanceScorer.score(sum, evidence);
    }

    public StanceAggregate add(LeaderContribution c) {
        TreeMap<String, Day> newDays = new TreeMap<>(days);
        newDays.merge(day(c), new Day(c.sum(), c.evidence(), 1),
                (a, b) -> new Day(a.sum() + b.sum(), a.evidence() + b.evidence(), a.articles() + b.articles()));
        List<Source> newSources = new ArrayList<>(sources);
        newSources.removeIf(s -> s.articleId().equals(c.articleId()));
        newSources.add(new Source(c.articleId(), StanceScorer.score(c.sum(), c.evidence()), c.evidence(),
                c.publishedAt()));
        newSources.sort(Comparator.comparing(Source::publishedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .reversed());
        if (newSources.size() > SOURCES_KEPT) {
            newSources = new ArrayList<>(newSources.subList(0, SOURCES_KEPT));
        }
        return new StanceAggregate(c.leaderId(), c.name(), c.role() != null ? c.role() : role, sum + c.sum(),
                evidence + c.evidence(), articles + 1, Instant.now(), newDays, List.copyOf(newSources));
    }

    /** Takes a contribution out; null (the leader is dropped) when no article is left. */
    public StanceAggregate subtract(LeaderContribution c) {
        if (articles <= 1) {
            return null;
        }
        TreeMap<String, Day> newDays = new TreeMap<>(days);
        Day old = newDays.get(day(c));
        if (old != null) {
            Day left = new Day(old.sum() - c.sum(), old.evidence() - c.evidence(), old.articles() - 1);
            if (left.articles() <= 0) {
                newDays.remove(day(c));
            } else {
                newDays.put(day(c), left);
            }
        }
        List<Source> newSources = sources.stream().filter(s -> !s.articleId().equals(c.articleId())).toList();
        return new StanceAggregate(leaderId, name, role, sum - c.sum(), evidence - c.evidence(), articles - 1,
                Instant.now(), newDays, newSources);
    }

    private static String day(LeaderContribution c) {
        Instant when = c.publishedAt() != null ? c.publishedAt() : Instant.EPOCH;
        return LocalDate.ofInstant(when, ZoneOffset.UTC).toString();
    }
}
