package io.stancewire.analysis.parse;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReferenceArray;

import edu.stanford.nlp.international.Language;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.ling.Word;
import edu.stanford.nlp.parser.nndep.ArcStandard;
import edu.stanford.nlp.parser.nndep.Classifier;
import edu.stanford.nlp.parser.nndep.Config;
import edu.stanford.nlp.parser.nndep.Configuration;
import edu.stanford.nlp.parser.nndep.DependencyParser;
import edu.stanford.nlp.parser.nndep.ParsingSystem;
import edu.stanford.nlp.trees.GrammaticalRelation;
import edu.stanford.nlp.trees.GrammaticalStructure;
import edu.stanford.nlp.trees.TreeGraphNode;
import edu.stanford.nlp.trees.TypedDependency;
import edu.stanford.nlp.trees.UniversalEnglishGrammaticalRelations;
import edu.stanford.nlp.trees.UniversalEnglishGrammaticalStructure;
import edu.stanford.nlp.util.CoreMap;
import edu.stanford.nlp.util.RuntimeInterruptedException;

/**
 * CoreNLP's neural dependency parser (its English UD model and its arc-standard transitions, unchanged) with a
 * faster scorer, since the parse is most of the analysis time. The model is large (1,000 hidden units, 83 moves, 48
 * features), so a move costs two streams of weights: 48 rows of precomputed hidden-layer products, and the output
 * layer. CoreNLP's {@code DependencyParser.predict} reads both in double precision, keeps the products it has not
 * precomputed in a 5,000-entry LRU cache behind one lock, and computes each move's score as a dot product the JIT
 * cannot vectorise. Here the products of the pairs CoreNLP precomputes are computed at their first use (bit for bit
 * as CoreNLP computes them, not at start-up) and looked up in a dense array, the others kept in a lock-free
 * direct-mapped cache; both layers run with the weights laid out so the JIT vectorises them (loops over units or
 * moves, not a dot product's sum), in single precision (half the memory traffic), falling back to CoreNLP's double
 * precision when the two best moves are near a tie ({@link #NEAR_TIE}); and moves the system forces are taken
 * without scoring. Same model, same features, same decisions: {@code TransitionParserTest} compares both parsers,
 * and on the 1,067 sentences of the Wikinews articles no parse differs.
 */
final class TransitionParser {

    private static final int CACHE_SLOTS = 1 << 18;
    /**
     * Below this margin between the two best allowed moves, the single-precision scores are not trusted and the move
     * is chosen on double-precision scores, as CoreNLP computes them. On the 1,067 sentences of the Wikinews articles
     * the two precisions' scores differ by at most 2.2e-4 and the closest margin is 8e-4, so this is 45 times the
     * largest difference seen, and about one move in a thousand is scored twice.
     */
    static final double NEAR_TIE = 0.01;

    private record Slice(int key, float[] values) {
    }

    /** One parse's working arrays: the features, and each layer's values in both precisions. */
    private record Buffers(int[] features, double[] hidden, double[] scores, float[] hiddenSingle,
            float[] scoresSingle) {
    }

    private final DependencyParser parser;
    private final ArcStandard system;
    private final float[][] embeddings;
    private final int hiddenSize;
    /** The hidden layer's weights by input column: row {@code position * embeddingSize + e} over the units. */
    private final double[][] hiddenWeightsByInput;
    private final float[] hiddenBias;
    /** The output layer's weights by hidden unit: row {@code h} over the transitions. */
    private final double[][] outputWeightsByUnit;
    private final float[][] outputWeightsByUnitSingle;
    private final int numTokens;
    private final int embeddingSize;
    /** For each token-position key, its index in the model's list of precomputed pairs, or -1. */
    private final int[] precomputedIndex;
    /** The listed pairs' keys by index. */
    private final int[] precomputedKeys;
    /** The listed pairs' products, computed at their first use (in double precision only for near ties). */
    private final AtomicReferenceArray<double[]> precomputed;
    private final AtomicReferenceArray<float[]> precomputedSingle;
    private final AtomicReferenceArray<Slice> cache = new AtomicReferenceArray<>(CACHE_SLOTS);
    private final String[] transitions;
    private final boolean[] leftArc;
    private final boolean[] rightArc;
    private final String[] labels;
    private final boolean[] rootLabel;

