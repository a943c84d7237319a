package io.stancewire.analysis.lexicons;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Place adjectives and the places they name ("Haitian" Haiti, "Spanish" Spain, "Argentine" Argentina), from the
 * list of adjectival forms of place names in CoreNLP's models jar (its deterministic coreference). Loaded once per
 * JVM.
 */
public final class Demonyms {

    private static final String RESOURCE = "edu/stanford/nlp/models/dcoref/demonyms.txt";

    private static final class Loaded {
        static final Demonyms SHARED = load();
    }

    private final Map<String, String> places;

    private Demonyms(Map<String, String> places) {
        this.places = places;
    }

    public static Demonyms shared() {
        return Loaded.SHARED;
    }

    private static Demonyms load() {
        Map<String, String> places = new HashMap<>();
        InputStream in = Demonyms.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("missing " + RESOURCE + " (CoreNLP models jar)");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                for (int i = 1; i < columns.length; i++) {
                    if (!columns[i].isBlank()) {
                        places.putIfAbsent(Slug.fold(columns[i]), columns[0].trim());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Demonyms(Map.copyOf(places));
    }

    /** The place an adjective or people names ("Haitian", "Haitians": Haiti), or null. */
    public String placeOf(String adjective) {
        return places.get(Slug.fold(adjective));
    }
}
