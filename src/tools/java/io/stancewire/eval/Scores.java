package io.stancewire.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The figures the reports share: precision/recall/F1, ratios, and three-class (-1, 0, +1) scores. */
public final class Scores {

    static final int[] LABELS = {-1, 0, 1};

    private Scores() {
    }

    public record Prf(int tp, int fp, int fn, double precision, double recall, double f1) {

        static Prf of(int tp, int fp, int fn) {
            double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
            double r = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
            return new Prf(tp, fp, fn, round(p), round(r), round(p + r == 0 ? 0 : 2 * p * r / (p + r)));
        }
    }

    public record Ratio(int correct, int total, double value) {

        static Ratio of(int correct, int total) {
            return new Ratio(correct, total, round(total == 0 ? 0 : (double) correct / total));
        }
    }

    /** Confusion rows are gold labels -1, 0, +1; columns the predicted labels in the same order. */
    record ClassScores(double macroF1, double accuracy, Map<String, Prf> perClass, List<List<Integer>> confusion) {
    }

    static ClassScores classes(int[] gold, int[] predicted) {
        int[][] confusion = new int[3][3];
        int correct = 0;
        for (int i = 0; i < gold.length; i++) {
            confusion[gold[i] + 1][predicted[i] + 1]++;
            correct += gold[i] == predicted[i] ? 1 : 0;
        }
        Map<String, Prf> perClass = new LinkedHashMap<>();
        double f1Sum = 0;
        for (int c = 0; c < 3; c++) {
            int tp = confusion[c][c];
            int fp = confusion[0][c] + confusion[1][c] + confusion[2][c] - tp;
            int fn = confusion[c][0] + confusion[c][1] + confusion[c][2] - tp;
            Prf prf = Prf.of(tp, fp, fn);
            perClass.put(label(LABELS[c]), prf);
            f1Sum += prf.f1();
        }
        List<List<Integer>> rows = List.of(List.of(confusion[0][0], confusion[0][1], confusion[0][2]),
                List.of(confusion[1][0], confusion[1][1], confusion[1][2]),
                List.of(confusion[2][0], confusion[2][1], confusion[2][2]));
        return new ClassScores(round(f1Sum / 3), round(gold.length == 0 ? 0 : (double) correct / gold.length),
                perClass, rows);
    }

    static String label(int value) {
        return value > 0 ? "+1" : value < 0 ? "-1" : "0";
    }

    static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
