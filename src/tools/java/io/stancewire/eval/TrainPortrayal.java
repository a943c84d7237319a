package io.stancewire.eval;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.stancewire.analysis.portrayal.PortrayalFeatures;
import io.stancewire.analysis.portrayal.PortrayalModel;

/**
 * Trains the portrayal model ({@code src/main/resources/analysis/portrayal-model.tsv}) on NewsMTSC
 * {@code train.jsonl}: multinomial logistic regression over {@link PortrayalFeatures}, AdaGrad with L2, classes
 * weighted to balance, a fixed seed. Evaluates on {@code dev-mt} and {@code dev-rw} with the same extractor and prints
 * macro-F1, accuracy and confusion matrices. Run by {@code scripts/train-portrayal}.
 *
 * <p>System properties: {@code stancewire.datasets} (default {@code ../shared/datasets}); {@code train.epochs},
 * {@code train.l2}, {@code train.eta}, {@code train.minCount}, {@code train.prune}, {@code train.seed} override the
 * chosen hyper-parameters; {@code train.cv=K} sets the folds of the cross-validation on train, grouped by article
 * (default 5, 0 skips it); {@code train.write=false} skips writing the model; {@code train.out} changes where it
 * is written; {@code train.errors=FILE} lists the dev targets the model gets wrong.
 */
public final class TrainPortrayal {

    static final int[] CLASSES = {-1, 0, 1};

    /**
     * Hyper-parameters, chosen on dev-mt, dev-rw and a 5-fold CV on train (see LEXICONS.md). Tried: eta 0.002 to 0.2
     * (0.05 and up overfit: CV 0.66 and below), epochs 3 to 25, L2 1e-5 to 3e-2 (flat from 1e-3), min count 1 to 5,
     * prune 0.005 to 0.03; class-weight power 0, 0.5, 1, 1.5; averaging 5 seeds; further_mentions as extra
     * targets. None beat these beyond noise (about 0.005).
     */
    record Params(int epochs, double l2, double eta, int minCount, double prune, long seed) {
        static Params fromSystem() {
            return new Params(Integer.getInteger("train.epochs", 5),
                    Double.parseDouble(System.getProperty("train.l2", "1e-3")),
                    Double.parseDouble(System.getProperty("train.eta", "0.01")),
                    Integer.getInteger("train.minCount", 2),
                    Double.parseDouble(System.getProperty("train.prune", "0.005")),
                    Long.getLong("train.seed", 20240611L));
        }
    }

    record Example(String group, String sentence, String mention, int start, int end, int label,
            Map<String, Double> features) {
    }

    /** Examples indexed against one feature dictionary. */
    record Indexed(int[][] index, float[][] value, int[] label) {
    }

    /** Trained weights: {@code w[f*3 + c]}. */
    record Model(List<String> names, double[] w, double[] bias) {
        double[] scores(int[] idx, float[] val) {
            double[] z = bias.clone();
            for (int k = 0; k < idx.length; k++) {
                int base = idx[k] * 3;
                z[0] += w[base] * val[k];
                z[1] += w[base + 1] * val[k];
                z[2] += w[base + 2] * val[k];
            }
            return z;
        }
    }

    private TrainPortrayal() {
    }

