package io.stancewire.analysis.lexicons;

import java.util.HashMap;
import java.util.Map;

/** Opinion words with a polarity in [-1, 1] ({@code analysis/opinion-lexicon.tsv}), looked up by lemma. */
public final class OpinionLexicon {

    public static final String RESOURCE = "analysis/opinion-lexicon.tsv";

    private final Map<String, Double> polarity = new HashMap<>();

    public OpinionLexicon() {
        for (String[] row : TsvResource.read(RESOURCE, 2)) {
            polarity.put(row[0], Double.parseDouble(row[1]));
        }
    }

    /** The polarity of a lemma, 0 when it carries no opinion. */
    public double polarity(String lemma) {
        return polarity.getOrDefault(lemma, 0.0);
    }

    public int size() {
        return polarity.size();
    }
}
