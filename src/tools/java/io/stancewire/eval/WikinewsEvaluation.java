package io.stancewire.eval;

import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.stancewire.analysis.ArticleAnalyzer;
import io.stancewire.analysis.model.Article;
import io.stancewire.analysis.model.Quote;
import io.stancewire.analysis.model.Span;
import io.stancewire.eval.Scores.Prf;
import io.stancewire.eval.Scores.Ratio;

/**
 * Quote detection and speaker attribution on the Wikinews dev corpus. A predicted quote matches a gold quote when it
 * covers at least half of the gold span (one-to-one, largest overlaps first). Speaker and mention accuracy count the
 * gold quotes of a named person or organisation; a gold quote left unmatched counts as wrong.
 */
public final class WikinewsEvaluation {

    /** A quote as a system predicts it: UTF-16 span, speaker name (null: nobody), speaker mention (null: none). */
    public record Predicted(int start, int end, String speaker, Span mention) {
    }

    /** A quote attributor under test. */
    public interface QuoteSystem {
        String name();

        List<Predicted> quotes(Article article);
    }

    public record GoldQuote(int start, int end, String text, String speaker, String type, String kind, Span mention) {
    }

    public record Item(Article article, List<GoldQuote> quotes) {
    }

    public record TypeCounts(int gold, int detected, int speakerScored, int speakerCorrect, int mentionCorrect) {
    }

    public record Error(String article, int start, String quote, String goldSpeaker, String predictedSpeaker,
            String goldMention, String predictedMention, boolean speakerOk, boolean mentionOk) {
    }

    public record Miss(String article, int start, String quote) {
    }

    public record Report(String system, int articles, double seconds, double articlesPerSecond, int nestedSkipped,
            Prf detection, Ratio speaker, Ratio mention, Map<String, TypeCounts> byType, List<Error> errors,
            List<Miss> missed, List<Miss> spurious) {
    }

    private WikinewsEvaluation() {
    }

    /** Our system: its {@code direct} quotes only; indirect speech has no gold here. */
    public static QuoteSystem stancewire(ArticleAnalyzer analyzer) {
        return new QuoteSystem() {
            @Override
            public String name() {
                return "stancewire";
            }

            @Override
            public List<Predicted> quotes(Article article) {
                return analyzer.analyze(article).quotes().stream().filter(q -> Quote.DIRECT.equals(q.kind()))
                        .map(q -> new Predicted(q.start(), q.end(), q.speakerName(), q.speakerMention())).toList();
            }
        };
    }

    public static List<Item> load(Path dir, int limit) {
        Map<String, JsonNode> gold = new LinkedHashMap<>();
        for (JsonNode row : EvalIo.readJsonl(dir.resolve("gold.jsonl"))) {
            gold.put(row.get("id").asText(), row);
        }
        List<Item> items = new ArrayList<>();
        for (JsonNode row : EvalIo.readJsonl(dir.resolve("articles.jsonl"))) {
            if (items.size() >= limit) {
                break;
            }
            String id = row.get("id").asText();
            String body = row.get("body").asText();
            Article article = new Article(id, body, text(row, "title"),
                    LocalDate.parse(row.get("published_at").asText()).atStartOfDay(ZoneOffset.UTC).toInstant(),
                    "wikinews", text(row, "source_url"), "en");
            List<GoldQuote> quotes = new ArrayList<>();
            for (JsonNode q : gold.get(id).get("quotes")) {
                quotes.add(new GoldQuote(EvalIo.utf16(body, q.get("start").asInt()),
                        EvalIo.utf16(body, q.get("end").asInt()), q.get("text").asText(), text(q, "speaker"),
                        q.get("speaker_type").asText(), q.get("kind").asText(), span(body, q.get("speaker_mention"))));
            }
            items.add(new Item(article, quotes));
        }
        return items;
    }

