package io.stancewire.analysis.portrayal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.stancewire.analysis.lexicons.TsvResource;

/**
 * How a sentence portrays the person at a span: multinomial logistic regression over {@link PortrayalFeatures},
 * trained on NewsMTSC by {@code TrainPortrayal} ({@code src/tools/java}, {@code scripts/train-portrayal}) and
 * shipped as {@code analysis/portrayal-model.tsv}. Immutable and thread-safe.
 *
 * <p>The file, UTF-8, TAB-separated: {@code #} comment lines, then {@code classes -1 0 1}, {@code bias b b b}, an
 * optional {@code offsets o o o} line (added to the class scores by {@link #label}, zero when absent), an optional
 * {@code lexicons <digest>} line (the lexicons it was trained with), then one line per feature,
 * {@code feature w_neg w_neu w_pos}.
 */
public final class PortrayalModel implements PortrayalClassifier {

    public static final String RESOURCE = "analysis/portrayal-model.tsv";
    /** The classes, in the order of {@link #probabilities}. */
    public static final int[] CLASSES = {-1, 0, 1};

    private static final LoadedOnce<PortrayalModel> SHIPPED = new LoadedOnce<>(() -> read(RESOURCE));

    private final double[] bias;
    private final double[] offsets;
    private final String lexicons;
    private final Map<String, float[]> weights;

    PortrayalModel(double[] bias, double[] offsets, String lexicons, Map<String, float[]> weights) {
        this.bias = bias.clone();
        this.offsets = offsets.clone();
        this.lexicons = lexicons;
        this.weights = Map.copyOf(weights);
    }

    /** The model shipped in the jar, read once. */
    public static PortrayalModel load() {
        return SHIPPED.get();
    }

    static PortrayalModel read(String resource) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(TsvResource.open(resource),
                StandardCharsets.UTF_8))) {
            return parse(reader, resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A model file outside the classpath, as {@code TrainPortrayal} writes it (to check what it wrote). */
    public static PortrayalModel read(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PortrayalModel parse(BufferedReader reader, String name) throws IOException {
        double[] bias = null;
        double[] offsets = new double[3];
        String lexicons = "";
        Map<String, float[]> weights = new HashMap<>(1 << 16);
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] c = line.split("\t");
            if (c.length == 2 && c[0].equals("lexicons")) {
                lexicons = c[1];
                continue;
            }
            if (c.length != 4) {
                throw new IllegalStateException(name + ":" + number + ": expected 4 TAB-separated columns");
            }
            switch (c[0]) {
                case "classes" -> {
                    if (!c[1].equals("-1") || !c[2].equals("0") || !c[3].equals("1")) {
                        throw new IllegalStateException(name + ":" + number + ": classes must be -1 0 1");
                    }
                }
                case "bias" -> bias = new double[] {Double.parseDouble(c[1]), Double.parseDouble(c[2]),
                        Double.parseDouble(c[3])};
                case "offsets" -> offsets = new double[] {Double.parseDouble(c[1]), Double.parseDouble(c[2]),
                        Double.parseDouble(c[3])};
                default -> weights.put(c[0], new float[] {Float.parseFloat(c[1]), Float.parseFloat(c[2]),
                        Float.parseFloat(c[3])});
            }
        }
        if (bias == null) {
            throw new IllegalStateException(name + ": no bias line");
        }
        return new PortrayalModel(bias, offsets, lexicons, weights);
    }

    /** The class scores (logits) for a feature map. */
    double[] scores(Map<String, Double> features) {
        double[] z = bias.clone();
        for (Map.Entry<String, Double> e : features.entrySet()) {
            float[] w = weights.get(e.getKey());
            if (w != null) {
                double x = e.getValue();
                z[0] += w[0] * x;
                z[1] += w[1] * x;
                z[2] += w[2] * x;
            }
        }
        return z;
    }

    /** The decision offsets added to the class scores (log-probabilities) before taking the best class. */
    @Override
    public double[] offsets() {
        return offsets.clone();
    }

    /** P(-1), P(0), P(+1) for the person at {@code [start, end)} (UTF-16 offsets) in {@code sentence}. */
    public double[] probabilities(String sentence, int start, int end) {
        return softmax(scores(PortrayalFeatures.extract(sentence, start, end)));
    }

    @Override
    public double[][] probabilities(String sentence, List<Target> targets) {
        double[][] out = new double[targets.size()][];
        for (int t = 0; t < targets.size(); t++) {
            out[t] = probabilities(sentence, targets.get(t).start(), targets.get(t).end());
        }
        return out;
    }

    /** P(+1) - P(-1), in [-1, 1]. */
    public double score(String sentence, int start, int end) {
        double[] p = probabilities(sentence, start, end);
        return p[2] - p[0];
    }

    /** The label, -1, 0 or +1: the class with the highest score plus the model's decision offsets. */
    public int label(String sentence, int start, int end) {
        double[] z = scores(PortrayalFeatures.extract(sentence, start, end));
        int best = 0;
        for (int c = 1; c < 3; c++) {
            if (z[c] + offsets[c] > z[best] + offsets[best]) {
                best = c;
            }
        }
        return CLASSES[best];
    }

    /**
     * The {@link PortrayalFeatures#lexiconFingerprint()} the model was trained with; when it differs from the
     * current one, a lexicon changed since and the model should be retrained.
     */
    public String lexiconFingerprint() {
        return lexicons;
    }

    /** The number of weighted features. */
    public int size() {
        return weights.size();
    }

    /** Class probabilities from class scores (shared with the trainer). */
    public static double[] softmax(double[] z) {
        double max = Math.max(z[0], Math.max(z[1], z[2]));
        double[] p = new double[3];
        double sum = 0;
        for (int c = 0; c < 3; c++) {
            p[c] = Math.exp(z[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < 3; c++) {
            p[c] /= sum;
        }
        return p;
    }
}
