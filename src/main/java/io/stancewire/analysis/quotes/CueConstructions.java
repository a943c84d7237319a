package io.stancewire.analysis.quotes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.stancewire.analysis.parse.ParsedText;

/**
 * The ways a content can hang from a word that attributes it, as the dependency parse shows them: a clausal
 * complement ("said [that the plan would fail]": ccomp), an infinitive ("urged [voters to register]": xcomp), an
 * object ("denied [the report]": obj), a prepositional phrase ("called [for a recount]": obl:for), a clause on a noun
 * ("the claim [that …]": acl), and the reverse, where the cue interrupts its content ("[The plan], he said, [fails]":
 * ^parataxis). One owner for the list: the trainer counts these, the extractor reads them.
 */
public final class CueConstructions {

    /** The constructions counted; {@code ^rel}: the cue hangs from the content's head by rel. */
    public static final Set<String> RELATIONS = Set.of("ccomp", "xcomp", "obj", "^parataxis", "^ccomp", "acl",
            "advcl", "obl:to", "obl:about", "obl:on", "obl:of", "obl:for", "^advcl", "^conj");

    /** Part of speech of a cue word. */
    public enum Pos { V, N }

    /** One construction at a cue: its name and the content's token range [first, last]. */
    public record Construction(String relation, int first, int last) {
    }

    private CueConstructions() {
    }

    /** The part of speech a cue can have, or null for a token that cannot be one. */
    public static Pos pos(ParsedText text, int token) {
        return text.isVerb(token) ? Pos.V
                : text.tag(token).startsWith("NN") ? Pos.N : null;
    }

    /** Every construction by which a content could hang from {@code token}. */
    public static List<Construction> at(ParsedText text, int token) {
        List<Construction> out = new ArrayList<>();
        for (int child : text.children(token, r -> true)) {
            String relation = text.relation(child);
            if (relation.startsWith("obl")) {
                String preposition = text.children(child, r -> r.equals("case")).stream().map(text::lemma)
                        .findFirst().orElse("");
                relation = "obl:" + preposition;
            }
            if (RELATIONS.contains(relation)) {
                int[] range = text.subtree(child, r -> r.equals("punct"));
                out.add(new Construction(relation, range[0], range[1]));
            }
        }
        int governor = text.governor(token);
        String up = "^" + text.relation(token);
        if (governor >= 0 && RELATIONS.contains(up)) {
            int[] whole = text.subtree(governor, r -> false);
            int[] cue = text.subtree(token, r -> false);
            out.add(cue[0] > governor ? new Construction(up, whole[0], cue[0] - 1)
                    : new Construction(up, cue[1] + 1, whole[1]));
        }
        return out;
    }
}
