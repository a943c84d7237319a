package io.stancewire.analysis.lexicons;

import java.util.HashMap;
import java.util.Map;

/** Verbs that attribute words to a speaker ({@code analysis/speech-verbs.tsv}): speech ("say") or cognition ("think"). */
public final class SpeechVerbs {

    public static final String RESOURCE = "analysis/speech-verbs.tsv";

    private final Map<String, String> classes = new HashMap<>();

    public SpeechVerbs() {
        for (String[] row : TsvResource.read(RESOURCE, 2)) {
            classes.put(row[0], row[1]);
        }
    }

    public boolean isSpeech(String lemma) {
        return "speech".equals(classes.get(lemma));
    }

    /** Speech or cognition: either can introduce reported speech. */
    public boolean isReporting(String lemma) {
        return classes.containsKey(lemma);
    }
}
