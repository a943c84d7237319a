package io.stancewire.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.stancewire.analysis.model.Article;
import io.stancewire.analysis.ArticleAnalyzer;
import io.stancewire.analysis.model.Quote;
import io.stancewire.analysis.model.Span;
import io.stancewire.eval.Scores.Ratio;

/**
 * Attribution on PolNeAR (Newell, Margolin and Ruths, LREC 2018), converted to JSON lines by
 * {@code ../shared/datasets/polnear/convert.py}: every attribution of 2016 US campaign news with its source, cue
 * and content, direct, partial or indirect. The data has no licence: it is read from a local copy outside the
 * repository and nothing of it is committed. The {@code test} split is the held-out measure and is read only when
 * asked for by name.
 * <ul>
 * <li>A gold attribution is <b>found</b> when the predicted quotes (direct or indirect) cover at least half of the
 * characters of its content, counted over its parts for a discontinuous one ("“X,” he said, “Y.”").</li>
 * <li>Its <b>source is right</b> when it is found and the prediction that covers most of it names the source: its
 * {@code speakerMention} overlaps the gold source, or its {@code speakerName} shares the surname (or the
 * organisation's name) with the gold source's text. No predicted speaker, or a gold attribution without a source,
 * counts as not right; accuracy is over all gold attributions of the kind (end to end).</li>
 * <li><b>Precision of reported speech</b>: the share of predicted {@code indirect} quotes (outside bylines and
 * boilerplate) that overlap some gold content.</li>
 * </ul>
 */
public final class PolnearEvaluation {

    public enum GoldKind { DIRECT, PARTIAL, INDIRECT }

    /** A predicted quote: UTF-16 span, whether it is reported speech, speaker name and mention (null: none). */
    public record Predicted(int start, int end, boolean indirect, String speakerName, Span speakerMention,
            Span sourceMention) {
    }

    /** An attribution system under test. */
    public interface AttributionSystem {
        String name();

        List<Predicted> quotes(Article article);
    }

    public record Gold(String id, GoldKind kind, int[][] parts, Span source, Span cue, String content) {
    }

    public record Item(Article article, String publisher, List<Gold> gold, List<int[]> discard) {
    }

    /** Figures for one kind of attribution. */
    /**
     * {@code sourceRight}: by the speaker fields (a person or organisation); {@code sourceNamed}: by
     * {@code sourceMention} too, which also names sources that are not actors ("a source", "the report").
     */
    public record KindFigures(int gold, Ratio found, Ratio sourceRight, Ratio sourceRightWhenFound, Ratio sourceNamed) {
    }

    public record Error(String article, String kind, String problem, String content, String goldSource, String cue,
            String predictedSpeaker, String predictedMention, String predictedSource, String predictedSpan) {
    }

    public record Spurious(String article, String text, String speaker) {
    }

    public record Report(String system, String split, int articles, double seconds, double articlesPerSecond,
            Map<GoldKind, KindFigures> figures, Ratio reportedPrecision, Map<String, Map<GoldKind, KindFigures>> byPublisher,
            List<Error> errors, List<Spurious> spurious) {
    }

    private static final double FOUND_SHARE = 0.5;

    private PolnearEvaluation() {
    }

    /** Our system: every quote of {@code POST /api/v1/analyze}, direct and indirect. */
    public static AttributionSystem stancewire(ArticleAnalyzer analyzer) {
        return new AttributionSystem() {
            @Override
            public String name() {
                return "stancewire";
            }

            @Override
            public List<Predicted> quotes(Article article) {
                return analyzer.analyze(article).quotes().stream()
                        .map(q -> new Predicted(q.start(), q.end(), Quote.INDIRECT.equals(q.kind()), q.speakerName(),
                                q.speakerMention(), q.sourceMention()))
                        .toList();
            }
        };
    }

    /** CoreNLP's quote annotator: quotation-mark spans only, so every prediction is direct. */
    public static AttributionSystem corenlp(CoreNlpBaseline baseline) {
        return new AttributionSystem() {
            @Override
            public String name() {
                return baseline.name();
            }

            @Override
            public List<Predicted> quotes(Article article) {
                return baseline.quotes(article).stream()
                        .map(q -> new Predicted(q.start(), q.end(), false, q.speaker(), q.mention(), q.mention()))
                        .toList();
            }
        };
    }

