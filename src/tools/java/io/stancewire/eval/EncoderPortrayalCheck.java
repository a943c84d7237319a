package io.stancewire.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.stancewire.analysis.portrayal.EncoderPortrayalModel;
import io.stancewire.analysis.portrayal.PortrayalClassifier;
import io.stancewire.analysis.portrayal.PortrayalModel;

/**
 * Reads NewsMTSC dev-mt and dev-rw on the gold target spans with the portrayal encoder as the service runs it (ONNX
 * Runtime, the Java tokenizer), the lexicon model, and their mixtures {@code (1 - w) * encoder + w * lexicon}: macro-F1
 * of each. With {@code -Dcheck.model=FILE} it reads that ONNX file instead of the shipped one (a model that
 * {@code scripts/finetune-portrayal --export FILE} wrote). The encoder rows must match what the trainer printed for
 * the same model: that checks the export and the Java tokenizer end to end.
 */
public final class EncoderPortrayalCheck {

    private EncoderPortrayalCheck() {
    }

    public static void main(String[] args) throws Exception {
        String file = System.getProperty("check.model");
        EncoderPortrayalModel encoder = file == null ? EncoderPortrayalModel.loadUncached()
                : EncoderPortrayalModel.read(Path.of(file));
        PortrayalModel lexicon = PortrayalModel.load();
        Path dir = EvalIo.datasets().resolve("newsmtsc");
        double[] mixes = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 1};
        for (String set : List.of("dev-mt", "dev-rw")) {
            List<TrainPortrayal.Example> examples = TrainPortrayal.read(dir.resolve(set + ".jsonl"));
            double[][] enc = new double[examples.size()][];
            double[][] lex = new double[examples.size()][];
            long started = System.nanoTime();
            for (int i = 0; i < examples.size(); i++) {
                TrainPortrayal.Example e = examples.get(i);
                enc[i] = encoder.probabilities(e.sentence(), List.of(new PortrayalClassifier.Target(e.start(), e.end())))[0];
                lex[i] = lexicon.probabilities(e.sentence(), e.start(), e.end());
            }
            long ms = (System.nanoTime() - started) / 1_000_000;
            StringBuilder line = new StringBuilder(String.format("%s (%d targets, %d ms):", set, examples.size(), ms));
            for (double w : mixes) {
                int[][] confusion = new int[3][3];
                for (int i = 0; i < examples.size(); i++) {
                    int best = 0;
                    for (int c = 1; c < 3; c++) {
                        if ((1 - w) * enc[i][c] + w * lex[i][c] > (1 - w) * enc[i][best] + w * lex[i][best]) {
                            best = c;
                        }
                    }
                    confusion[examples.get(i).label() + 1][best]++;
                }
                line.append(String.format(" w=%.1f %.3f", w, TrainPortrayal.macroF1(confusion)));
            }
            System.out.println(line);
        }
        if (file != null && !Files.exists(Path.of(file))) {
            throw new IllegalStateException(file);
        }
    }
}
