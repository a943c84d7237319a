package io.stancewire.stance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

import io.stancewire.analysis.tone.StanceScorer;

/**
 * How the press portrays one leader: the sum of the leader's {@code portrayal} over articles, and the same by the
 * articles' {@code source} (outlet). The score is the mean over articles. Articles without a source count in the
 * total only. {@code latest} lists the newest contributing articles with their portrayal.
 */
public record PortrayalAggregate(double sum, long articles, TreeMap<String, Totals> bySource, List<Coverage> latest) {

    /** How many contributing articles it lists. */
    static final int LATEST_KEPT = 20;

    /** One article's portrayal of the leader. */
    public record Coverage(String articleId, String source, double portrayal, Instant publishedAt) {
    }

    private static final Comparator<Coverage> NEWEST_FIRST = Comparator
            .comparing(Coverage::publishedAt, Comparator.nullsFirst(Comparator.<Instant> naturalOrder())).reversed()
            .thenComparing(Coverage::articleId);

    public record Totals(double sum, long articles) {

        /** The mean portrayal over the articles, by the one score formula. */
        public double score() {
            return StanceScorer.score(sum, articles);
        }
    }

    static PortrayalAggregate empty() {
        return new PortrayalAggregate(0, 0, new TreeMap<>(), List.of());
    }

    public double score() {
        return new Totals(sum, articles).score();
    }

    PortrayalAggregate add(LeaderContribution c) {
        TreeMap<String, Totals> newBySource = new TreeMap<>(bySource);
        if (c.source() != null) {
            newBySource.merge(c.source(), new Totals(c.portrayal(), 1),
                    (a, b) -> new Totals(a.sum() + b.sum(), a.articles() + b.articles()));
        }
        List<Coverage> newLatest = new ArrayList<>(latest);
        newLatest.removeIf(a -> a.articleId().equals(c.articleId()));
        newLatest.add(new Coverage(c.articleId(), c.source(), c.portrayal(), c.publishedAt()));
        newLatest.sort(NEWEST_FIRST);
        if (newLatest.size() > LATEST_KEPT) {
            newLatest = new ArrayList<>(newLatest.subList(0, LATEST_KEPT));
        }
        return new PortrayalAggregate(sum + c.portrayal(), articles + 1, newBySource, List.copyOf(newLatest));
    }

    PortrayalAggregate subtract(LeaderContribution c) {
        TreeMap<String, Totals> newBySource = new TreeMap<>(bySource);
        if (c.source() != null) {
            Totals old = newBySource.get(c.source());
            if (old != null && old.articles() <= 1) {
                newBySource.remove(c.source());
            } else if (old != null) {
                newBySource.put(c.source(), new Totals(old.sum() - c.portrayal(), old.articles() - 1));
            }
        }
        List<Coverage> newLatest = latest.stream().filter(a -> !a.articleId().equals(c.articleId())).toList();
        return new PortrayalAggregate(sum - c.portrayal(), articles - 1, newBySource, newLatest);
    }
}
