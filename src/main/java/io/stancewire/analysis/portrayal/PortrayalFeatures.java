package io.stancewire.analysis.portrayal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.stancewire.analysis.lexicons.OpinionLexicon;
import io.stancewire.analysis.lexicons.SpeechVerbs;
import io.stancewire.analysis.lexicons.ToneLexicon;
import io.stancewire.analysis.lexicons.TsvResource;

/**
 * Features for target-dependent sentiment: how does a sentence portray the person at {@code [start, end)}? The one
 * extractor behind both the training of {@link PortrayalModel} ({@code TrainPortrayal}) and its inference. Plain
 * Java, no parse: a light tokenizer, the target masked as {@code <t>}, words by side and distance, the target's
 * clause, negation scopes, quotation and speech verbs, and the opinion and tone lexicons.
 */
public final class PortrayalFeatures {

    static final String TARGET = "<t>";
    static final String ENTITY = "<e>";
    static final String QUOTE = "\"";

    private static final Map<String, Double> OPINION = new HashMap<>();
    private static final Map<String, Double> TONE = new HashMap<>();
    private static final Set<String> SPEECH = new HashSet<>();
    private static final Set<String> KNOWN = new HashSet<>();
    private static final String FINGERPRINT;

    static {
        for (String[] row : TsvResource.read(OpinionLexicon.RESOURCE, 2)) {
            OPINION.put(row[0], Double.parseDouble(row[1]));
        }
        for (String[] row : TsvResource.read(ToneLexicon.RESOURCE, 4)) {
            if (row[1].equals("-") || row[1].isEmpty()) {
                TONE.merge(row[0], Double.parseDouble(row[2]), (a, b) -> Math.abs(a) >= Math.abs(b) ? a : b);
            }
        }
        for (String[] row : TsvResource.read(SpeechVerbs.RESOURCE, 2)) {
            SPEECH.add(row[0]);
        }
        FINGERPRINT = fingerprint();
        KNOWN.addAll(OPINION.keySet());
        KNOWN.addAll(TONE.keySet());
        KNOWN.addAll(SPEECH);
    }

    private static final Map<String, String> IRREGULAR = Map.ofEntries(Map.entry("said", "say"),
            Map.entry("told", "tell"), Map.entry("wrote", "write"), Map.entry("written", "write"),
            Map.entry("thought", "think"), Map.entry("felt", "feel"), Map.entry("knew", "know"),
            Map.entry("known", "know"), Map.entry("found", "find"), Map.entry("understood", "understand"),
            Map.entry("read", "read"), Map.entry("spoke", "speak"), Map.entry("spoken", "speak"),
            Map.entry("fought", "fight"), Map.entry("lost", "lose"), Map.entry("won", "win"),
            Map.entry("led", "lead"), Map.entry("hit", "hit"), Map.entry("struck", "strike"),
            Map.entry("stole", "steal"), Map.entry("stolen", "steal"), Map.entry("lied", "lie"),
            Map.entry("lies", "lie"), Map.entry("fell", "fall"), Map.entry("fallen", "fall"),
            Map.entry("broke", "break"), Map.entry("broken", "break"), Map.entry("betrayed", "betray"),
            Map.entry("forgave", "forgive"), Map.entry("forgiven", "forgive"), Map.entry("sought", "seek"),
            Map.entry("brought", "bring"), Map.entry("taught", "teach"), Map.entry("held", "hold"),
            Map.entry("threw", "throw"), Map.entry("thrown", "throw"), Map.entry("gave", "give"),
            Map.entry("given", "give"), Map.entry("took", "take"), Map.entry("taken", "take"),
            Map.entry("made", "make"), Map.entry("better", "better"), Map.entry("best", "best"),
            Map.entry("worse", "worse"), Map.entry("worst", "worst"), Map.entry("n't", "not"));

    static final Set<String> NEGATORS = Set.of("not", "n't", "never", "no", "without", "neither", "nor", "nothing",
            "nobody", "none", "hardly", "barely", "cannot", "lack", "lacks", "lacked", "fail", "fails", "failed",
            "refused", "refuses", "refuse");
    /** Words that end a clause when looking for the target's own clause. */
    private static final Set<String> CLAUSE_WORDS = Set.of("but", "while", "although", "though", "whereas",
            "however", "because", "yet", "despite", "who", "which", "whom", "whose", "after", "before", "when",
            "if", "unless", "since", "as");
    private static final Set<String> PRONOUNS = Set.of("he", "she", "him", "her", "his", "hers", "they", "them",
            "their", "i", "me", "my", "we", "us", "our", "you", "your", "himself", "herself", "it", "its");
    private static final Set<String> POSSESSIVES = Set.of("his", "her", "their", "my", "our", "your", "its");

