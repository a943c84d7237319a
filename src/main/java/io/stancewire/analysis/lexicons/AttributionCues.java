package io.stancewire.analysis.lexicons;

import java.util.HashMap;
import java.util.Map;

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
     * The share of a construction's occurrences that attribute, at and above which it is read as a cue: a clause
     * ("said [the plan fails]") or an infinitive is more often content than a noun phrase ("signed [an agreement]"),
     * so the noun-phrase constructions have a threshold of their own. Both 0.15, chosen on PolNeAR dev: recall 0.609
     * at precision 0.865; a noun-phrase threshold of 0.25 gives 0.560 at 0.887 (docs/quality.md).
     */
    public static final double MIN_SHARE = Double.parseDouble(System.getProperty("stancewire.cues.share", "0.15"));
    public static final double MIN_NOMINAL_SHARE = Double.parseDouble(
            System.getProperty("stancewire.cues.nominal-share", "0.15"));

    /** Part of speech of a cue word. */
    public enum Pos { V, N }

    private final Map<String, double[]> counts = new HashMap<>();

    public AttributionCues() {
        for (String[] row : TsvResource.read(RESOURCE, 5)) {
            counts.put(key(row[0], Pos.valueOf(row[1]), row[2]),
                    new double[] { Double.parseDouble(row[3]), Double.parseDouble(row[4]) });
        }
    }

    /** The share of the occurrences of this construction that attribute; 0 when it was seen too rarely. */
    public double share(String lemma, Pos pos, String construction) {
        double[] count = counts.get(key(lemma, pos, construction));
        return count == null || count[1] < MIN_OCCURRENCES ? 0 : count[0] / count[1];
    }

    public boolean isCue(String lemma, Pos pos, String construction) {
        boolean nominal = pos == Pos.N || construction.equals("obj") || construction.startsWith("obl");
        return share(lemma, pos, construction) >= (nominal ? MIN_NOMINAL_SHARE : MIN_SHARE);
    }

    private static String key(String lemma, Pos pos, String construction) {
        return lemma + "\t" + pos + "\t" + construction;
    }
}
