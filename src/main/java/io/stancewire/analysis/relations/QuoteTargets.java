package io.stancewire.analysis.relations;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.stancewire.analysis.actors.ActorIndex;
import io.stancewire.analysis.actors.ReferentResolver;
import io.stancewire.analysis.model.Span;
import io.stancewire.analysis.parse.ParsedText;

/**
 * The people and organisations a quote speaks of ("The other side [...] is avoiding signing", "it is now up to the
 * European Union"): each noun or pronoun heading a phrase inside the quote, resolved as the rest of the analysis
 * resolves it (by name, title, pronoun, or a capital standing for its government), kept when it refers to a person
 * or organisation the article already holds. Places are not targets, nor is a capital where it names a place
 * ("the last meeting in Brussels" says nothing about the European Union). A pure lookup: it creates no actor and
 * adds no mention.
 */
public final class QuoteTargets {

    /** An actor a quote names, and the words about it: the sentence that names it, within the quote. */
    public record Target(ActorIndex.Draft actor, Span words) {
    }

    private static final Set<String> INSIDE_A_NAME = Set.of("compound", "flat", "flat:name", "fixed");
    private static final Set<String> LOCATIVES = Set.of("in", "at", "near", "inside", "outside", "across",
            "throughout");

    private final ParsedText text;
    private final ReferentResolver referents;
    private final Set<ActorIndex.Draft> known;

    public QuoteTargets(ParsedText text, ReferentResolver referents, Set<ActorIndex.Draft> known) {
        this.text = text;
        this.referents = referents;
        this.known = known;
    }

    public List<Target> of(Span quote) {
        int[] range = text.tokensWithin(quote.start(), quote.end());
        Set<String> seen = new LinkedHashSet<>();
        List<Target> out = new ArrayList<>();
        for (int token = range[0]; token < range[1]; token++) {
            if (!isPhraseHead(token)) {
                continue;
            }
            Span words = clause(token, range[0], range[1]);
            for (ActorIndex.Draft actor : referents.resolve(token).actors()) {
                if (known.contains(actor) && (actor.isPerson() || actor.type.equals("ORGANIZATION"))
                        && seen.add(actor.id + "@" + words.start())) {
                    out.add(new Target(actor, words));
                }
            }
        }
        return out;
    }

    private boolean isPhraseHead(int token) {
        String tag = text.tag(token);
        return (tag.startsWith("NN") || tag.startsWith("PRP")) && !INSIDE_A_NAME.contains(text.relation(token))
                && !text.hasChild(token, r -> r.equals("case"), LOCATIVES);
    }

    /** The sentence holding the token, cut to the quote's tokens [from, to). */
    private Span clause(int token, int from, int to) {
        int sentence = text.sentenceOf(token);
        int first = Math.max(from, text.sentenceFirst(sentence));
        int last = Math.min(to, text.sentenceEnd(sentence)) - 1;
        return text.span(first, last);
    }
}
