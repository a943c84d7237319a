package io.stancewire.analysis.lexicons;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

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
        Set<String> nouns = new HashSet<>();
        InputStream in = AnimateNouns.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("missing " + RESOURCE + " (CoreNLP models jar)");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String word = line.strip();
                if (!word.isEmpty() && word.chars().allMatch(c -> Character.isLowerCase(c) || c == '-')) {
                    nouns.add(word);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AnimateNouns(Set.copyOf(nouns));
    }

    /** Whether the lemma of a common noun denotes a person. */
    public boolean isPerson(String lemma) {
        return nouns.contains(lemma);
    }
}
