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

        Day plus(Day other) {
            return new Day(sum + other.sum, evidence + other.evidence, articles + other.articles);
        }

        Day minus(Day other) {
            return new Day(sum - other.sum, evidence - other.evidence, articles - other.articles);
        }
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
        TreeMap<String, Day> newDays = withDay(days, dayOf(c.publishedAt()), new Day(c.sum(), c.evidence(), 1));
        List<Source> newSources = withSource(sources, new Source(c.articleId(),
                StanceScorer.score(c.sum(), c.evidence()), c.evidence(), c.publishedAt()), SOURCES_KEPT);
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
                evidence + c.evidence(), articles + 1, Instant.now(), newDays, newSources, newRoles);
    }

    /** Takes a contribution out; null (the leader is dropped) when no article is left. */
    public StanceAggregate subtract(LeaderContribution c) {
        if (articles <= 1) {
            return null;
        }
        TreeMap<String, Day> newDays = withoutDay(days, dayOf(c.publishedAt()), new Day(c.sum(), c.evidence(), 1));
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

    /** {@code days} with one article's totals added on its day. */
    static TreeMap<String, Day> withDay(TreeMap<String, Day> days, String day, Day added) {
        TreeMap<String, Day> out = new TreeMap<>(days);
        out.merge(day, added, Day::plus);
        return out;
    }

    /** {@code days} with one article's totals taken out of its day; a day left without articles goes. */
    static TreeMap<String, Day> withoutDay(TreeMap<String, Day> days, String day, Day taken) {
        TreeMap<String, Day> out = new TreeMap<>(days);
        Day old = out.get(day);
        if (old != null) {
            Day left = old.minus(taken);
            if (left.articles() <= 0) {
                out.remove(day);
            } else {
                out.put(day, left);
            }
        }
        return out;
    }

    /** {@code sources} with {@code source} in place of its article's earlier one: newest first, at most {@code kept}. */
    static List<Source> withSource(List<Source> sources, Source source, int kept) {
        List<Source> out = new ArrayList<>(sources);
        out.removeIf(s -> s.articleId().equals(source.articleId()));
        out.add(source);
        out.sort(NEWEST_FIRST);
        return List.copyOf(out.size() > kept ? out.subList(0, kept) : out);
    }

    /** The UTC day of publication (the epoch's for none), the key of every timeline. */
    public static String dayOf(Instant publishedAt) {
        return dateOf(publishedAt).toString();
    }

    static LocalDate dateOf(Instant publishedAt) {
        return LocalDate.ofInstant(publishedAt != null ? publishedAt : Instant.EPOCH, ZoneOffset.UTC);
    }
}
