package io.stancewire.analysis.portrayal;

import java.util.List;

/**
 * Reads how one sentence portrays each person at the given character ranges: the class probabilities, in the order
 * of {@link PortrayalModel#CLASSES} (negative, neutral, positive). Implementations are thread-safe.
 */
public interface PortrayalClassifier {

    /** A person's characters {@code [start, end)} in the sentence. */
    record Target(int start, int end) {
    }

    /** One probability triple a target, in the targets' order. */
    double[][] probabilities(String sentence, List<Target> targets);

    /** Added to the log-probabilities before the most probable class is taken (zeros when the model has none). */
    double[] offsets();
}