    private PortrayalFeatures() {
    }

    /**
     * A digest of the lexicon entries the features read (opinion, tone heads, speech verbs). The model file records
     * the digest it was trained with: when a lexicon changes, the model must be retrained
     * ({@code scripts/train-portrayal}).
     */
    public static String lexiconFingerprint() {
        return FINGERPRINT;
    }

    private static String fingerprint() {
        StringBuilder s = new StringBuilder();
        new TreeMap<>(OPINION).forEach((k, v) -> s.append("o\t").append(k).append('\t').append(v).append('\n'));
        new TreeMap<>(TONE).forEach((k, v) -> s.append("t\t").append(k).append('\t').append(v).append('\n'));
        new TreeSet<>(SPEECH).forEach(k -> s.append("s\t").append(k).append('\n'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token: its lower-cased form, its lemma guess, where it is, whether it is capitalised. */
    record Token(String text, String lower, String lemma, int start, int end, boolean capitalised, boolean word) {
    }

    /**
     * The features of the target at {@code [targetStart, targetEnd)} (UTF-16 offsets) in {@code sentence}: a map of
     * feature name to value, most of them 1.
     */
    public static Map<String, Double> extract(String sentence, int targetStart, int targetEnd) {
        List<Token> raw = tokenize(sentence);
        Map<String, Double> f = new TreeMap<>();
        if (raw.isEmpty()) {
            f.put("x:empty", 1.0);
            return f;
        }
        // the masked sequence: the target's tokens become one <t>
        int first = -1;
        int last = -1;
        for (int i = 0; i < raw.size(); i++) {
            Token t = raw.get(i);
            if (t.end() > targetStart && t.start() < targetEnd) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        if (first < 0) {
            first = nearest(raw, targetStart);
            last = first;
        }
        int from = Math.max(0, Math.min(targetStart, sentence.length()));
        int to = Math.max(from, Math.min(targetEnd, sentence.length()));
        String mention = sentence.substring(from, to).toLowerCase(Locale.ROOT).trim();
        List<Token> toks = new ArrayList<>();
        for (int i = 0; i < first; i++) {
            toks.add(raw.get(i));
        }
        int t = toks.size();
        toks.add(new Token(TARGET, TARGET, TARGET, raw.get(first).start(), raw.get(last).end(), true, true));
        for (int i = last + 1; i < raw.size(); i++) {
            toks.add(raw.get(i));
        }
        int n = toks.size();
        String[] w = new String[n];
        for (int i = 0; i < n; i++) {
            w[i] = form(toks, i);
        }

        // target form
        if (PRONOUNS.contains(mention)) {
            f.put("t:pron", 1.0);
            if (POSSESSIVES.contains(mention)) {
                f.put("t:poss", 1.0);
            }
        } else {
            f.put("t:name", 1.0);
        }
        if (t + 1 < n && (w[t + 1].equals("'s") || w[t + 1].equals("'"))) {
            f.put("t:poss", 1.0);
        }
        if (t == 0 || (t == 1 && !toks.get(0).word())) {
            f.put("t:initial", 1.0);
        }
        f.put("t:relpos:" + (int) Math.min(4, 5.0 * t / n), 1.0);
        f.put("len:" + bucket(n, 10, 20, 30, 45), 1.0);

        // bag of words and bigrams, masked
        for (int i = 0; i < n; i++) {
            if (i != t && toks.get(i).word()) {
                f.put("u:" + w[i], 1.0);
            }
            if (i + 1 < n) {
                f.put("b:" + w[i] + "_" + w[i + 1], 1.0);
            }
        }
        // words by side and distance from the target
        for (int i = 0; i < n; i++) {
            if (i == t) {
                continue;
            }
            int d = Math.abs(i - t);
            String side = i < t ? "L" : "R";
            String zone = d <= 3 ? side + "1" : d <= 8 ? side + "2" : "F";
            f.put(zone + ":" + w[i], 1.0);
            if (d <= 2 && i + 1 < n && i + 1 != t && Math.abs(i + 1 - t) <= 3) {
                f.put(side + "b:" + w[i] + "_" + w[i + 1], 1.0);
            }
        }
        // the target's clause
        int cs = t;
        while (cs > 0 && !boundary(toks, cs - 1)) {
            cs--;
        }
        int ce = t;
        while (ce + 1 < n && !boundary(toks, ce + 1)) {
            ce++;
        }
        for (int i = cs; i <= ce; i++) {
            if (i != t && toks.get(i).word()) {
                f.put("c:" + w[i], 1.0);
            }
        }
        f.put("c:len:" + bucket(ce - cs + 1, 3, 6, 10, 16), 1.0);

        // quotation and speech
        boolean[] quoted = quoted(toks);
        boolean anyQuote = false;
        for (Token tok : toks) {
            if (tok.text().equals(QUOTE)) {
                anyQuote = true;
                break;
            }
        }
        if (anyQuote) {
            f.put("q:any", 1.0);
        }
        if (quoted[t]) {
            f.put("q:in", 1.0);
        }
        boolean speaker = false;
        for (int i = t + 1; i < n && i <= t + 3; i++) {
            if (SPEECH.contains(toks.get(i).lemma())) {
                speaker = true;
                f.put("spk:R:" + toks.get(i).lemma(), 1.0);
                break;
            }
        }
        if (t >= 2 && w[t - 2].equals("according") && w[t - 1].equals("to")) {
            speaker = true;
            f.put("spk:acc", 1.0);
        }
        if (t >= 1 && t + 1 < n && SPEECH.contains(toks.get(t + 1).lemma()) && w[t - 1].equals(QUOTE)) {
            speaker = true;
        }
        if (speaker) {
            f.put("spk:any", 1.0);
            if (anyQuote) {
                f.put("spk:q", 1.0);
            }
        }
        for (int i = Math.max(0, t - 3); i < t; i++) {
            if (SPEECH.contains(toks.get(i).lemma())) {
                f.put("spk:L:" + toks.get(i).lemma(), 1.0);
            }
        }

        // negation scopes: a negator covers the next words up to 3, within its clause
        boolean[] negated = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (NEGATORS.contains(w[i])) {
                for (int j = i + 1; j < n && j <= i + 3 && !boundary(toks, j); j++) {
                    negated[j] = true;
                    if (j != t && toks.get(j).word()) {
                        f.put("neg:" + w[j], 1.0);
                    }
                }
                if (Math.abs(i - t) <= 5) {
                    f.put("neg:near", 1.0);
                }
            }
        }

        // lexicons
        double[] sentence3 = new double[4]; // pos, neg, negated pos, negated neg
        double[] window = new double[4];
        double[] clause = new double[4];
        double[] quote = new double[4];
        double toneSum = 0;
        double toneWindow = 0;
        int nearestDist = Integer.MAX_VALUE;
        String nearest = null;
        for (int i = 0; i < n; i++) {
            if (i == t) {
                continue;
            }
            String lemma = toks.get(i).lemma();
            double p = OPINION.getOrDefault(lemma, 0.0);
            double tone = TONE.getOrDefault(lemma, 0.0);
            int d = Math.abs(i - t);
            if (tone != 0) {
                toneSum += negated[i] ? -0.5 * tone : tone;
                if (d <= 6) {
                    toneWindow += negated[i] ? -0.5 * tone : tone;
                    f.put("tn:" + (i < t ? "L" : "R") + ":" + (tone > 0 ? "+" : "-"), 1.0);
                }
            }
            if (p == 0) {
                continue;
            }
            int k = (p > 0 ? 0 : 1) + (negated[i] ? 2 : 0);
            double a = Math.abs(p);
            sentence3[k] += a;
            if (d <= 6) {
                window[k] += a;
            }
            if (i >= cs && i <= ce) {
                clause[k] += a;
            }
            if (quoted[i]) {
                quote[k] += a;
            }
            if (d < nearestDist) {
                nearestDist = d;
                boolean positive = (p > 0) != negated[i];
                boolean between = false;
                for (int j = Math.min(i, t) + 1; j < Math.max(i, t); j++) {
                    if (boundary(toks, j)) {
                        between = true;
                        break;
                    }
                }
                nearest = (positive ? "+" : "-") + (i < t ? "L" : "R") + bucket(d, 1, 3, 6, 10)
                        + (between ? "x" : "");
            }
            f.put("lx:" + lemma + (negated[i] ? ":neg" : ""), 1.0);
            // opinion mass by sign (after negation), side, distance zone, and whether in the target's clause
            String sign = (p > 0) != negated[i] ? "+" : "-";
            String zone = d <= 3 ? "1" : d <= 8 ? "2" : "3";
            f.merge("lxs:" + sign + (i < t ? "L" : "R") + zone + (i >= cs && i <= ce ? "c" : ""), a, Double::sum);
        }
        if (nearest != null) {
            f.put("lx:nearest:" + nearest, 1.0);
        }
        lexicon(f, "ls", sentence3);
        lexicon(f, "lw", window);
        lexicon(f, "lc", clause);
        if (speaker) {
            lexicon(f, "lq-spk", quote);
        } else if (!quoted[t]) {
            lexicon(f, "lq", quote);
        }
        if (toneSum != 0) {
            f.put("tn:s:" + (toneSum > 0 ? "+" : "-"), Math.min(2, Math.abs(toneSum)));
        }
        if (toneWindow != 0) {
            f.put("tn:w:" + (toneWindow > 0 ? "+" : "-"), Math.min(2, Math.abs(toneWindow)));
        }
        return f;
    }

    private static void lexicon(Map<String, Double> f, String name, double[] sums) {
        double pos = sums[0] + 0.5 * sums[3];
        double neg = sums[1] + 0.5 * sums[2];
        if (pos > 0) {
            f.put(name + ":+", Math.min(3, pos));
            f.put(name + ":+" + bucket(pos, 0.5, 1, 2, 3), 1.0);
        }
        if (neg > 0) {
            f.put(name + ":-", Math.min(3, neg));
            f.put(name + ":-" + bucket(neg, 0.5, 1, 2, 3), 1.0);
        }
        double net = pos - neg;
        f.put(name + ":net" + (net > 0.3 ? "+" : net < -0.3 ? "-" : "0"), 1.0);
    }

    private static int bucket(double value, double... limits) {
        int b = 0;
        while (b < limits.length && value > limits[b]) {
            b++;
        }
        return b;
    }

    private static int nearest(List<Token> tokens, int offset) {
        int best = 0;
        int bestDistance = Integer.MAX_VALUE;
        for (int i = 0; i < tokens.size(); i++) {
            int d = Math.abs(tokens.get(i).start() - offset);
            if (d < bestDistance) {
                best = i;
                bestDistance = d;
            }
        }
        return best;
    }

    /**
     * The feature form of a token: lower-cased; a capitalised word that is not the sentence's first, not a lexicon
     * word and not a common function word is taken for a name and masked as {@code <e>}, so that the model learns
     * contexts, not the reputation of the people it saw in training.
     */
    private static String form(List<Token> tokens, int i) {
        Token tok = tokens.get(i);
        if (tok.capitalised() && i > 0 && !tok.text().equals(TARGET) && !KNOWN.contains(tok.lemma())
                && !COMMON.contains(tok.lower())) {
            return ENTITY;
        }
        return tok.lower();
    }

    /** Capitalised at the start of a clause or quote, not names. */
    private static final Set<String> COMMON = Set.of("the", "a", "an", "in", "on", "but", "and", "he", "she", "it",
            "they", "i", "we", "this", "that", "his", "her", "as", "at", "for", "if", "when", "after", "while");

    private static boolean boundary(List<Token> tokens, int i) {
        Token tok = tokens.get(i);
        if (!tok.word()) {
            return switch (tok.text()) {
                case ",", ";", ":", "(", ")", "\"", "—", "–", "-", "--", ".", "?", "!" -> true;
                default -> false;
            };
        }
        return CLAUSE_WORDS.contains(tok.lower());
    }

    /** Which tokens sit inside quotation marks. */
    private static boolean[] quoted(List<Token> tokens) {
        boolean[] in = new boolean[tokens.size()];
        int open = -1;
        for (int i = 0; i < tokens.size(); i++) {
            Token tok = tokens.get(i);
            if (tok.text().equals(QUOTE)) {
                if (open < 0) {
                    open = i;
                } else {
                    for (int j = open + 1; j < i; j++) {
                        in[j] = true;
                    }
                    open = -1;
                }
            }
        }
        if (open >= 0 && open < 2) {
            // an opening mark at the start with no close: the sentence is a quote running on
            for (int j = open + 1; j < tokens.size(); j++) {
                in[j] = true;
            }
        }
        return in;
    }

    /** Words (letters and digits, inner apostrophes and hyphens), "n't" and "'s" split off, other marks alone. */
    static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int len = s.length();
        while (i < len) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (Character.isLetterOrDigit(c)) {
                int j = i + 1;
                while (j < len) {
                    char d = s.charAt(j);
                    if (Character.isLetterOrDigit(d)) {
                        j++;
                    } else if ((d == '\'' || d == '’' || d == '-' || d == '.' && Character.isDigit(s.charAt(j - 1)))
                            && j + 1 < len && Character.isLetterOrDigit(s.charAt(j + 1))) {
                        j += 2;
                    } else {
                        break;
                    }
                }
                String word = s.substring(i, j);
                String lower = word.toLowerCase(Locale.ROOT).replace('’', '\'');
                if (lower.endsWith("n't") && lower.length() > 3) {
                    addWord(out, word.substring(0, word.length() - 3), i, j - 3);
                    addWord(out, word.substring(word.length() - 3), j - 3, j);
                } else if (lower.endsWith("'s") && lower.length() > 2) {
                    addWord(out, word.substring(0, word.length() - 2), i, j - 2);
                    out.add(new Token("'s", "'s", "'s", j - 2, j, false, false));
                } else {
                    addWord(out, word, i, j);
                }
                i = j;
                continue;
            }
            String mark = String.valueOf(c);
            switch (c) {
                case '“', '”', '"', '«', '»', '„' -> mark = QUOTE;
                case '‘' -> mark = QUOTE;
                case '’', '\'' -> {
                    boolean afterWord = i > 0 && Character.isLetterOrDigit(s.charAt(i - 1));
                    boolean beforeWord = i + 1 < len && Character.isLetterOrDigit(s.charAt(i + 1));
                    mark = afterWord && !beforeWord && i + 1 < len && s.charAt(i + 1) != ' ' ? "'" : QUOTE;
                    if (afterWord && (i + 1 >= len || s.charAt(i + 1) == ' ')) {
                        mark = "'"; // plural possessive or a closing single quote
                    }
                }
                default -> {
                }
            }
            if (c == '.' && i + 2 < len && s.charAt(i + 1) == '.' && s.charAt(i + 2) == '.') {
                out.add(new Token("...", "...", "...", i, i + 3, false, false));
                i += 3;
                continue;
            }
            out.add(new Token(mark, mark, mark, i, i + 1, false, false));
            i++;
        }
        return out;
    }

    private static void addWord(List<Token> out, String word, int start, int end) {
        String lower = word.toLowerCase(Locale.ROOT).replace('’', '\'');
        boolean capitalised = Character.isUpperCase(word.charAt(0));
        out.add(new Token(word, lower, lemma(lower), start, end, capitalised, true));
    }

    /** A lemma guess: irregular forms, then simple suffixes, checked against the lexicons' lemmas. */
    static String lemma(String lower) {
        String irregular = IRREGULAR.get(lower);
        if (irregular != null) {
            return irregular;
        }
        if (KNOWN.contains(lower)) {
            return lower;
        }
        int n = lower.length();
        List<String> candidates = new ArrayList<>(6);
        if (lower.endsWith("ies") && n > 4) {
            candidates.add(lower.substring(0, n - 3) + "y");
        }
        if (lower.endsWith("ied") && n > 4) {
            candidates.add(lower.substring(0, n - 3) + "y");
        }
        if (lower.endsWith("es") && n > 3) {
            candidates.add(lower.substring(0, n - 2));
        }
        if (lower.endsWith("s") && !lower.endsWith("ss") && n > 3) {
            candidates.add(lower.substring(0, n - 1));
        }
        if (lower.endsWith("ed") && n > 4) {
            String stem = lower.substring(0, n - 2);
            candidates.add(stem + "e");
            candidates.add(stem);
            if (stem.length() > 2 && stem.charAt(stem.length() - 1) == stem.charAt(stem.length() - 2)) {
                candidates.add(stem.substring(0, stem.length() - 1));
            }
        }
        if (lower.endsWith("ing") && n > 5) {
            String stem = lower.substring(0, n - 3);
            candidates.add(stem);
            candidates.add(stem + "e");
            if (stem.length() > 2 && stem.charAt(stem.length() - 1) == stem.charAt(stem.length() - 2)) {
                candidates.add(stem.substring(0, stem.length() - 1));
            }
        }
        if (lower.endsWith("ily") && n > 5) {
            candidates.add(lower.substring(0, n - 3) + "y");
        }
        if (lower.endsWith("ly") && n > 4) {
            candidates.add(lower.substring(0, n - 2));
        }
        for (String candidate : candidates) {
            if (KNOWN.contains(candidate)) {
                return candidate;
            }
        }
        return lower;
    }
}
