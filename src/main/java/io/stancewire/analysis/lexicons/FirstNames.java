package io.stancewire.analysis.lexicons;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** First names and their usual gender, from the 14,600-name list in CoreNLP's models jar. */
public final class FirstNames {

    public enum Gender { MALE, FEMALE, UNKNOWN }

    private static final String RESOURCE = "edu/stanford/nlp/models/dcoref/namegender.combine.txt";

    private final Map<String, Gender> genders;

    private FirstNames(Map<String, Gender> genders) {
        this.genders = genders;
    }

    public static FirstNames load() {
        Map<String, Gender> names = new HashMap<>();
        InputStream in = FirstNames.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("missing " + RESOURCE + " (CoreNLP models jar)");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String[] cols = line.split("\t");
                if (cols.length == 2) {
                    names.put(cols[0], switch (cols[1]) {
                        case "MALE" -> Gender.MALE;
                        case "FEMALE" -> Gender.FEMALE;
                        default -> Gender.UNKNOWN;
                    });
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FirstNames(Map.copyOf(names));
    }

    /** The gender of a first name, or null when it is not one. */
    Gender gender(String word) {
        return genders.get(Slug.fold(word));
    }

    /** The gender of a person's full name by its first word ("Peter Strzok"); null for one word or no first name. */
    public Gender ofFullName(String name) {
        String[] parts = name.split("\\s+");
        return parts.length > 1 ? gender(parts[0]) : null;
    }

    public boolean contains(String word) {
        return gender(word) != null;
    }
}
