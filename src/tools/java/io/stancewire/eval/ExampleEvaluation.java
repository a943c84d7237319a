package io.stancewire.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import io.stancewire.analysis.ArticleAnalyzer;
import io.stancewire.analysis.model.Actor;
import io.stancewire.analysis.model.Article;
import io.stancewire.analysis.model.ArticleAnalysis;
import io.stancewire.analysis.model.Quote;
import io.stancewire.analysis.model.Relation;
import io.stancewire.analysis.model.RelationEvidence;
import io.stancewire.analysis.model.Span;
import io.stancewire.analysis.model.ToneCue;

/** The example article of the service issue: its quotes and tone cues, and the expectations, pass or fail. */
final class ExampleEvaluation {

    static final String KURTI = "albin-kurti";
    static final String VUCIC = "aleksandar-vucic";
    static final String BORRELL = "josep-borrell";

    /** The example article, the one the tests analyse ({@code TestArticles}); read from the project directory. */
    static final Path ARTICLE = Path.of("src/test/resources/articles/ohrid.txt");

    record Check(String expectation, boolean pass, String found) {
    }

    record Report(String article, double seconds, int passed, int total, List<Check> checks, List<Quote> quotes,
            List<ToneCue> tones) {
    }

    private ExampleEvaluation() {
    }

    static Report evaluate(ArticleAnalyzer analyzer) {
        String body;
        try {
            body = Files.readString(ARTICLE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ARTICLE, e);
        }
        long started = System.nanoTime();
        ArticleAnalysis result = analyzer.analyze(
                new Article("ohrid", body, null, Instant.parse("2023-03-18T20:00:00Z"), "test", null, "en"));
        double seconds = (System.nanoTime() - started) / 1e9;

        List<Check> checks = new ArrayList<>();
        speaker(checks, result, "The parties could not find", BORRELL);
        speaker(checks, result, "The other side", KURTI);
        speaker(checks, result, "It is now up to", KURTI);
        speaker(checks, result, "I think", VUCIC);
        for (String phrase : List.of("mutually recognize", "Serbia will not oppose", "an appropriate level",
                "capitulation")) {
            speaker(checks, result, phrase, null);
        }
        cue(checks, result, "\"throw spades at each other\" hostile, agents Kurti and Vučić",
                t -> t.cue().contains("spades"), t -> t.polarity() < 0 && "hostile".equals(t.category())
                        && Set.copyOf(t.agentIds()).equals(Set.of(KURTI, VUCIC)));
        cue(checks, result, "\"pouted\" negative, agent Vučić", t -> t.cue().startsWith("pouted"),
                t -> t.polarity() < 0 && t.agentIds().equals(List.of(VUCIC)));
        titles(checks, result, KURTI, "The Kosovar prime minister", "Kosovar Prime Minister");
        titles(checks, result, VUCIC, "The Serbian president", "Serbian President");
        titles(checks, result, BORRELL, "head of European diplomacy");
        relation(checks, result, KURTI, VUCIC, "throw spades at each other");
        relation(checks, result, VUCIC, KURTI, "throw spades at each other");
        relation(checks, result, KURTI, "government-of-serbia", "blamed the Serbian side");
        relation(checks, result, "government-of-serbia", "government-of-kosovo", "refuses to recognize");

        int passed = (int) checks.stream().filter(Check::pass).count();
        return new Report("ohrid", Scores.round(seconds), passed, checks.size(), checks, result.quotes(),
                result.tones());
    }

    /** Prints the quotes, tone cues and checks. */
    static void print(Report report) {
        System.out.println("Example article (ohrid): quotes");
        for (Quote q : report.quotes()) {
            System.out.printf("  %-8s %-46s <- %s%s%n", q.kind(), EvalIo.abbreviate(q.text(), 46),
                    q.speakerName() == null ? "(nobody)" : q.speakerName(),
                    q.speakerMention() == null ? "" : " [" + q.speakerMention().text() + "]");
        }
        System.out.println("Example article (ohrid): tone cues");
        for (ToneCue t : report.tones()) {
            System.out.printf("  %-34s %-12s %+.2f agents=%s targets=%s%n", EvalIo.abbreviate(t.cue(), 34),
                    t.category(), t.polarity(), t.agentIds(), t.targetIds());
        }
        System.out.println("Example article (ohrid): expectations of issue 2");
        for (Check c : report.checks()) {
            System.out.printf("  %s %-58s %s%n", c.pass() ? "PASS" : "FAIL", c.expectation(),
                    c.pass() ? "" : "found: " + c.found());
        }
    }

    private static void speaker(List<Check> checks, ArticleAnalysis result, String startsWith, String speakerId) {
        String expectation = "\"" + startsWith + "…\" -> " + (speakerId == null ? "no person" : speakerId);
        Quote quote = result.quotes().stream()
                .filter(q -> Quote.DIRECT.equals(q.kind()) && q.text().substring(1).startsWith(startsWith))
                .findFirst().orElse(null);
        if (quote == null) {
            checks.add(new Check(expectation, false, "no direct quote"));
            return;
        }
        boolean pass = speakerId == null
                ? quote.speakerId() == null && quote.speakerName() == null && quote.speakerMention() == null
                : speakerId.equals(quote.speakerId());
        checks.add(new Check(expectation, pass, quote.speakerId() + (quote.speakerMention() == null ? ""
                : " [" + quote.speakerMention().text() + "]")));
    }

    private static void cue(List<Check> checks, ArticleAnalysis result, String expectation, Predicate<ToneCue> which,
            Predicate<ToneCue> right) {
        ToneCue cue = result.tones().stream().filter(which).findFirst().orElse(null);
        checks.add(cue == null ? new Check(expectation, false, "no such cue")
                : new Check(expectation, right.test(cue), cue.cue() + " " + cue.category() + " " + cue.polarity()
                        + " agents=" + cue.agentIds() + " targets=" + cue.targetIds()));
    }

    /** The issue on relations: this relation exists, below 0. */
    private static void relation(List<Check> checks, ArticleAnalysis result, String agent, String target,
            String because) {
        String expectation = "relation " + agent + " -> " + target + " below 0 (" + because + ")";
        Relation relation = result.relations().stream()
                .filter(r -> r.agentId().equals(agent) && r.targetId().equals(target)).findFirst().orElse(null);
        checks.add(relation == null ? new Check(expectation, false, "no such relation")
                : new Check(expectation, relation.score() < 0, relation.score() + " from " + relation.spans().stream()
                        .map(RelationEvidence::text).toList()));
    }

    private static void titles(List<Check> checks, ArticleAnalysis result, String actorId, String... mentions) {
        String expectation = actorId + " carries " + String.join(", ", mentions);
        Actor actor = result.actor(actorId);
        List<String> texts = actor == null ? List.of() : actor.mentions().stream().map(Span::text).toList();
        checks.add(new Check(expectation, texts.containsAll(List.of(mentions)), actor == null ? "no actor"
                : texts.toString()));
    }
}