    public static Report evaluate(QuoteSystem system, List<Item> items) {
        Tally all = new Tally();
        int fp = 0;
        int nested = 0;
        int mentionScored = 0;
        Map<String, Tally> byType = new LinkedHashMap<>();
        List<Error> errors = new ArrayList<>();
        List<Miss> missed = new ArrayList<>();
        List<Miss> spurious = new ArrayList<>();
        long nanos = 0;
        for (Item item : items) {
            long started = System.nanoTime();
            List<Predicted> everything = system.quotes(item.article());
            nanos += System.nanoTime() - started;
            System.err.printf("%s: %d/%d %s%n", system.name(), items.indexOf(item) + 1, items.size(),
                    item.article().id());
            List<Predicted> predicted = topLevel(everything);
            nested += everything.size() - predicted.size();
            int[] match = match(item.quotes(), predicted);
            boolean[] used = new boolean[predicted.size()];
            String id = item.article().id();
            for (int g = 0; g < item.quotes().size(); g++) {
                GoldQuote gold = item.quotes().get(g);
                Predicted p = match[g] < 0 ? null : predicted.get(match[g]);
                Tally type = byType.computeIfAbsent(gold.type(), t -> new Tally());
                type.gold++;
                all.gold++;
                if (p == null) {
                    missed.add(new Miss(id, gold.start(), EvalIo.abbreviate(gold.text(), 80)));
                } else {
                    used[match[g]] = true;
                    type.detected++;
                    all.detected++;
                }
                if (gold.speaker() == null || !(gold.type().equals("person") || gold.type().equals("organization"))) {
                    continue;
                }
                boolean speakerOk = p != null && sameSpeaker(gold.speaker(), gold.type(), p.speaker());
                boolean mentionOk = p != null && p.mention() != null && gold.mention() != null
                        && p.mention().overlaps(gold.mention().start(), gold.mention().end());
                for (Tally tally : List.of(type, all)) {
                    tally.speakerScored++;
                    tally.speakerCorrect += speakerOk ? 1 : 0;
                    tally.mentionCorrect += mentionOk ? 1 : 0;
                }
                mentionScored += gold.mention() != null ? 1 : 0;
                if (!speakerOk || !mentionOk) {
                    errors.add(new Error(id, gold.start(), EvalIo.abbreviate(gold.text(), 60), gold.speaker(),
                            p == null ? "(quote not found)" : p.speaker(), mentionText(gold.mention()),
                            p == null ? null : mentionText(p.mention()), speakerOk, mentionOk));
                }
            }
            for (int i = 0; i < predicted.size(); i++) {
                if (!used[i]) {
                    fp++;
                    Predicted p = predicted.get(i);
                    spurious.add(new Miss(id, p.start(),
                            EvalIo.abbreviate(item.article().body().substring(p.start(), p.end()), 80)));
                }
            }
        }
        Map<String, TypeCounts> types = new LinkedHashMap<>();
        byType.forEach((type, t) -> types.put(type, t.counts()));
        double seconds = nanos / 1e9;
        return new Report(system.name(), items.size(), Scores.round(seconds),
                Scores.round(seconds == 0 ? 0 : items.size() / seconds), nested,
                Prf.of(all.detected, fp, all.gold - all.detected), Ratio.of(all.speakerCorrect, all.speakerScored),
                Ratio.of(all.mentionCorrect, mentionScored), types, errors, missed, spurious);
    }

    private static final class Tally {
        int gold;
        int detected;
        int speakerScored;
        int speakerCorrect;
        int mentionCorrect;

        TypeCounts counts() {
            return new TypeCounts(gold, detected, speakerScored, speakerCorrect, mentionCorrect);
        }
    }

    /** Drops quotes that lie inside another predicted quote: the gold lists nested quotes inside their parent. */
    static List<Predicted> topLevel(List<Predicted> quotes) {
        List<Predicted> top = new ArrayList<>();
        for (int i = 0; i < quotes.size(); i++) {
            Predicted q = quotes.get(i);
            boolean inside = false;
            for (int j = 0; j < quotes.size() && !inside; j++) {
                Predicted o = quotes.get(j);
                boolean contains = o.start() <= q.start() && q.end() <= o.end();
                boolean sameSpan = o.start() == q.start() && o.end() == q.end();
                inside = j != i && contains && (!sameSpan || j < i);
            }
            if (!inside) {
                top.add(q);
            }
        }
        return top;
    }

    /** One-to-one greedy matching, largest overlap first: {@code result[g]} indexes gold quote g's match, or -1. */
    static int[] match(List<GoldQuote> gold, List<Predicted> predicted) {
        record Pair(int gold, int predicted, int overlap) {
        }
        List<Pair> pairs = new ArrayList<>();
        for (int g = 0; g < gold.size(); g++) {
            GoldQuote q = gold.get(g);
            for (int p = 0; p < predicted.size(); p++) {
                int overlap = Math.min(q.end(), predicted.get(p).end()) - Math.max(q.start(), predicted.get(p).start());
                if (overlap > 0 && 2 * overlap >= q.end() - q.start()) {
                    pairs.add(new Pair(g, p, overlap));
                }
            }
        }
        pairs.sort(Comparator.comparingInt(Pair::overlap).reversed());
        int[] result = new int[gold.size()];
        Arrays.fill(result, -1);
        boolean[] taken = new boolean[predicted.size()];
        for (Pair pair : pairs) {
            if (result[pair.gold()] < 0 && !taken[pair.predicted()]) {
                result[pair.gold()] = pair.predicted();
                taken[pair.predicted()] = true;
            }
        }
        return result;
    }

    /**
     * Persons: same folded surname (last token), or the same folded full name. Organisations: the folded names are
     * equal or one contains the other as whole words.
     */
    static boolean sameSpeaker(String gold, String type, String predicted) {
        if (predicted == null || fold(predicted).isEmpty()) {
            return false;
        }
        String g = fold(gold);
        String p = fold(predicted);
        if (g.equals(p)) {
            return true;
        }
        if (type.equals("person")) {
            return lastToken(g).equals(lastToken(p));
        }
        return (" " + g + " ").contains(" " + p + " ") || (" " + p + " ").contains(" " + g + " ");
    }

    /** Lower case, no diacritics, punctuation other than hyphens turned into spaces, a trailing 's dropped. */
    static String fold(String name) {
        String s = Normalizer.normalize(name.replace('ł', 'l').replace('Ł', 'L').replace('đ', 'd').replace('Đ', 'D')
                .replace('ø', 'o').replace('Ø', 'O').replace('ı', 'i'), Normalizer.Form.NFD);
        s = s.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT).replace('’', '\'');
        s = s.replaceAll("'s\\b", "").replaceAll("[^\\p{L}\\p{N}-]+", " ");
        return s.trim();
    }

    private static String lastToken(String folded) {
        return folded.substring(folded.lastIndexOf(' ') + 1);
    }

    private static Span span(String body, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return Span.of(body, EvalIo.utf16(body, node.get("start").asInt()), EvalIo.utf16(body, node.get("end").asInt()));
    }

    private static String mentionText(Span span) {
        return span == null ? null : span.text() + " @" + span.start();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
