package io.stancewire.stance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

import io.stancewire.analysis.tone.StanceScorer;

/**
 * One leader's stance over every article: the evidence sum and count (the score is {@link StanceScorer#score}),
 * the same per day of publication for the timeline, and the latest contributing articles, so every number can be
 * traced back to the analyses behind it. Kafka Streams folds contributions in with {@link #add} and takes replaced
 * or withdrawn ones out with {@link #subtract}.
 *
 * <p>
 * Nothing but {@code updatedAt} may depend on the order in which contributions arrive (it differs between runs, and
 * between one instance and several): the role is the one most of the leader's articles give (counted in
 * {@code roles}, ties to the alphabetically first), and sources of the same publication time are ordered by article id.
 */
public record StanceAggregate(String leaderId, String name, String role, double sum, long evidence, long articles,
        Instant updatedAt, TreeMap<String, Day> days, List<Source> sources, TreeMap<String, Long> roles) {

    /** How many contributing articles an aggregate lists. */
    static final int SOURCES_KEPT = 50;

    public record Day(double sum, long evidence, long articles) {
    }

    /** A contributing article. */
    public record Source(String articleId, double score, int evidence, Instant publishedAt) {
    }

    /** Newest first; articles of the same publication time by id. */
    static final Comparator<Source> NEWEST_FIRST = Comparator
            .comparing(Source::publishedAt, Comparator.nullsFirst(Comparator.<Instant> naturalOrder())).reversed()
            .thenComparing(Source::articleId);

    public static StanceAggregate empty() {
        return new StanceAggregate(null, null, null, 0, 0, 0, null, new TreeMap<>(), List.of(), new TreeMap<>());
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
        newSources.sort(NEWEST_FIRST);
        if (newSources.size() > SOURCES_KEPT) {
            newSources = new ArrayList<>(newSources.subList(0, SOURCES_KEPT));
        }
        TreeMap<String, Long> newRoles = new TreeMap<>();
        if (roles != null) {
            newRoles.putAll(roles);
        } else if (role != null) {
            newRoles.put(role, 1L); // an aggregate stored before roles were counted: its role, once
        }
        if (c.role() != null) {
            newRoles.merge(c.role(), 1L, Long::sum);
        }
        return new StanceAggregate(c.leaderId(), c.name(), commonestRole(newRoles), sum + c.sum(),
                evidence + c.evidence(), articles + 1, Instant.now(), newDays, List.copyOf(newSources), newRoles);
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
        String newRole = role;
        TreeMap<String, Long> newRoles = roles;
        if (roles != null) { // null: an aggregate stored before roles were counted keeps its role
            newRoles = new TreeMap<>(roles);
            if (c.role() != null) {
                newRoles.computeIfPresent(c.role(), (r, n) -> n > 1 ? n - 1 : null);
            }
            newRole = commonestRole(newRoles);
        }
        return new StanceAggregate(leaderId, name, newRole, sum - c.sum(), evidence - c.evidence(), articles - 1,
                Instant.now(), newDays, newSources, newRoles);
    }

    /** The role most articles give, ties to the alphabetically first; null when none gives one. */
    private static String commonestRole(TreeMap<String, Long> roles) {
        String best = null;
        long most = 0;
        for (var entry : roles.entrySet()) { // alphabetical: a later role must be given strictly more often
            if (entry.getValue() > most) {
                best = entry.getKey();
                most = entry.getValue();
            }
        }
        return best;
    }

    private static String day(LeaderContribution c) {
        return dayOf(c.publishedAt());
    }

    /** The UTC day of publication, the key of every timeline. */
    public static String dayOf(Instant publishedAt) {
        Instant when = publishedAt != null ? publishedAt : Instant.EPOCH;
        return LocalDate.ofInstant(when, ZoneOffset.UTC).toString();
    }
}
