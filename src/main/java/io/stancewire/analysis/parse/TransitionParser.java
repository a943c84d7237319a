package io.stancewire.analysis.parse;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReferenceArray;

import edu.stanford.nlp.international.Language;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.ling.Word;
import edu.stanford.nlp.parser.nndep.ArcStandard;
import edu.stanford.nlp.parser.nndep.Classifier;
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
 * faster scorer, since the parse is most of the analysis time. CoreNLP's {@code DependencyParser.predict} spends it
 * in two places: hidden-layer products of word/position pairs that it has not precomputed, kept in a 5,000-entry
 * LRU cache behind one lock, and the output layer, a dot product per transition that the JIT cannot vectorise.
 * Here the precomputed products are looked up in a dense array, the others are kept in a lock-free direct-mapped
 * cache, and the output layer runs with four accumulators. Same model, same features, same decisions (up to
 * floating-point rounding in near ties; {@code TransitionParserTest} compares both parsers).
 */
final class TransitionParser {

    private static final int CACHE_SLOTS = 1 << 18;

    private record Slice(int key, float[] values) {
    }

    private final DependencyParser parser;
    private final ArcStandard system;
    private final float[][] embeddings;
    private final float[][] hiddenWeights;
    private final float[] hiddenBias;
    private final float[][] outputWeights;
    private final int numTokens;
    private final int embeddingSize;
    private final int[] precomputedIndex;
    private final double[][] precomputed;
    private final AtomicReferenceArray<Slice> cache = new AtomicReferenceArray<>(CACHE_SLOTS);
    private final String[] transitions;
    private final boolean[] leftArc;
    private final boolean[] rightArc;
    private final String[] labels;
    private final boolean[] rootLabel;

    TransitionParser(DependencyParser parser) {
        this.parser = parser;
        try {
            Classifier classifier = (Classifier) field(DependencyParser.class, "classifier").get(parser);
            this.system = (ArcStandard) field(DependencyParser.class, "system").get(parser);
            this.embeddings = classifier.getE();
            this.hiddenWeights = classifier.getW1();
            this.hiddenBias = classifier.getb1();
            this.outputWeights = classifier.getW2();
            this.embeddingSize = embeddings[0].length;
            this.numTokens = hiddenWeights[0].length / embeddingSize;
            @SuppressWarnings("unchecked")
            Map<Integer, Integer> preMap = (Map<Integer, Integer>) field(Classifier.class, "preMap").get(classifier);
            this.precomputed = (double[][]) field(Classifier.class, "saved").get(classifier);
            this.precomputedIndex = new int[embeddings.length * numTokens];
            Arrays.fill(precomputedIndex, -1);
            preMap.forEach((key, index) -> precomputedIndex[key] = index);
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

    static TransitionParser load(Properties properties) {
        return new TransitionParser(DependencyParser.loadFromModelFile(DependencyParser.DEFAULT_MODEL, properties));
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }

    /** The parse of one sentence (tokens with POS tags), as {@code DependencyParser.predict} builds it. */
    GrammaticalStructure parse(CoreMap sentence) {
        Configuration c = system.initialConfiguration(sentence);
        int[] features = new int[numTokens];
        double[] hidden = new double[hiddenBias.length];
        double[] scores = new double[transitions.length];
        while (!system.isTerminal(c)) {
            if (Thread.interrupted()) {
                throw new RuntimeInterruptedException();
            }
            List<Integer> list = parser.getFeatures(c);
            for (int f = 0; f < numTokens; f++) {
                features[f] = list.get(f);
            }
            score(features, hidden, scores);
            int best = -1;
            for (int t = 0; t < transitions.length; t++) {
                if ((best < 0 || scores[t] > scores[best]) && canApply(c, t)) {
                    best = t;
                }
            }
            apply(c, best);
        }
        return structure(sentence, c);
    }

    private void score(int[] features, double[] hidden, double[] scores) {
        Arrays.fill(hidden, 0);
        for (int j = 0; j < features.length; j++) {
            int key = features[j] * numTokens + j;
            int index = precomputedIndex[key];
            if (index >= 0) {
                double[] saved = precomputed[index];
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
        for (int t = 0; t < scores.length; t++) {
            scores[t] = dot(hidden, outputWeights[t]);
        }
    }

    private float[] slice(int key, int token, int position) {
        int slot = (key * 0x9E3779B9 >>> 14) & (CACHE_SLOTS - 1);
        Slice cached = cache.get(slot);
        if (cached != null && cached.key == key) {
            return cached.values;
        }
        float[] values = new float[hiddenWeights.length];
        float[] embedding = embeddings[token];
        int offset = position * embeddingSize;
        for (int h = 0; h < values.length; h++) {
            float[] row = hiddenWeights[h];
            double sum = 0;
            for (int e = 0; e < embedding.length; e++) {
                sum += row[offset + e] * embedding[e];
            }
            values[h] = (float) sum;
        }
        cache.set(slot, new Slice(key, values));
        return values;
    }

    private static double dot(double[] a, float[] b) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < a.length; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < a.length; i++) {
            s0 += a[i] * b[i];
        }
        return s0 + s1 + s2 + s3;
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