    public static void main(String[] args) throws IOException {
        Locale.setDefault(Locale.ROOT);
        checkLexicons();
        Path dir = EvalIo.datasets().resolve("newsmtsc");
        Params params = Params.fromSystem();
        long t0 = System.nanoTime();
        List<Example> train = read(dir.resolve("train.jsonl"));
        List<Example> devMt = read(dir.resolve("dev-mt.jsonl"));
        List<Example> devRw = read(dir.resolve("dev-rw.jsonl"));
        System.out.printf("read %d train, %d dev-mt, %d dev-rw targets in %.1f s%n", train.size(), devMt.size(),
                devRw.size(), (System.nanoTime() - t0) / 1e9);
        System.out.println(params);

        StringBuilder figures = new StringBuilder();
        int folds = Integer.getInteger("train.cv", 5);
        if (folds > 1) {
            int[][] confusion = crossValidate(train, params, folds);
            String line = String.format("train %d-fold CV (grouped by article): %s", folds, summary(confusion));
            System.out.println(line);
            figures.append(line).append('\n');
        }

        long t1 = System.nanoTime();
        List<String> names = dictionary(train, params.minCount());
        Map<String, Integer> ids = ids(names);
        Model model = train(index(train, ids), names, params);
        System.out.printf("trained on %d features in %.1f s%n", names.size(), (System.nanoTime() - t1) / 1e9);
        Model pruned = prune(model, params.prune());
        Map<String, Integer> prunedIds = ids(pruned.names());
        System.out.printf("kept %d features with a weight above %.4f%n", pruned.names().size(), params.prune());

        double[] offsets = new double[3];
        for (String name : List.of("dev-mt", "dev-rw")) {
            List<Example> dev = name.equals("dev-mt") ? devMt : devRw;
            int[][] confusion = confusion(pruned, index(dev, prunedIds), offsets);
            int[][] neutral = new int[3][3];
            for (Example e : dev) {
                neutral[e.label() + 1][1]++;
            }
            String line = String.format("%s: %s; always-neutral macro-F1 %.3f", name, summary(confusion),
                    macroF1(neutral));
            System.out.println(line);
            System.out.println(matrix(confusion));
            figures.append(line).append('\n');
        }
        thresholdReport(pruned, prunedIds, devMt, devRw);
        if (System.getProperty("train.errors") != null) {
            Path errors = Path.of(System.getProperty("train.errors"));
            try (PrintWriter err = new PrintWriter(Files.newBufferedWriter(errors))) {
                for (List<Example> dev : List.of(devMt, devRw)) {
                    Indexed data = index(dev, prunedIds);
                    for (int i = 0; i < dev.size(); i++) {
                        double[] prob = softmax(pruned.scores(data.index()[i], data.value()[i]));
                        int best = prob[0] >= prob[1] && prob[0] >= prob[2] ? 0 : prob[1] >= prob[2] ? 1 : 2;
                        Example e = dev.get(i);
                        if (best != e.label() + 1) {
                            err.printf("gold %+d pred %+d  p=%.2f/%.2f/%.2f  %s[[%s]]%s%n", e.label(), best - 1,
                                    prob[0], prob[1], prob[2], e.sentence().substring(0, e.start()),
                                    e.sentence().substring(e.start(), e.end()), e.sentence().substring(e.end()));
                        }
                    }
                }
            }
        }

        if (Boolean.parseBoolean(System.getProperty("train.write", "true"))) {
            Path out = Path.of(System.getProperty("train.out", "src/main/resources/analysis/portrayal-model.tsv"));
            write(out, pruned, params, figures.toString(), train.size(), offsets);
            System.out.printf("wrote %s (%d bytes, %d features)%n", out, Files.size(out), pruned.names().size());
            // the written file through the inference path: the same figures, or the file is wrong
            PortrayalModel shipped = PortrayalModel.read(out);
            for (List<Example> dev : List.of(devMt, devRw)) {
                int[][] confusion = new int[3][3];
                for (Example e : dev) {
                    confusion[e.label() + 1][shipped.label(e.sentence(), e.start(), e.end()) + 1]++;
                }
                System.out.printf("check, %s through PortrayalModel.label: %s%n", dev == devMt ? "dev-mt" : "dev-rw",
                        summary(confusion));
            }
        }
    }

    // ------------------------------------------------------------------ data

