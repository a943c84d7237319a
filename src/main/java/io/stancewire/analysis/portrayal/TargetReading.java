package io.stancewire.analysis.portrayal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import io.stancewire.analysis.portrayal.PortrayalClassifier.Target;

/**
 * How an encoder model reads its targets, as its ONNX file says (metadata {@code stancewire.targets}, written by
 * {@code scripts/finetune-portrayal}).
 */
enum TargetReading {

    /**
     * One row a sentence: the targets' pieces are pooled from one pass, so the encoder does not know which mention it
     * reads ("Jones was praised, while Smith was charged": one pass, two readings).
     */
    POOLED,

    /**
     * One row a target, wrapped in marker pieces so the encoder sees which mention it reads ("Jones was praised,
     * while &lt; Smith &gt; was charged"): a row for each person in the sentence, all in one pass, so a target's
     * reading moves (by int8 rounding) with the other targets asked in its sentence; it is the same for the same
     * sentence and targets.
     */
    MARKED;

    static final String METADATA_KEY = "stancewire.targets";
    static final String OPEN = "<";
    static final String CLOSE = ">";

    /** The ids of the marker pieces, OPEN and CLOSE, in the model's vocabulary. */
    record Markers(long open, long close) {
        static Markers of(WordPieceTokenizer tokenizer) {
            return new Markers(tokenizer.id(OPEN), tokenizer.id(CLOSE));
        }
    }

    static TargetReading of(String metadata) {
        return metadata == null ? POOLED : valueOf(metadata.toUpperCase(Locale.ROOT));
    }

    /** The rows that read {@code targets} in a sentence's {@code pieces}. */
    List<EncoderRow> rows(WordPieceTokenizer.Pieces pieces, List<Target> targets, Markers markers) {
        if (this == POOLED) {
            float[][] pooling = targets.stream().map(t -> pooling(pieces, t)).toArray(float[][]::new);
            return List.of(new EncoderRow(pieces.ids(), pooling, 0));
        }
        return IntStream.range(0, targets.size())
                .mapToObj(t -> marked(pieces, targets.get(t), t, markers)).toList();
    }

    /**
     * The sentence's pieces with OPEN before the target's first piece and CLOSE after its last, cut back to
     * {@link EncoderPortrayalModel#MAX_PIECES} ({@code [SEP]} kept), pooled on the target's pieces that remain; as in
     * training, a target the tokenizer cut off is read unmarked on {@code [CLS]}, and one that the markers push out
     * keeps its OPEN and is read on {@code [CLS]}.
     */
    static EncoderRow marked(WordPieceTokenizer.Pieces pieces, Target target, int index, Markers markers) {
        float[] unmarked = pooling(pieces, target);
        int first = -1;
        int last = -1;
        for (int i = 1; i < pieces.size(); i++) {
            if (unmarked[i] > 0) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        if (first < 0) {
            return new EncoderRow(pieces.ids(), new float[][] {unmarked}, index);
        }
        long[] ids = pieces.ids();
        int n = Math.min(ids.length + 2, EncoderPortrayalModel.MAX_PIECES);
        long[] out = new long[n];
        System.arraycopy(ids, 0, out, 0, first);
        out[first] = markers.open();
        System.arraycopy(ids, first, out, first + 1, Math.min(last + 1, n - 1) - first);
        if (last + 2 < n) {
            out[last + 2] = markers.close();
            System.arraycopy(ids, last + 1, out, last + 3, Math.max(0, n - 1 - (last + 3)));
        }
        out[n - 1] = ids[ids.length - 1]; // [SEP]
        float[] w = new float[n];
        int kept = Math.max(0, Math.min(last, n - 3) - first + 1); // the target's pieces before [SEP]
        if (kept == 0) {
            w[0] = 1;
        } else {
            Arrays.fill(w, first + 1, first + 1 + kept, 1f / kept);
        }
        return new EncoderRow(out, new float[][] {w}, index);
    }

    /** Equal weights on the pieces that overlap the target; {@code [CLS]} alone when none does (cut off). */
    static float[] pooling(WordPieceTokenizer.Pieces pieces, Target target) {
        float[] w = new float[pieces.size()];
        int count = 0;
        for (int i = 0; i < pieces.size(); i++) {
            if (pieces.starts()[i] >= 0 && pieces.starts()[i] < target.end() && pieces.ends()[i] > target.start()) {
                w[i] = 1;
                count++;
            }
        }
        if (count == 0) {
            w[0] = 1;
            return w;
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= count;
        }
        return w;
    }
}
