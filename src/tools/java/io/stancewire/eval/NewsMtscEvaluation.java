package io.stancewire.eval;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.stancewire.analysis.ArticleAnalyzer;
import io.stancewire.analysis.model.Actor;
import io.stancewire.analysis.model.Article;
import io.stancewire.analysis.model.ArticleAnalysis;
import io.stancewire.analysis.model.Span;
import io.stancewire.eval.Scores.ClassScores;

/**
 * Sentiment towards a target on NewsMTSC dev sets: each sentence is analysed as an article, and a target's label is
 * the {@code portrayalLabel} of the actor whose mention overlaps the target most (the portrayal model's most probable
 * class). No covering actor means neutral. The baseline answers neutral always.
 */
final class NewsMtscEvaluation {

    record Prediction(String sentence, String mention, int gold, int predicted, String actor, Double portrayal) {
    }

    record FileReport(String file, int sentences, int targets, int covered, double seconds,
            double sentencesPerSecond, ClassScores stancewire, ClassScores alwaysNeutral,
            List<Prediction> predictions) {
    }

    record Report(List<FileReport> files) {
    }

    private NewsMtscEvaluation() {
    }

    static Report evaluate(ArticleAnalyzer analyzer, Path dir, List<String> files, int limit) {
        List<FileReport> reports = new ArrayList<>();
        for (String file : files) {
            reports.add(evaluate(analyzer, dir.resolve(file), limit));
        }
        return new Report(reports);
    }

    static FileReport evaluate(ArticleAnalyzer analyzer, Path file, int limit) {
        List<JsonNode> rows = EvalIo.readJsonl(file);
        rows = rows.subList(0, Math.min(limit, rows.size()));
        List<Prediction> predictions = new ArrayList<>();
        int covered = 0;
        int done = 0;
        long nanos = 0;
        for (JsonNode row : rows) {
            String sentence = row.get("sentence").asText();
            long started = System.nanoTime();
            ArticleAnalysis analysis = analyzer.analyze(new Article(row.get("id").asText(), sentence, null,
                    Instant.EPOCH, "newsmtsc", null, "en"));
            nanos += System.nanoTime() - started;
            if (++done % 50 == 0 || done == rows.size()) {
                System.err.printf("newsmtsc %s: %d/%d sentences%n", file.getFileName(), done, rows.size());
            }
            Set<String> seen = new HashSet<>();
            for (JsonNode target : row.get("targets")) {
                int start = EvalIo.utf16(sentence, target.get("start").asInt());
                int end = EvalIo.utf16(sentence, target.get("end").asInt());
                if (!seen.add(start + ":" + end)) {
                    continue; // the same span listed twice under two ids
                }
                Actor actor = coveringActor(analysis, start, end);
                covered += actor == null ? 0 : 1;
                predictions.add(new Prediction(row.get("id").asText(), target.get("mention").asText(),
                        target.get("polarity").asInt(), actor == null ? 0 : actor.portrayalLabel(),
                        actor == null ? null : actor.id(), actor == null ? null : actor.portrayal()));
            }
        }
        int[] gold = predictions.stream().mapToInt(Prediction::gold).toArray();
        int[] ours = predictions.stream().mapToInt(Prediction::predicted).toArray();
        double seconds = nanos / 1e9;
        return new FileReport(file.getFileName().toString(), rows.size(), predictions.size(), covered,
                Scores.round(seconds), Scores.round(seconds == 0 ? 0 : rows.size() / seconds),
                Scores.classes(gold, ours), Scores.classes(gold, new int[gold.length]), predictions);
    }

    /** The actor with the mention that overlaps the target span most (the first such actor on a tie), or null. */
    static Actor coveringActor(ArticleAnalysis analysis, int start, int end) {
        Actor best = null;
        int bestOverlap = 0;
        for (Actor actor : analysis.actors()) {
            for (Span mention : actor.mentions()) {
                int overlap = Math.min(end, mention.end()) - Math.max(start, mention.start());
                if (overlap > bestOverlap) {
                    best = actor;
                    bestOverlap = overlap;
                }
            }
        }
        return best;
    }
}
