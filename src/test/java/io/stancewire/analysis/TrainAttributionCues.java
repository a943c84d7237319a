package io.stancewire.analysis;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.stancewire.analysis.lexicons.AttributionCues;
import io.stancewire.analysis.parse.NlpPipeline;
import io.stancewire.analysis.parse.ParsedText;

/**
 * Learns which words attribute content, and how, from PolNeAR's {@code train} split (see {@code scripts/train-cues}):
 * for every verb or noun of every parsed sentence and every way its content can hang from it (a clausal complement,
 * an infinitive, an object, a clause it interrupts as a parenthetical), counts how often that construction is an
 * annotated attribution whose content is the construction's subtree. Writes {@code analysis/attribution-cues.tsv}:
 * lemma, part of speech, construction, attributions, occurrences. Only words and counts leave the data: no text.
 */
public final class TrainAttributionCues {

    static final int MIN_OCCURRENCES = 3;

    record Gold(int cueStart, int cueEnd, int[][] parts, int contentLength) {
    }

    public static void main(String[] args) throws IOException {
        Path input = Path.of(args[0]);
        Path output = Path.of(args[1]);
        Path candidates = args.length > 2 ? Path.of(args[2]) : null;
        ObjectMapper json = new ObjectMapper();
        NlpPipeline pipeline = new NlpPipeline();
        Map<String, int[]> counts = new TreeMap<>();
        List<String> lines = Files.readAllLines(input);
        PrintWriter dump = candidates == null ? null : new PrintWriter(Files.newBufferedWriter(candidates));
        for (int n = 0; n < lines.size(); n++) {
            JsonNode row = json.readTree(lines.get(n));
            String body = row.get("text").asText();
            List<Gold> gold = gold(row, body);
            ParsedText text = new ParsedText(body, pipeline.annotate(body));
            for (int i = 0; i < text.size(); i++) {
                AttributionCues.Pos pos = CueConstructions.pos(text, i);
                if (pos == null) {
                    continue;
                }
                for (CueConstructions.Construction c : CueConstructions.at(text, i)) {
                    boolean positive = matches(gold, text, i, new int[] { c.first(), c.last() });
                    String key = text.lemma(i) + "\t" + pos + "\t" + c.relation();
                    int[] count = counts.computeIfAbsent(key, k -> new int[2]);
                    count[0] += positive ? 1 : 0;
                    count[1]++;
                    if (dump != null) {
                        dump.println(n + "\t" + key + "\t" + (positive ? 1 : 0));
                    }
                }
            }
            if ((n + 1) % 50 == 0) {
                System.err.println((n + 1) + "/" + lines.size());
            }
        }
        if (dump != null) {
            dump.close();
        }
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(output))) {
            out.println("# Stancewire attribution cues (GPL-3.0-or-later, part of Stancewire; see LEXICONS.md)");
            out.println("# Learned by scripts/train-cues from the counts of PolNeAR's train split (words and counts only).");
            out.println("# Columns (TAB-separated): lemma  pos (V verb, N noun)  construction  attributions  occurrences");
            out.println("#   construction: how the content hangs from the cue (CueConstructions): ccomp, xcomp, obj, acl,");
            out.println("#   advcl, obl:PREP; ^rel: the cue hangs from the content's head by rel (\"The plan fails, he said\")");
            for (Map.Entry<String, int[]> e : counts.entrySet()) {
                if (e.getValue()[1] >= MIN_OCCURRENCES && e.getValue()[0] > 0) {
                    out.println(e.getKey() + "\t" + e.getValue()[0] + "\t" + e.getValue()[1]);
                }
            }
        }
    }

    /** An annotated attribution whose cue holds token {@code cue} and whose content the range mostly is. */
    static boolean matches(List<Gold> gold, ParsedText text, int cue, int[] range) {
        if (range[0] > range[1]) {
            return false;
        }
        int start = text.start(range[0]);
        int end = text.end(range[1]);
        for (Gold g : gold) {
            if (text.start(cue) >= g.cueEnd() || text.end(cue) <= g.cueStart()) {
                continue;
            }
            int overlap = 0;
            for (int[] part : g.parts()) {
                overlap += Math.max(0, Math.min(part[1], end) - Math.max(part[0], start));
            }
            if (2 * overlap >= g.contentLength() && 2 * overlap >= end - start) {
                return true;
            }
        }
        return false;
    }

    static List<Gold> gold(JsonNode row, String body) {
        List<Gold> gold = new ArrayList<>();
        for (JsonNode a : row.get("attributions")) {
            JsonNode cue = a.get("cue");
            if (cue == null || cue.isNull()) {
                continue;
            }
            JsonNode content = a.get("content");
            List<int[]> parts = new ArrayList<>();
            if (content.has("spans")) {
                for (JsonNode part : content.get("spans")) {
                    parts.add(new int[] { utf16(body, part.get(0).asInt()), utf16(body, part.get(1).asInt()) });
                }
            } else {
                parts.add(new int[] { utf16(body, content.get("start").asInt()), utf16(body, content.get("end").asInt()) });
            }
            int length = parts.stream().mapToInt(p -> p[1] - p[0]).sum();
            gold.add(new Gold(utf16(body, cue.get("start").asInt()), utf16(body, cue.get("end").asInt()),
                    parts.toArray(int[][]::new), length));
        }
        return gold;
    }

    private static int utf16(String body, int codePoints) {
        return body.offsetByCodePoints(0, codePoints);
    }
}
