package io.stancewire.analysis.lexicons;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Words that attribute content and the constructions they do it with ({@code analysis/attribution-cues.tsv}),
 * learned from the counts of PolNeAR's train split by {@code scripts/train-cues}: for "say" with a clausal
 * complement, how many of its occurrences were annotated attributions whose content is that complement. A
 * construction is a cue when it was seen often enough and attributes often enough.
 */
public final class AttributionCues {

    public static final String RESOURCE = "analysis/attribution-cues.tsv";
    /** A construction seen fewer times than this says too little. */
    public static final int MIN_OCCURRENCES = 5;
    /**
     * The share of a construction's occurrences that attribute, at and above which it is read as a cue. Chosen on
     * PolNeAR dev: recall 0.609 at precision 0.865; what other shares gave is in docs/quality.md.
     */
    public static final double MIN_SHARE = 0.15;

    /** Part of speech of a cue word. */
    public enum Pos { V, N }

    private final Map<String, double[]> counts = new HashMap<>();
    /** "lemma\tpos" of the words that are a cue in at least one construction. */
    private final Set<String> cueWords = new HashSet<>();

    public AttributionCues() {
        for (String[] row : TsvResource.read(RESOURCE, 5)) {
            counts.put(key(row[0], Pos.valueOf(row[1]), row[2]),
                    new double[] { Double.parseDouble(row[3]), Double.parseDouble(row[4]) });
            if (isCue(row[0], Pos.valueOf(row[1]), row[2])) {
                cueWords.add(row[0] + "\t" + row[1]);
            }
        }
    }

    /** Whether the word is a cue in some construction: a cheap test before its constructions are read. */
    public boolean isCueWord(String lemma, Pos pos) {
        return cueWords.contains(lemma + "\t" + pos);
    }

    /** The share of the occurrences of this construction that attribute; 0 when it was seen too rarely. */
    public double share(String lemma, Pos pos, String construction) {
        double[] count = counts.get(key(lemma, pos, construction));
        return count == null || count[1] < MIN_OCCURRENCES ? 0 : count[0] / count[1];
    }

    public boolean isCue(String lemma, Pos pos, String construction) {
        return share(lemma, pos, construction) >= MIN_SHARE;
    }

    private static String key(String lemma, Pos pos, String construction) {
        return lemma + "\t" + pos + "\t" + construction;
    }
}