    /**
     * The features read the lexicons from the classpath: they must be the repository's, not a stale copy under
     * {@code target/classes} (scripts/train-portrayal puts {@code src/main/resources} first on the classpath).
     */
    static void checkLexicons() throws IOException {
        Path sources = Path.of("src/main/resources");
        if (!Files.isDirectory(sources)) {
            return;
        }
        for (String name : List.of("opinion-lexicon.tsv", "tone-lexicon.tsv", "speech-verbs.tsv")) {
            String resource = "analysis/" + name;
            try (var in = TrainPortrayal.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null || !Arrays.equals(in.readAllBytes(), Files.readAllBytes(sources.resolve(resource)))) {
                    throw new IllegalStateException(resource + " on the classpath differs from "
                            + sources.resolve(resource)
                            + ": put src/main/resources first on the classpath (as scripts/train-portrayal does)");
                }
            }
        }
    }

    static List<Example> read(Path file) {
        List<Example> examples = new ArrayList<>();
        for (JsonNode row : EvalIo.readJsonl(file)) {
            String sentence = row.get("sentence").asText();
            String id = row.get("id").asText();
            String[] parts = id.split("_");
            String group = parts.length >= 3 ? parts[0] + "_" + parts[1] + "_" + parts[2] : id;
            Set<String> seen = new HashSet<>();
            for (JsonNode target : row.get("targets")) {
                int start = target.get("start").asInt();
                int end = target.get("end").asInt();
                if (!seen.add(start + ":" + end)) {
                    continue;
                }
                int s = EvalIo.utf16(sentence, start);
                int e = EvalIo.utf16(sentence, end);
                examples.add(new Example(group, sentence, target.get("mention").asText(), s, e,
                        target.get("polarity").asInt(), PortrayalFeatures.extract(sentence, s, e)));
            }
        }
        return examples;
    }

    static List<String> dictionary(List<Example> examples, int minCount) {
        Map<String, Integer> counts = new HashMap<>();
        for (Example e : examples) {
            for (String f : e.features().keySet()) {
                counts.merge(f, 1, Integer::sum);
            }
        }
        List<String> names = new ArrayList<>();
        counts.forEach((f, c) -> {
            if (c >= minCount) {
                names.add(f);
            }
        });
        names.sort(null);
        return names;
    }

    static Map<String, Integer> ids(List<String> names) {
        Map<String, Integer> ids = new HashMap<>(names.size() * 2);
        for (int i = 0; i < names.size(); i++) {
            ids.put(names.get(i), i);
        }
        return ids;
    }

    static Indexed index(List<Example> examples, Map<String, Integer> ids) {
        int[][] index = new int[examples.size()][];
        float[][] value = new float[examples.size()][];
        int[] label = new int[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            Example e = examples.get(i);
            int[] idx = new int[e.features().size()];
            float[] val = new float[idx.length];
            int k = 0;
            for (Map.Entry<String, Double> f : e.features().entrySet()) {
                Integer id = ids.get(f.getKey());
                if (id != null) {
                    idx[k] = id;
                    val[k] = f.getValue().floatValue();
                    k++;
                }
            }
            index[i] = Arrays.copyOf(idx, k);
            value[i] = Arrays.copyOf(val, k);
            label[i] = e.label() + 1;
        }
        return new Indexed(index, value, label);
    }

    // ------------------------------------------------------------------ training

    /** Multinomial logistic regression, AdaGrad, L2 on the touched weights, class weights that balance the labels. */
    static Model train(Indexed data, List<String> names, Params p) {
        int n = data.label().length;
        int f = names.size();
        double[] w = new double[f * 3];
        double[] g2 = new double[f * 3];
        double[] bias = new double[3];
        double[] bg2 = new double[3];
        int[] count = new int[3];
        for (int y : data.label()) {
            count[y]++;
        }
        double[] classWeight = new double[3];
        for (int c = 0; c < 3; c++) {
            classWeight[c] = count[c] == 0 ? 0 : n / (3.0 * count[c]);
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random random = new Random(p.seed());
        Model model = new Model(names, w, bias);
        double[] grad = new double[3];
        for (int epoch = 0; epoch < p.epochs(); epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
            for (int i : order) {
                int[] idx = data.index()[i];
                float[] val = data.value()[i];
                int y = data.label()[i];
                double[] prob = softmax(model.scores(idx, val));
                for (int c = 0; c < 3; c++) {
                    grad[c] = classWeight[y] * (prob[c] - (c == y ? 1 : 0));
                    bg2[c] += grad[c] * grad[c];
                    bias[c] -= p.eta() * grad[c] / Math.sqrt(bg2[c] + 1e-8);
                }
                for (int k = 0; k < idx.length; k++) {
                    int base = idx[k] * 3;
                    for (int c = 0; c < 3; c++) {
                        double g = grad[c] * val[k] + p.l2() * w[base + c];
                        g2[base + c] += g * g;
                        w[base + c] -= p.eta() * g / Math.sqrt(g2[base + c] + 1e-8);
                    }
                }
            }
        }
        return model;
    }

    /** Drops features whose three weights are all below {@code threshold} in magnitude. */
    static Model prune(Model model, double threshold) {
        List<String> names = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < model.names().size(); i++) {
            double a = model.w()[i * 3];
            double b = model.w()[i * 3 + 1];
            double c = model.w()[i * 3 + 2];
            // weights are only defined up to a shift shared by the three classes: centre them
            double mean = (a + b + c) / 3;
            a -= mean;
            b -= mean;
            c -= mean;
            if (Math.max(Math.abs(a), Math.max(Math.abs(b), Math.abs(c))) >= threshold) {
                names.add(model.names().get(i));
                rows.add(new double[] {round(a), round(b), round(c)});
            }
        }
        double[] w = new double[names.size() * 3];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, w, i * 3, 3);
        }
        double mean = (model.bias()[0] + model.bias()[1] + model.bias()[2]) / 3;
        double[] bias = {model.bias()[0] - mean, model.bias()[1] - mean, model.bias()[2] - mean};
        return new Model(names, w, bias);
    }

    /** Four decimals, as written to the file, so that the figures printed are those of the shipped model. */
    static double round(double x) {
        return Math.round(x * 1e4) / 1e4;
    }

    static double[] softmax(double[] z) {
        return PortrayalModel.softmax(z);
    }

    // ------------------------------------------------------------------ evaluation

    static int[][] crossValidate(List<Example> train, Params p, int folds) {
        List<String> groups = new ArrayList<>(new java.util.TreeSet<>(train.stream().map(Example::group).toList()));
        java.util.Collections.shuffle(groups, new Random(p.seed()));
        Map<String, Integer> fold = new HashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            fold.put(groups.get(i), i % folds);
        }
        int[][] confusion = new int[3][3];
        for (int k = 0; k < folds; k++) {
            List<Example> in = new ArrayList<>();
            List<Example> out = new ArrayList<>();
            for (Example e : train) {
                (fold.get(e.group()) == k ? out : in).add(e);
            }
            List<String> names = dictionary(in, p.minCount());
            Map<String, Integer> ids = ids(names);
            Model model = prune(train(index(in, ids), names, p), p.prune());
            int[][] c = confusion(model, index(out, ids(model.names())), new double[3]);
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    confusion[i][j] += c[i][j];
                }
            }
        }
        return confusion;
    }

    static int[][] confusion(Model model, Indexed data, double[] offsets) {
        int[][] confusion = new int[3][3];
        for (int i = 0; i < data.label().length; i++) {
            double[] z = model.scores(data.index()[i], data.value()[i]);
            int best = 0;
            for (int c = 1; c < 3; c++) {
                if (z[c] + offsets[c] > z[best] + offsets[best]) {
                    best = c;
                }
            }
            confusion[data.label()[i]][best]++;
        }
        return confusion;
    }

    /** Macro-F1 over the three classes (gold in rows, predicted in columns). */
    static double macroF1(int[][] confusion) {
        double sum = 0;
        for (int c = 0; c < 3; c++) {
            int tp = confusion[c][c];
            int gold = 0;
            int predicted = 0;
            for (int k = 0; k < 3; k++) {
                gold += confusion[c][k];
                predicted += confusion[k][c];
            }
            double precision = predicted == 0 ? 0 : tp / (double) predicted;
            double recall = gold == 0 ? 0 : tp / (double) gold;
            sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
        return sum / 3;
    }

    static double accuracy(int[][] confusion) {
        int right = 0;
        int all = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                all += confusion[i][j];
                if (i == j) {
                    right += confusion[i][j];
                }
            }
        }
        return all == 0 ? 0 : right / (double) all;
    }

    static String summary(int[][] confusion) {
        return String.format("macro-F1 %.3f, accuracy %.3f", macroF1(confusion), accuracy(confusion));
    }

    static String matrix(int[][] confusion) {
        StringBuilder s = new StringBuilder("    gold\\pred    -1     0    +1\n");
        for (int i = 0; i < 3; i++) {
            s.append(String.format("    %9s %5d %5d %5d%n", i == 0 ? "-1" : i == 1 ? "0" : "+1", confusion[i][0],
                    confusion[i][1], confusion[i][2]));
        }
        return s.toString();
    }

    /** What thresholds on score = P(+1) - P(-1) would give on dev, beside argmax. */
    static void thresholdReport(Model model, Map<String, Integer> ids, List<Example> devMt, List<Example> devRw) {
        System.out.println("decision rule: thresholds on score = P(+1) - P(-1) (t: score > t is +1, < -t is -1)");
        for (double t : new double[] {0.1, 0.2, 0.3, 0.4}) {
            StringBuilder line = new StringBuilder(String.format("  t=%.1f", t));
            for (List<Example> dev : List.of(devMt, devRw)) {
                Indexed data = index(dev, ids);
                int[][] confusion = new int[3][3];
                for (int i = 0; i < data.label().length; i++) {
                    double[] prob = softmax(model.scores(data.index()[i], data.value()[i]));
                    double score = prob[2] - prob[0];
                    int predicted = score > t ? 2 : score < -t ? 0 : 1;
                    confusion[data.label()[i]][predicted]++;
                }
                line.append(String.format("  %s %.3f", dev == devMt ? "dev-mt" : "dev-rw", macroF1(confusion)));
            }
            System.out.println(line);
        }
    }

    // ------------------------------------------------------------------ output

    static void write(Path out, Model model, Params p, String figures, int trainTargets, double[] offsets) {
        try {
            Files.createDirectories(out.toAbsolutePath().getParent());
            StringWriter text = new StringWriter();
            PrintWriter w = new PrintWriter(text);
            w.println("# Stancewire portrayal model (GPL-3.0-or-later, part of Stancewire; see LEXICONS.md)");
            w.println("# Multinomial logistic regression over io.stancewire.analysis.PortrayalFeatures:");
            w.println("# how a sentence portrays the person at a span: -1 (negative), 0 (neutral), +1 (positive).");
            w.println("# Written by io.stancewire.eval.TrainPortrayal (scripts/train-portrayal) on " + LocalDate.now());
            w.println("# Data: NewsMTSC train.jsonl (" + trainTargets
                    + " targets, deduplicated on span), Hamborg & Donnay, EACL 2021, MIT licence.");
            w.println("# Training: AdaGrad, L2 on touched weights, class weights balancing the labels, epochs "
                    + p.epochs() + ", eta " + p.eta() + ", l2 " + p.l2() + ", min count " + p.minCount()
                    + ", seed " + p.seed() + "; features with all |w| < " + p.prune() + " dropped.");
            for (String line : figures.strip().split("\n")) {
                w.println("# " + line);
            }
            w.println("# Decision rule: argmax of the class scores plus the offsets line.");
            w.println("# Columns: feature TAB w_neg TAB w_neu TAB w_pos");
            w.println("classes\t-1\t0\t1");
            w.printf("bias\t%s\t%s\t%s%n", num(model.bias()[0]), num(model.bias()[1]), num(model.bias()[2]));
            w.printf("offsets\t%s\t%s\t%s%n", num(offsets[0]), num(offsets[1]), num(offsets[2]));
            w.printf("lexicons\t%s%n", PortrayalFeatures.lexiconFingerprint());
            for (int i = 0; i < model.names().size(); i++) {
                String name = model.names().get(i);
                if (name.indexOf(':') < 0 || name.chars().anyMatch(ch -> ch == '\t' || ch == '\n' || ch == '\r')) {
                    throw new IllegalStateException("feature names need a ':' and no TAB or line break: " + name);
                }
                w.printf("%s\t%s\t%s\t%s%n", model.names().get(i), num(model.w()[i * 3]), num(model.w()[i * 3 + 1]),
                        num(model.w()[i * 3 + 2]));
            }
            w.flush();
            Files.writeString(out, text.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String num(double x) {
        double r = round(x);
        if (r == 0) {
            return "0";
        }
        String s = String.format(Locale.ROOT, "%.4f", r);
        s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s.replace("-0.", "-.").replaceFirst("^0\\.", ".");
    }
}
