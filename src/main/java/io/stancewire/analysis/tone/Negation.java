package io.stancewire.analysis.tone;

import java.util.Set;

import io.stancewire.analysis.parse.ParsedText;

/**
 * Whether a word is negated, read on the dependency tree: a "not"/"never" below it, or a verb above it that
 * negates its complement ("fail to", "refuse to", "hesitate to"). Two negations cancel, so "did not hesitate to
 * throw spades" stays hostile.
 */
public final class Negation {

    static final Set<String> NEGATORS = Set.of("not", "n't", "never", "no", "neither", "nor", "without");
    static final Set<String> NEGATING_VERBS = Set.of("hesitate", "fail", "refuse", "decline", "avoid", "stop",
            "cease", "refrain", "reject", "deny");
    /** A negated opinion is weaker than its opposite: "not hostile" is not warm. */
    static final double NEGATED_WEIGHT = -0.5;

    private Negation() {
    }

    /** +1 when {@code token} is affirmed, {@link #NEGATED_WEIGHT} when negated an odd number of times. */
    public static double factor(ParsedText text, int token) {
        int flips = 0;
        int node = token;
        for (int hop = 0; hop < 4 && node >= 0; hop++) {
            if (text.hasChild(node, r -> r.equals("advmod") || r.equals("neg") || r.equals("det")
                    || r.equals("cc:preconj"), NEGATORS)) {
                flips++;
            }
            if (node != token && NEGATING_VERBS.contains(text.lemma(node))) {
                flips++;
            }
            String relation = text.relation(node);
            if (!(relation.equals("xcomp") || relation.equals("amod") || relation.equals("advmod"))) {
                break;
            }
            node = text.governor(node);
        }
        return flips % 2 == 0 ? 1.0 : NEGATED_WEIGHT;
    }
}
