package io.stancewire.analysis.lexicons;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tone cues of the narration: the talk of {@code analysis/tone-lexicon.tsv} (blame, praise, throw spades) and the
 * acts of {@code analysis/act-lexicon.tsv} (sign an accord with, supply, shell). Each entry is a head lemma, the
 * lemmas that must hang below it in the dependency tree ("throw" with "spade"), a polarity in [-1, 1] and a category.
 * An act also carries its CAMEO code and Goldstein value ({@link Act}); its polarity is the Goldstein value / 10.
 */
public final class ToneLexicon {

    public static final String RESOURCE = "analysis/tone-lexicon.tsv";
    public static final String ACTS = "analysis/act-lexicon.tsv";

    /** A material act on the CAMEO / Goldstein scale; {@code mutual}: coordinated agents act on each other. */
    public record Act(String cameo, double goldstein, boolean mutual) {
    }

    /** {@code act} is null for talk. */
    public record Entry(String head, List<String> with, double polarity, String category, String gloss, Act act) {

        public boolean isAct() {
            return act != null;
        }
    }

    /** The names of the CAMEO roots the act lexicon uses, by the code's first two digits. */
    private static final Map<String, String> CAMEO_ROOTS = Map.ofEntries(Map.entry("03", "intend-to-cooperate"),
            Map.entry("04", "consult"), Map.entry("05", "diplomatic-cooperation"),
            Map.entry("06", "material-cooperation"), Map.entry("07", "provide-aid"), Map.entry("08", "yield"),
            Map.entry("15", "exhibit-force-posture"), Map.entry("16", "reduce-relations"), Map.entry("17", "coerce"),
            Map.entry("18", "assault"), Map.entry("19", "fight"), Map.entry("20", "mass-violence"));

    private final Map<String, List<Entry>> byHead = new HashMap<>();

    public ToneLexicon() {
        for (String[] row : TsvResource.read(RESOURCE, 4)) {
            add(new Entry(row[0], with(row[1]), Double.parseDouble(row[2]), row[3], row.length > 4 ? row[4] : "",
                    null));
        }
        for (String[] row : TsvResource.read(ACTS, 5)) {
            Act act = new Act(row[2], Double.parseDouble(row[3]), row[4].equals("mutual"));
            String root = CAMEO_ROOTS.get(act.cameo().substring(0, 2));
            if (root == null || Math.abs(act.goldstein()) > 10) {
                throw new IllegalStateException(ACTS + ": no CAMEO root or Goldstein value out of range: "
                        + String.join(" ", row));
            }
            add(new Entry(row[0], with(row[1]), act.goldstein() / 10, root, row.length > 5 ? row[5] : "", act));
        }
        // the most specific phrase is tried first: "throw" with "spade" before a bare "throw"
        byHead.values().forEach(list -> list.sort((a, b) -> b.with().size() - a.with().size()));
    }

    private void add(Entry entry) {
        byHead.computeIfAbsent(entry.head(), k -> new ArrayList<>()).add(entry);
    }

    private static List<String> with(String column) {
        return column.equals("-") || column.isEmpty() ? List.of()
                : Arrays.stream(column.split(",")).map(String::trim).toList();
    }

    public List<Entry> entries(String headLemma) {
        return byHead.getOrDefault(headLemma, List.of());
    }

    public int size() {
        return byHead.values().stream().mapToInt(List::size).sum();
    }
}
