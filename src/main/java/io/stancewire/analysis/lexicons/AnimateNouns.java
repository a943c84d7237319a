package io.stancewire.analysis.lexicons;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Common nouns that denote people ("judge", "narrator", "friend", "spokeswoman"), from the animacy list of CoreNLP's
 * deterministic coreference in its models jar (Ji and Lin, 2009): the 13,700 lower-case entries of
 * {@code animate.unigrams.txt}. Words it calls animate that name a body of people ("party", "family") are the
 * caller's to set apart.
 */
public final class AnimateNouns {

    private static final String RESOURCE = "edu/stanford/nlp/models/dcoref/animate.unigrams.txt";

    private final Set<String> nouns;

    private AnimateNouns(Set<String> nouns) {
        this.nouns = nouns;
    }

    public static AnimateNouns load() {
        return new AnimateNouns(TsvResource.read(RESOURCE, 1).stream().map(row -> row[0])
                .filter(word -> word.chars().allMatch(c -> Character.isLowerCase(c) || c == '-'))
                .collect(Collectors.toUnmodifiableSet()));
    }

    /** Whether the lemma of a common noun denotes a person. */
    public boolean isPerson(String lemma) {
        return nouns.contains(lemma);
    }
}
