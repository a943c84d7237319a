package io.stancewire.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.stancewire.analysis.ArticleAnalyzer;
import io.stancewire.analysis.lexicons.Slug;
import io.stancewire.analysis.model.Article;
import io.stancewire.analysis.model.ArticleAnalysis;
import io.stancewire.analysis.model.Relation;

/**
 * Event sentences (a TSV of agent, target, sign and sentence; {@code src/test/resources/events/dev-events.tsv} by
 * default): each sentence is analysed alone, and the event counts as found when the analysis has a relation from
 * the agent's actor to the target's (ids are the names' slugs, or for a country the id of its government when the
 * registry lists one: "government-of-japan") with the expected sign, as a wrong sign when the
 * relation has the other sign, else as missed.
 */
public final class EventEvaluation {

    public static final Path DEV = Path.of("src/test/resources/events/dev-events.tsv");

    public enum Outcome { FOUND, WRONG_SIGN, MISSED }

    public record Event(String agent, String target, int sign, String sentence) {
    }

    public record Result(Event event, Outcome outcome, List<String> relations) {
    }

    public record Report(String file, int events, int found, int wrongSign, double foundRate, double wrongSignRate,
            List<Result> results) {
    }

    private EventEvaluation() {
    }

    public static List<Event> load(Path file) {
        List<Event> events = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                events.add(new Event(columns[0], columns[1], columns[2].equals("+") ? 1 : -1, columns[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return events;
    }

    public static Report evaluate(ArticleAnalyzer analyzer, Path file) {
        List<Result> results = new ArrayList<>();
        int number = 0;
        for (Event event : load(file)) {
            ArticleAnalysis analysis = analyzer.analyze(new Article("event-" + ++number, event.sentence(), null,
                    Instant.EPOCH, null, null, "en"));
            results.add(judge(event, analysis.relations()));
        }
        int found = (int) results.stream().filter(r -> r.outcome() == Outcome.FOUND).count();
        int wrong = (int) results.stream().filter(r -> r.outcome() == Outcome.WRONG_SIGN).count();
        return new Report(file.toString(), results.size(), found, wrong, Scores.round((double) found / results.size()),
                Scores.round((double) wrong / results.size()), results);
    }

    /**
     * A country acts through its government: the registry gives "Japan" the id "government-of-japan", and the United
     * States "united-states-government".
     */
    private static List<String> ids(String name) {
        return List.of(Slug.of(name), "government-of-" + Slug.of(name), "government-of-the-" + Slug.of(name),
                Slug.of(name) + "-government");
    }

    static Result judge(Event event, List<Relation> relations) {
        List<String> agent = ids(event.agent());
        List<String> target = ids(event.target());
        List<String> seen = relations.stream().map(r -> r.agentId() + " -> " + r.targetId() + " " + r.score()).toList();
        for (Relation relation : relations) {
            if (agent.contains(relation.agentId()) && target.contains(relation.targetId()) && relation.score() != 0) {
                boolean right = Math.signum(relation.score()) == event.sign();
                return new Result(event, right ? Outcome.FOUND : Outcome.WRONG_SIGN, seen);
            }
        }
        return new Result(event, Outcome.MISSED, seen);
    }
}
