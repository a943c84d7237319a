package io.stancewire.analysis;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.stancewire.analysis.lexicons.AttributionCues;
import io.stancewire.analysis.parse.NlpPipeline;
import io.stancewire.analysis.parse.ParsedText;
import io.stancewire.analysis.quotes.CueConstructions;
import io.stancewire.eval.PolnearEvaluation;

/**
 * Learns which words attribute content, and how, from PolNeAR's {@code train} split (see {@code scripts/train-cues}):
 * for every verb or noun of every parsed sentence and every way its content can hang from it (a clausal complement,
 * an infinitive, an object, a clause it interrupts as a parenthetical), counts how often that construction is an
 * annotated attribution whose content is the construction's subtree. Writes {@code analysis/attribution-cues.tsv}:
 * lemma, part of speech, construction, attributions, occurrences. Only words and counts leave the data: no text.
 */
public final class TrainAttributionCues {

    static final int MIN_OCCURRENCES = 3;

    /** args: the folder of the converted PolNeAR (train.jsonl is read), the output file, optionally a dump file. */
    public static void main(String[] args) throws IOException {
        List<PolnearEvaluation.Item> items = PolnearEvaluation.load(Path.of(args[0]), "train", Integer.MAX_VALUE);
        Path output = Path.of(args[1]);
        Path candidates = args.length > 2 ? Path.of(args[2]) : null;
        NlpPipeline pipeline = new NlpPipeline();
        Map<String, int[]> counts = new TreeMap<>();
        PrintWriter dump = candidates == null ? null : new PrintWriter(Files.newBufferedWriter(candidates));
        for (int n = 0; n < items.size(); n++) {
            PolnearEvaluation.Item item = items.get(n);
            String body = item.article().body();
            ParsedText text = new ParsedText(body, pipeline.annotate(body));
            for (int i = 0; i < text.size(); i++) {
                AttributionCues.Pos pos = CueConstructions.pos(text, i);
                if (pos == null) {
                    continue;
                }
                for (CueConstructions.Construction c : CueConstructions.at(text, i)) {
                    boolean positive = matches(item.gold(), text, i, new int[] { c.first(), c.last() });
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
                System.err.println((n + 1) + "/" + items.size());
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
    static boolean matches(List<PolnearEvaluation.Gold> gold, ParsedText text, int cue, int[] range) {
        if (range[0] > range[1]) {
            return false;
        }
        int start = text.start(range[0]);
        int end = text.end(range[1]);
        for (PolnearEvaluation.Gold g : gold) {
            if (g.cue() == null || text.start(cue) >= g.cue().end() || text.end(cue) <= g.cue().start()) {
                continue;
            }
            int overlap = 0;
            int length = 0;
            for (int[] part : g.parts()) {
                overlap += Math.max(0, Math.min(part[1], end) - Math.max(part[0], start));
                length += part[1] - part[0];
            }
            if (2 * overlap >= length && 2 * overlap >= end - start) {
                return true;
            }
        }
        return false;
    }
}