    /**
     * @param precomputedCount how many of the model's listed token-position pairs (most frequent first) have their
     *        products precomputed, as CoreNLP's {@code numPreComputed} (20,000 by default)
     */
    TransitionParser(DependencyParser parser, int precomputedCount) {
        this.parser = parser;
        try {
            Classifier classifier = (Classifier) field(DependencyParser.class, "classifier").get(parser);
            this.system = (ArcStandard) field(DependencyParser.class, "system").get(parser);
            this.embeddings = classifier.getE();
            float[][] hiddenWeights = classifier.getW1();
            this.hiddenSize = hiddenWeights.length;
            this.hiddenBias = classifier.getb1();
            this.hiddenWeightsByInput = transpose(hiddenWeights);
            this.outputWeightsByUnit = transpose(classifier.getW2());
            this.outputWeightsByUnitSingle = single(outputWeightsByUnit);
            this.embeddingSize = embeddings[0].length;
            this.numTokens = hiddenWeights[0].length / embeddingSize;
            @SuppressWarnings("unchecked")
            List<Integer> listed = (List<Integer>) field(DependencyParser.class, "preComputed").get(parser);
            this.precomputedKeys = listed.stream().limit(precomputedCount).mapToInt(Integer::intValue).toArray();
            this.precomputedIndex = new int[embeddings.length * numTokens];
            Arrays.fill(precomputedIndex, -1);
            for (int i = 0; i < precomputedKeys.length; i++) {
                precomputedIndex[precomputedKeys[i]] = i;
            }
            this.precomputed = new AtomicReferenceArray<>(precomputedKeys.length);
            this.precomputedSingle = new AtomicReferenceArray<>(precomputedKeys.length);
            @SuppressWarnings("unchecked")
            List<String> moves = (List<String>) field(ParsingSystem.class, "transitions")
                    .get(system);
            String root = (String) field(ParsingSystem.class, "rootLabel").get(system);
            int n = moves.size();
            this.transitions = moves.toArray(new String[0]);
            this.leftArc = new boolean[n];
            this.rightArc = new boolean[n];
            this.labels = new String[n];
            this.rootLabel = new boolean[n];
            for (int t = 0; t < n; t++) {
                String move = transitions[t];
                leftArc[t] = move.startsWith("L");
                rightArc[t] = move.startsWith("R");
                labels[t] = leftArc[t] || rightArc[t] ? move.substring(2, move.length() - 1) : null;
                rootLabel[t] = root.equals(labels[t]);
            }
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("this CoreNLP version's dependency parser is not the expected one", e);
        }
    }

    /**
     * Loads CoreNLP's model without its own precomputation ({@code numPreComputed=0}, about 2 s of start-up): this
     * class computes the same products, each at its first use.
     */
    static TransitionParser load(Properties properties) {
        Properties withoutPrecomputation = new Properties();
        withoutPrecomputation.putAll(properties);
        withoutPrecomputation.setProperty("numPreComputed", "0");
        return new TransitionParser(DependencyParser.loadFromModelFile(DependencyParser.DEFAULT_MODEL,
                withoutPrecomputation), new Config(properties).numPreComputed);
    }

    /**
     * The hidden layer's products for one token at one feature position, bit for bit as CoreNLP's
     * {@code Classifier.preCompute} sums them: each weight times the embedding's value rounded to single precision,
     * added up in double precision in the order of the embedding's columns (the loop over units is the inner one
     * here, so the JIT vectorises it; each unit's sum keeps its order).
     */
    private double[] products(int token, int position) {
        double[] sums = new double[hiddenSize];
        float[] embedding = embeddings[token];
        int offset = position * embeddingSize;
        for (int e = 0; e < embedding.length; e++) {
            double x = embedding[e];
            double[] weights = hiddenWeightsByInput[offset + e];
            for (int h = 0; h < sums.length; h++) {
                sums[h] += (float) (x * weights[h]); // a float product is exact in double, then rounded as fmul
            }
        }
        return sums;
    }

    /** The listed pair's products, as CoreNLP precomputes them; computed once, by any thread that first needs them. */
    private double[] precomputed(int index) {
        double[] row = precomputed.get(index);
        if (row == null) {
            int key = precomputedKeys[index];
            row = products(key / numTokens, key % numTokens);
            precomputed.set(index, row);
        }
        return row;
    }

    /**
     * The listed pair's products in single precision. Their double-precision sums are not kept: most pairs are never
     * part of a near tie.
     */
    private float[] precomputedSingle(int index) {
        float[] row = precomputedSingle.get(index);
        if (row == null) {
            int key = precomputedKeys[index];
            row = single(products(key / numTokens, key % numTokens));
            precomputedSingle.set(index, row);
        }
        return row;
    }

