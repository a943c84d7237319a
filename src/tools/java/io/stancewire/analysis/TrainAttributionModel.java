package io.stancewire.analysis;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import io.stancewire.analysis.parse.NlpPipeline;
import io.stancewire.analysis.parse.ParsedText;
import io.stancewire.analysis.quotes.AttributionModel;
import io.stancewire.analysis.quotes.CueConstructions;
import io.stancewire.analysis.quotes.CueFeatures;
import io.stancewire.eval.PolnearEvaluation;

/**
 * Learns {@link AttributionModel} from PolNeAR's {@code train} split (see {@code scripts/train-attribution}): every
 * verb or noun of every parsed sentence, in every construction by which a content can hang from it
 * ({@link CueConstructions}), is a candidate; it is positive when an annotated attribution has its cue on that word
 * and its content is mostly the construction's words. Binary logistic regression over {@link CueFeatures}, AdaGrad
 * with L2, a fixed seed: the same data gives the same file. Only features (lemmas, relation names) and weights are
 * written, no text.
 */
public final class TrainAttributionModel {

    static final int MIN_COUNT = 3;
    static final int EPOCHS = Integer.getInteger("epochs", 8);
    static final double RATE = 0.1;
    static final double L2 = Double.parseDouble(System.getProperty("l2", "1e-4"));
    static final double PRUNE = 1e-3;
    static final long SEED = 20261206L;

    record Example(int[] features, boolean positive) {
    }

    /** Feature names and their ids, in the order they were first seen. */
    static final class FeatureIndex {
        final List<String> names = new ArrayList<>();
        private final Map<String, Integer> ids = new HashMap<>();

        int[] index(List<String> features) {
            int[] indexed = new int[features.size()];
            for (int f = 0; f < indexed.length; f++) {
                indexed[f] = ids.computeIfAbsent(features.get(f), k -> {
                    names.add(k);
                    return names.size() - 1;
                });
            }
            return indexed;
        }
    }

    /**
     * args: the folder of the converted PolNeAR (train.jsonl is read), the output file, and optionally a cache file
     * of the candidates' features (written when absent, read when present: for trying other training settings
     * without parsing again; delete it when the features change).
     */
    public static void main(String[] args) throws IOException {
        Path cache = args.length > 2 ? Path.of(args[2]) : null;
        FeatureIndex index = new FeatureIndex();
        List<Example> examples;
        if (cache != null && Files.exists(cache)) {
            examples = readCache(cache, index);
        } else {
            examples = candidates(Path.of(args[0]), index);
            if (cache != null) {
                writeCache(cache, index, examples);
            }
        }
        finish(Path.of(args[1]), index.names, examples);
    }

    /** Every candidate of the train split, parsed with the service's pipeline, labelled by the annotations. */
    private static List<Example> candidates(Path polnear, FeatureIndex index) {
        List<PolnearEvaluation.Item> items = PolnearEvaluation.load(polnear, "train", Integer.MAX_VALUE);
        NlpPipeline pipeline = new NlpPipeline();
        List<Example> examples = new ArrayList<>();
        for (int n = 0; n < items.size(); n++) {
            PolnearEvaluation.Item item = items.get(n);
            String body = item.article().body();
            ParsedText text = new ParsedText(body, pipeline.annotate(body));
            for (int i = 0; i < text.size(); i++) {
                CueConstructions.Pos pos = CueConstructions.pos(text, i);
                if (pos == null) {
                    continue;
                }
                for (CueConstructions.Construction c : CueConstructions.at(text, i)) {
                    examples.add(new Example(index.index(CueFeatures.of(text, i, pos, c)), matches(item.gold(), text,
                            i, new int[] { c.first(), c.last() })));
                }
            }
            if ((n + 1) % 50 == 0) {
                System.err.println((n + 1) + "/" + items.size() + " articles, " + examples.size() + " candidates");
            }
        }
        return examples;
    }

    /** One candidate a line: the label (1 or 0), then its features, TAB-separated. */
    private static List<Example> readCache(Path cache, FeatureIndex index) throws IOException {
        List<Example> examples = new ArrayList<>();
        for (String line : Files.readAllLines(cache)) {
            List<String> cells = List.of(line.split("\t"));
            examples.add(new Example(index.index(cells.subList(1, cells.size())), cells.get(0).equals("1")));
        }
        return examples;
    }

    private static void writeCache(Path cache, FeatureIndex index, List<Example> examples) throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(cache))) {
            for (Example e : examples) {
                StringBuilder line = new StringBuilder(e.positive() ? "1" : "0");
                for (int f : e.features()) {
                    line.append('\t').append(index.names.get(f));
                }
                out.println(line);
            }
        }
    }

    private static void finish(Path output, List<String> names, List<Example> examples) throws IOException {
        int[] counts = new int[names.size()];
        for (Example e : examples) {
            for (int f : e.features()) {
                counts[f]++;
            }
        }
        double[] w = train(examples, names.size(), counts);
        write(output, names, counts, w, examples);
    }

    /** AdaGrad on the log loss, L2 on the touched weights, features seen fewer than MIN_COUNT times left out. */
    static double[] train(List<Example> examples, int size, int[] counts) {
        double[] w = new double[size];
        double[] g2 = new double[size];
        List<Example> order = new ArrayList<>(examples);
        Random random = new Random(SEED);
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            Collections.shuffle(order, random);
            double loss = 0;
            for (Example e : order) {
                double z = 0;
                for (int f : e.features()) {
                    z += counts[f] >= MIN_COUNT ? w[f] : 0;
                }
                double p = 1 / (1 + Math.exp(-z));
                loss -= Math.log(e.positive() ? Math.max(p, 1e-12) : Math.max(1 - p, 1e-12));
                double gradient = p - (e.positive() ? 1 : 0);
                for (int f : e.features()) {
                    if (counts[f] < MIN_COUNT) {
                        continue;
                    }
                    double g = gradient + L2 * w[f];
                    g2[f] += g * g;
                    w[f] -= RATE * g / Math.sqrt(g2[f] + 1e-8);
                }
            }
            System.err.printf("epoch %d: mean log loss %.4f%n", epoch + 1, loss / order.size());
        }
        return w;
    }

    static void write(Path output, List<String> names, int[] counts, double[] w, List<Example> examples)
            throws IOException {
        long positives = examples.stream().filter(Example::positive).count();
        Map<String, Double> kept = new TreeMap<>();
        for (int f = 0; f < names.size(); f++) {
            if (counts[f] >= MIN_COUNT && Math.abs(w[f]) >= PRUNE) {
                kept.put(names.get(f), Math.round(w[f] * 10000) / 10000.0);
            }
        }
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(output))) {
            out.println("# Stancewire attribution model (GPL-3.0-or-later, part of Stancewire; see LEXICONS.md)");
            out.println("# Logistic regression over CueFeatures, learned by scripts/train-attribution from PolNeAR's train"
                    + " split: " + examples.size() + " candidates, " + positives + " attributions.");
            out.println("# Features and weights only (lemmas, relation names, numbers): no text of the data.");
            out.println("# Columns (TAB-separated): feature  weight");
            kept.forEach((name, weight) -> out.println(name + "\t" + weight));
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
