package io.stancewire.analysis.lexicons;

import java.util.HashMap;
import java.util.Map;

/**
 * Capital cities and their countries ({@code analysis/capitals.tsv}): wire copy names a state by its capital
 * ("Helsinki sealed its border with Russia", "extradited him to Lima"). Loaded once per JVM.
 */
public final class Capitals {

    private static final String RESOURCE = "analysis/capitals.tsv";

    private static final class Loaded {
        static final Capitals SHARED = load();
    }

    private final Map<String, String> countries;

    private Capitals(Map<String, String> countries) {
        this.countries = countries;
    }

    public static Capitals shared() {
        return Loaded.SHARED;
    }

    private static Capitals load() {
        Map<String, String> countries = new HashMap<>();
        for (String[] row : TsvResource.read(RESOURCE, 2)) {
            countries.putIfAbsent(Slug.fold(row[0]), row[1]);
        }
        return new Capitals(Map.copyOf(countries));
    }

    /** The country whose capital {@code place} is ("Helsinki": Finland), or null. */
    public String countryOf(String place) {
        return countries.get(Slug.fold(place));
    }

    public int size() {
        return countries.size();
    }
}