    /** The precomputed products in double precision, in the order of the model's list (for tests). */
    double[][] precomputedProducts() {
        double[][] rows = new double[precomputedKeys.length][];
        Arrays.setAll(rows, this::precomputed);
        return rows;
    }

    private static float[] single(double[] row) {
        float[] out = new float[row.length];
        for (int h = 0; h < row.length; h++) {
            out[h] = (float) row[h];
        }
        return out;
    }

    private static double[][] transpose(float[][] matrix) {
        double[][] transposed = new double[matrix[0].length][matrix.length];
        for (int i = 0; i < matrix.length; i++) {
            for (int j = 0; j < matrix[i].length; j++) {
                transposed[j][i] = matrix[i][j];
            }
        }
        return transposed;
    }

    private static float[][] single(double[][] matrix) {
        float[][] out = new float[matrix.length][];
        for (int i = 0; i < matrix.length; i++) {
            out[i] = new float[matrix[i].length];
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = (float) matrix[i][j];
            }
        }
        return out;
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }

    /** The parse of one sentence (tokens with POS tags), as {@code DependencyParser.predict} builds it. */
    GrammaticalStructure parse(CoreMap sentence) {
        Configuration c = system.initialConfiguration(sentence);
        Buffers buffers = new Buffers(new int[numTokens], new double[hiddenSize], new double[transitions.length],
                new float[hiddenSize], new float[transitions.length]);
        while (!system.isTerminal(c)) {
            if (Thread.interrupted()) {
                throw new RuntimeInterruptedException();
            }
            apply(c, c.getStackSize() <= 2 ? onlyMove(c) : bestMove(c, buffers));
        }
        return structure(sentence, c);
    }

    /**
     * With the root and at most one word on the stack, arc-standard allows one move (shift, or the root arc once
     * the buffer is empty), so CoreNLP's choice among the allowed moves needs no scores.
     */
    private int onlyMove(Configuration c) {
        for (int t = 0; t < transitions.length; t++) {
            if (canApply(c, t)) {
                return t;
            }
        }
        throw new IllegalStateException("no transition applies to a non-terminal configuration");
    }

    /**
     * The allowed move the model scores highest, as {@code DependencyParser.predict} chooses it: on single-precision
     * scores (half the memory traffic, twice the vector width), or on double-precision ones when the two best are
     * within {@link #NEAR_TIE} of each other.
     */
    private int bestMove(Configuration c, Buffers b) {
        List<Integer> list = parser.getFeatures(c);
        for (int f = 0; f < numTokens; f++) {
            b.features()[f] = list.get(f);
        }
        scoreSingle(b.features(), b.hiddenSingle(), b.scoresSingle());
        int best = -1;
        int second = -1;
        for (int t = 0; t < transitions.length; t++) {
            if (!canApply(c, t)) {
                continue;
            }
            if (best < 0 || b.scoresSingle()[t] > b.scoresSingle()[best]) {
                second = best;
                best = t;
            } else if (second < 0 || b.scoresSingle()[t] > b.scoresSingle()[second]) {
                second = t;
            }
        }
        if (second < 0 || b.scoresSingle()[best] - b.scoresSingle()[second] >= NEAR_TIE) {
            return best;
        }
        score(b.features(), b.hidden(), b.scores());
        best = -1;
        for (int t = 0; t < transitions.length; t++) {
            if ((best < 0 || b.scores()[t] > b.scores()[best]) && canApply(c, t)) {
                best = t;
            }
        }
        return best;
    }

    /** {@link #score} in single precision. */
    private void scoreSingle(int[] features, float[] hidden, float[] scores) {
        Arrays.fill(hidden, 0);
        for (int j = 0; j < features.length; j++) {
            int key = features[j] * numTokens + j;
            int index = precomputedIndex[key];
            float[] row = index >= 0 ? precomputedSingle(index) : slice(key, features[j], j);
            for (int h = 0; h < hidden.length; h++) {
                hidden[h] += row[h];
            }
        }
        for (int h = 0; h < hidden.length; h++) {
            float x = hidden[h] + hiddenBias[h];
            hidden[h] = x * x * x;
        }
        Arrays.fill(scores, 0);
        for (int h = 0; h < hidden.length; h++) {
            float activation = hidden[h];
            float[] weights = outputWeightsByUnitSingle[h];
            for (int t = 0; t < scores.length; t++) {
                scores[t] += activation * weights[t];
            }
        }
    }

    private void score(int[] features, double[] hidden, double[] scores) {
        Arrays.fill(hidden, 0);
        for (int j = 0; j < features.length; j++) {
            int key = features[j] * numTokens + j;
            int index = precomputedIndex[key];
            if (index >= 0) {
                double[] saved = precomputed(index);
                for (int h = 0; h < hidden.length; h++) {
                    hidden[h] += saved[h];
                }
            } else {
                float[] slice = slice(key, features[j], j);
                for (int h = 0; h < hidden.length; h++) {
                    hidden[h] += slice[h];
                }
            }
        }
        for (int h = 0; h < hidden.length; h++) {
            double x = hidden[h] + hiddenBias[h];
            hidden[h] = x * x * x;
        }
        Arrays.fill(scores, 0);
        for (int h = 0; h < hidden.length; h++) { // by unit, so the loop over transitions is vectorised
            double activation = hidden[h];
            double[] weights = outputWeightsByUnit[h];
            for (int t = 0; t < scores.length; t++) {
                scores[t] += activation * weights[t];
            }
        }
    }

    private float[] slice(int key, int token, int position) {
        int slot = (key * 0x9E3779B9 >>> 14) & (CACHE_SLOTS - 1);
        Slice cached = cache.get(slot);
        if (cached != null && cached.key == key) {
            return cached.values;
        }
        double[] sums = new double[hiddenSize];
        float[] embedding = embeddings[token];
        int offset = position * embeddingSize;
        for (int e = 0; e < embedding.length; e++) { // by input column, so the loop over units is vectorised
            double x = embedding[e];
            double[] weights = hiddenWeightsByInput[offset + e];
            for (int h = 0; h < sums.length; h++) {
                sums[h] += x * weights[h];
            }
        }
        float[] values = new float[hiddenSize];
        for (int h = 0; h < values.length; h++) {
            values[h] = (float) sums[h];
        }
        cache.set(slot, new Slice(key, values));
        return values;
    }

    /** {@code ArcStandard.canApply} without its string parsing per call. */
    private boolean canApply(Configuration c, int t) {
        if (leftArc[t] || rightArc[t]) {
            int head = leftArc[t] ? c.getStack(0) : c.getStack(1);
            if (head < 0 || head == 0 && !rootLabel[t] || head > 0 && rootLabel[t]) {
                return false;
            }
        }
        int stack = c.getStackSize();
        if (leftArc[t]) {
            return stack > 2;
        }
        if (rightArc[t]) {
            return stack > 2 || stack == 2 && c.getBufferSize() == 0; // single root
        }
        return c.getBufferSize() > 0;
    }

    private void apply(Configuration c, int t) {
        int w1 = c.getStack(1);
        int w2 = c.getStack(0);
        if (leftArc[t]) {
            c.addArc(w2, w1, labels[t]);
            c.removeSecondTopStack();
        } else if (rightArc[t]) {
            c.addArc(w1, w2, labels[t]);
            c.removeTopStack();
        } else {
            c.shift();
        }
    }

    private static GrammaticalStructure structure(CoreMap sentence, Configuration c) {
        List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
        List<TypedDependency> dependencies = new ArrayList<>(tokens.size());
        IndexedWord root = new IndexedWord(new Word("ROOT"));
        root.set(CoreAnnotations.IndexAnnotation.class, 0);
        for (int i = 1; i <= tokens.size(); i++) {
            int head = c.getHead(i);
            String label = c.getLabel(i);
            IndexedWord word = new IndexedWord(tokens.get(i - 1));
            IndexedWord headWord = head == 0 ? root : new IndexedWord(tokens.get(head - 1));
            GrammaticalRelation relation = head == 0 ? GrammaticalRelation.ROOT : relation(label);
            dependencies.add(new TypedDependency(relation, headWord, word));
        }
        return new UniversalEnglishGrammaticalStructure(dependencies, new TreeGraphNode(root));
    }

    private static GrammaticalRelation relation(String label) {
        GrammaticalRelation known = UniversalEnglishGrammaticalRelations.shortNameToGRel.get(label);
        return known != null ? known
                : new GrammaticalRelation(Language.UniversalEnglish, label, null, GrammaticalRelation.DEPENDENT);
    }
}
