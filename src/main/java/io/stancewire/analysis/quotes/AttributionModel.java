package io.stancewire.analysis.quotes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.stancewire.analysis.lexicons.TsvResource;

/**
 * Whether a word in one of its constructions attributes content: logistic regression over {@link CueFeatures},
 * trained on PolNeAR's train split by {@code TrainAttributionModel} ({@code scripts/train-attribution}) and shipped
 * as {@code analysis/attribution-model.tsv} (features and weights only: lemmas and numbers, no text of the data).
 * Immutable and thread-safe.
 */
public final class AttributionModel {

    public static final String RESOURCE = "analysis/attribution-model.tsv";
    /**
     * The probability at and above which a candidate is read as reported speech (the most likely one of its word).
     * Chosen on PolNeAR dev (never test); what other thresholds gave is in docs/quality.md.
     */
    public static final double THRESHOLD = 0.18;

    private final Map<String, Double> weights;

    public AttributionModel() {
        this.weights = Map.copyOf(load());
    }

    private static Map<String, Double> load() {
        Map<String, Double> out = new HashMap<>();
        for (String[] row : TsvResource.read(RESOURCE, 2)) {
            out.put(row[0], Double.parseDouble(row[1]));
        }
        return out;
    }

    /** Whether training saw the word as a cue candidate at all: a cheap test before its constructions are read. */
    public boolean knows(String lemma, CueConstructions.Pos pos) {
        return weights.containsKey("w=" + lemma + "|" + pos);
    }

    /** The probability that the candidate with these features attributes its content. */
    public double probability(List<String> features) {
        double z = 0;
        for (String feature : features) {
            z += weights.getOrDefault(feature, 0.0);
        }
        return 1 / (1 + Math.exp(-z));
    }
}
