package io.stancewire.analysis.lexicons;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tone cues of the narration ({@code analysis/tone-lexicon.tsv}): a head lemma, the lemmas that must hang below it
 * in the dependency tree ("throw" with "spade"), a polarity in [-1, 1] and a category.
 */
public final class ToneLexicon {

    public static final String RESOURCE = "analysis/tone-lexicon.tsv";

    public record Entry(String head, List<String> with, double polarity, String category, String gloss) {
    }

    private final Map<String, List<Entry>> byHead = new HashMap<>();

    public ToneLexicon() {
        for (String[] row : TsvResource.read(RESOURCE, 4)) {
            List<String> with = row[1].equals("-") || row[1].isEmpty() ? List.of()
                    : Arrays.stream(row[1].split(",")).map(String::trim).toList();
            Entry entry = new Entry(row[0], with, Double.parseDouble(row[2]), row[3], row.length > 4 ? row[4] : "");
            byHead.computeIfAbsent(entry.head(), k -> new ArrayList<>()).add(entry);
        }
        // the most specific phrase is tried first: "throw" with "spade" before a bare "throw"
        byHead.values().forEach(list -> list.sort((a, b) -> b.with().size() - a.with().size()));
    }

    public List<Entry> entries(String headLemma) {
        return byHead.getOrDefault(headLemma, List.of());
    }

    public int size() {
        return byHead.values().stream().mapToInt(List::size).sum();
    }
}