    /** The articles of {@code DIR/SPLIT.jsonl}, at most {@code limit} of them. */
    public static List<Item> load(Path dir, String split, int limit) {
        Path file = dir.resolve(split + ".jsonl");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no " + file + ": convert PolNeAR first (docs/quality.md, 'PolNeAR')");
        }
        List<Item> items = new ArrayList<>();
        for (JsonNode row : EvalIo.readJsonl(file)) {
            if (items.size() >= limit) {
                break;
            }
            String body = row.get("text").asText();
            String id = row.get("id").asText();
            Article article = new Article(id, body, row.path("title").asText(null),
                    LocalDate.parse(row.get("date").asText()).atStartOfDay(ZoneOffset.UTC).toInstant(),
                    row.get("publisher").asText(), null, "en");
            List<Gold> gold = new ArrayList<>();
            for (JsonNode a : row.get("attributions")) {
                JsonNode content = a.get("content");
                List<int[]> parts = new ArrayList<>();
                if (content.has("spans")) {
                    for (JsonNode part : content.get("spans")) {
                        parts.add(new int[] { EvalIo.utf16(body, part.get(0).asInt()),
                                EvalIo.utf16(body, part.get(1).asInt()) });
                    }
                } else {
                    parts.add(new int[] { EvalIo.utf16(body, content.get("start").asInt()),
                            EvalIo.utf16(body, content.get("end").asInt()) });
                }
                gold.add(new Gold(a.get("id").asText(), GoldKind.valueOf(a.get("quote_type").asText().toUpperCase()),
                        parts.toArray(int[][]::new), span(body, a.get("source")), span(body, a.get("cue")),
                        content.get("text").asText()));
            }
            List<int[]> discard = new ArrayList<>();
            for (JsonNode d : row.path("discard_spans")) {
                discard.add(new int[] { EvalIo.utf16(body, d.get("start").asInt()), EvalIo.utf16(body, d.get("end").asInt()) });
            }
            items.add(new Item(article, row.get("publisher").asText(), gold, discard));
        }
        return items;
    }

    public static Report evaluate(AttributionSystem system, String split, List<Item> items) {
        Map<GoldKind, Tally> all = tallies();
        Map<String, Map<GoldKind, Tally>> byPublisher = new LinkedHashMap<>();
        List<Error> errors = new ArrayList<>();
        List<Spurious> spurious = new ArrayList<>();
        int indirectPredicted = 0;
        int indirectRight = 0;
        long nanos = 0;
        for (int n = 0; n < items.size(); n++) {
            Item item = items.get(n);
            long started = System.nanoTime();
            List<Predicted> predicted = system.quotes(item.article());
            nanos += System.nanoTime() - started;
            if ((n + 1) % 20 == 0 || n + 1 == items.size()) {
                System.err.printf("%s polnear %s: %d/%d%n", system.name(), split, n + 1, items.size());
            }
            Map<GoldKind, Tally> publisher = byPublisher.computeIfAbsent(item.publisher(), p -> tallies());
            for (Gold gold : item.gold()) {
                Predicted best = best(gold, predicted);
                Outcome outcome = score(gold, predicted, best);
                boolean named = outcome == Outcome.RIGHT || outcome == Outcome.NO_SPEAKER
                        && best.sourceMention() != null
                        && best.sourceMention().overlaps(gold.source().start(), gold.source().end());
                all.get(gold.kind()).add(outcome, named);
                publisher.get(gold.kind()).add(outcome, named);
                if (outcome != Outcome.RIGHT) {
                    errors.add(error(item, gold, outcome, best));
                }
            }
            for (Predicted p : predicted) {
                if (!p.indirect() || inside(p, item.discard())) {
                    continue;
                }
                indirectPredicted++;
                boolean hit = item.gold().stream()
                        .anyMatch(g -> Arrays.stream(g.parts()).anyMatch(part -> overlap(part, p.start(), p.end()) > 0));
                if (hit) {
                    indirectRight++;
                } else {
                    String body = item.article().body();
                    spurious.add(new Spurious(item.article().id(), EvalIo.abbreviate(body.substring(p.start(), p.end()),
                            160), p.speakerName()));
                }
            }
        }
        double seconds = nanos / 1e9;
        Map<String, Map<GoldKind, KindFigures>> publishers = new LinkedHashMap<>();
        byPublisher.forEach((name, tallies) -> publishers.put(name, figures(tallies)));
        return new Report(system.name(), split, items.size(), Scores.round(seconds),
                Scores.round(seconds == 0 ? 0 : items.size() / seconds), figures(all),
                Ratio.of(indirectRight, indirectPredicted), publishers, errors, spurious);
    }

    enum Outcome { MISSED, NO_SPEAKER, WRONG_SPEAKER, NO_GOLD_SOURCE, RIGHT }

    /** {@code best}: the prediction that covers most of the gold content ({@link #best}). */
    static Outcome score(Gold gold, List<Predicted> predicted, Predicted best) {
        if (coverage(gold, predicted) < FOUND_SHARE) {
            return Outcome.MISSED;
        }
        if (gold.source() == null) {
            return Outcome.NO_GOLD_SOURCE;
        }
        if (best.speakerName() == null && best.speakerMention() == null) {
            return Outcome.NO_SPEAKER;
        }
        return namesSource(best, gold.source()) ? Outcome.RIGHT : Outcome.WRONG_SPEAKER;
    }

    /** The share of the gold content's characters that predicted quotes cover. */
    static double coverage(Gold gold, List<Predicted> predicted) {
        int length = 0;
        int covered = 0;
        for (int[] part : gold.parts()) {
            length += part[1] - part[0];
            boolean[] hit = new boolean[part[1] - part[0]];
            for (Predicted p : predicted) {
                for (int i = Math.max(part[0], p.start()); i < Math.min(part[1], p.end()); i++) {
                    hit[i - part[0]] = true;
                }
            }
            for (boolean h : hit) {
                covered += h ? 1 : 0;
            }
        }
        return length == 0 ? 0 : (double) covered / length;
    }

    /** The prediction that covers most of the gold content (the earliest of equals), or null. */
    static Predicted best(Gold gold, List<Predicted> predicted) {
        Predicted best = null;
        int bestOverlap = 0;
        for (Predicted p : predicted) {
            int overlap = 0;
            for (int[] part : gold.parts()) {
                overlap += overlap(part, p.start(), p.end());
            }
            if (overlap > bestOverlap) {
                best = p;
                bestOverlap = overlap;
            }
        }
        return best;
    }

    /** The mention overlaps the gold source, or the name shares the surname or organisation name with it. */
    static boolean namesSource(Predicted p, Span source) {
        if (p.speakerMention() != null && p.speakerMention().overlaps(source.start(), source.end())) {
            return true;
        }
        if (p.speakerName() == null) {
            return false;
        }
        String gold = " " + WikinewsEvaluation.fold(source.text()) + " ";
        String name = WikinewsEvaluation.fold(p.speakerName());
        if (name.isEmpty()) {
            return false;
        }
        List<String> words = new ArrayList<>(List.of(name.split(" ")));
        while (words.size() > 1 && SUFFIXES.contains(words.get(words.size() - 1))) {
            words.remove(words.size() - 1);
        }
        return gold.contains(" " + words.get(words.size() - 1) + " ") || gold.contains(" " + name + " ");
    }

    private static final Set<String> SUFFIXES = Set.of("jr", "sr", "ii", "iii", "iv");

    private static int overlap(int[] part, int start, int end) {
        return Math.max(0, Math.min(part[1], end) - Math.max(part[0], start));
    }

    private static boolean inside(Predicted p, List<int[]> discard) {
        return discard.stream().anyMatch(d -> d[0] <= p.start() && p.end() <= d[1]);
    }

    private static Error error(Item item, Gold gold, Outcome outcome, Predicted best) {
        String body = item.article().body();
        return new Error(item.article().id(), gold.kind().name().toLowerCase(), outcome.name().toLowerCase(),
                EvalIo.abbreviate(gold.content(), 160), gold.source() == null ? null : gold.source().text(),
                gold.cue() == null ? null : gold.cue().text(), best == null ? null : best.speakerName(),
                best == null || best.speakerMention() == null ? null : best.speakerMention().text(),
                best == null || best.sourceMention() == null ? null : best.sourceMention().text(),
                best == null ? null : EvalIo.abbreviate(body.substring(best.start(), best.end()), 120));
    }

    private static Span span(String body, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return Span.of(body, EvalIo.utf16(body, node.get("start").asInt()), EvalIo.utf16(body, node.get("end").asInt()));
    }

    private static Map<GoldKind, Tally> tallies() {
        Map<GoldKind, Tally> tallies = new LinkedHashMap<>();
        for (GoldKind kind : GoldKind.values()) {
            tallies.put(kind, new Tally());
        }
        return tallies;
    }

    private static Map<GoldKind, KindFigures> figures(Map<GoldKind, Tally> tallies) {
        Map<GoldKind, KindFigures> figures = new LinkedHashMap<>();
        tallies.forEach((kind, t) -> figures.put(kind, new KindFigures(t.gold, Ratio.of(t.found, t.gold),
                Ratio.of(t.right, t.gold), Ratio.of(t.right, t.found), Ratio.of(t.named, t.gold))));
        return figures;
    }

    private static final class Tally {
        int gold;
        int found;
        int right;
        int named;

        void add(Outcome outcome, boolean sourceNamed) {
            gold++;
            found += outcome == Outcome.MISSED ? 0 : 1;
            right += outcome == Outcome.RIGHT ? 1 : 0;
            named += sourceNamed ? 1 : 0;
        }
    }
}
