package io.stancewire.analysis.quotes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.stancewire.analysis.actors.ReferentResolver;
import io.stancewire.analysis.lexicons.SpeechVerbs;
import io.stancewire.analysis.model.Span;
import io.stancewire.analysis.parse.ParsedText;

/**
 * Reported speech without quotation marks, in this order for each token:
 * <ol>
 * <li>a cue in one of its constructions ({@link CueConstructions}) that {@link AttributionModel} reads as attributing:
 * "Kurti said [he was ready to initial the text]", "Trump urged [supporters to register]", "Clinton denied [the
 * report]", "[The plan fails], he said"; a speech or cognition verb of {@code speech-verbs.tsv} with a clausal
 * complement also counts;</li>
 * <li>"according to X, [...]": the rest of the clause.</li>
 * </ol>
 * The source is the cue's subject (a passive's "by" agent; the possessor of a noun: "Trump's claim that"); a subject
 * that is nobody known is still named as the source. Contents mostly inside quotation marks are left to the direct
 * quote; a content partly quoted is kept (a partial quote).
 */
public final class IndirectSpeechExtractor {

    /**
     * Reported content, its source, the token of the word that attributes it (-1: "according to"), and whether the
     * content is a noun phrase the cue acts on ("blamed [the opposition]") rather than a clause.
     */
    public record Reported(Span content, ReferentResolver.Referent speaker, int cue, boolean nominal) {
    }

    private static final double MOSTLY_QUOTED = 0.5;

    private final ParsedText text;
    private final ReferentResolver referents;
    private final SpeechVerbs verbs;
    private final AttributionModel model;
    private final QuoteAttributor quotes;

    public IndirectSpeechExtractor(ParsedText text, ReferentResolver referents, SpeechVerbs verbs,
            AttributionModel model, QuoteAttributor quotes) {
        this.text = text;
        this.referents = referents;
        this.verbs = verbs;
        this.model = model;
        this.quotes = quotes;
    }

    public List<Reported> extract() {
        List<Reported> out = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < text.size(); i++) {
            if (quotes.isQuoted(i)) {
                continue;
            }
            CueConstructions.Pos pos = CueConstructions.pos(text, i);
            CueConstructions.Construction construction = pos == null ? null : mostLikelyContent(i, pos);
            if (construction != null) {
                boolean nominal = pos == CueConstructions.Pos.N || construction.relation().equals("obj")
                        || construction.relation().startsWith("obl");
                add(out, seen, reported(toClauseEnd(i, contentRange(i, construction)), source(i, pos), i, nominal));
            }
            int source = text.accordingTo(i);
            if (source >= 0) {
                add(out, seen, accordingTo(source));
            }
        }
        return out;
    }

    /**
     * Of the constructions by which a content hangs from the word, the one the model finds most likely to be what
     * it attributes, when that one is likely enough: a cue attributes one content ("told [the press] [that …]" is
     * the clause, not the press). A speech or cognition verb with a clausal complement attributes it.
     */
    private CueConstructions.Construction mostLikelyContent(int cue, CueConstructions.Pos pos) {
        String lemma = text.lemma(cue);
        boolean reporting = pos == CueConstructions.Pos.V && verbs.isReporting(lemma);
        if (!model.knows(lemma, pos) && !reporting) {
            return null;
        }
        CueConstructions.Construction best = null;
        double bestProbability = 0;
        for (CueConstructions.Construction construction : CueConstructions.at(text, cue)) {
            double probability = model.probability(CueFeatures.of(text, cue, pos, construction));
            if (reporting && construction.relation().equals("ccomp")) {
                probability = Math.max(probability, AttributionModel.THRESHOLD);
            }
            if (probability >= AttributionModel.THRESHOLD && probability > bestProbability) {
                best = construction;
                bestProbability = probability;
            }
        }
        return best;
    }

    /** The content's tokens: a clausal complement with all of its own words, else the construction's. */
    private int[] contentRange(int cue, CueConstructions.Construction construction) {
        if (!construction.relation().equals("ccomp")) {
            return new int[] { construction.first(), construction.last() };
        }
        // a conjoined verb of the cue ("..., but blamed the Serbian side") is the speaker's act, not words
        int head = text.children(cue, r -> r.equals("ccomp")).stream()
                .filter(c -> c >= construction.first() && c <= construction.last()).findFirst()
                .orElse(construction.first());
        return text.subtree(head, r -> false);
    }

    /**
     * "Rendell noted that Reagan appeared unsteady in 1984, a moment …": a content after its cue runs to the end of
     * the cue's clause (the parse often hangs its last parts from the cue), short of conjoined and parenthetical
     * clauses.
     */
    private int[] toClauseEnd(int cue, int[] range) {
        if (range[0] < cue) {
            return range;
        }
        int[] clause = text.subtreeWithout(cue, r -> r.equals("conj") || r.equals("cc") || r.equals("parataxis")
                || r.equals("punct"));
        return new int[] { range[0], Math.max(range[1], clause[1]) };
    }

    /** "according to X, [...]": the rest of the clause. */
    private Reported accordingTo(int source) {
        int clause = text.governor(source);
        if (clause < 0) {
            return null;
        }
        int[] range = text.subtree(clause, r -> false);
        int[] phrase = text.subtree(source, r -> false);
        if (phrase[0] <= range[0] + 1) {
            range[0] = phrase[1] + 1;
        } else if (phrase[1] >= range[1] - 1) {
            range[1] = phrase[0] - 1;
        }
        return reported(range, named(referents.resolveAll(source), source), -1, false);
    }

    /**
     * Who a cue attributes to: a verb's subject (a passive's "by" agent), a noun's possessor or "by"/"from" phrase
     * ("Trump's claim that", "a report by the inspector general"), or the subject of the verb the noun is the object
     * of ("Clinton made the argument that").
     */
    private ReferentResolver.Referent source(int cue, CueConstructions.Pos pos) {
        if (pos == CueConstructions.Pos.N) {
            for (int owner : text.children(cue, r -> r.equals("nmod:poss") || r.equals("nmod"))) {
                if (text.relation(owner).equals("nmod:poss")
                        || text.hasChild(owner, r -> r.equals("case"), Set.of("by", "from"))) {
                    return named(referents.resolveAll(owner), owner);
                }
            }
            // "Clinton made the argument that", "Trump unleashed a series of tweets criticizing": the subject of
            // the verb the noun (or the quantity it is part of) is the object of
            int noun = cue;
            int governor = text.governor(cue);
            for (int hop = 0; hop < 2 && governor >= 0 && !text.isVerb(governor)
                    && text.relation(noun).startsWith("nmod"); hop++) {
                noun = governor;
                governor = text.governor(governor);
            }
            return governor >= 0 && text.isVerb(governor) && text.relation(noun).equals("obj")
                    ? source(governor, CueConstructions.Pos.V) : ReferentResolver.Referent.NONE;
        }
        if (text.isPassive(cue)) {
            List<Integer> agents = text.byAgents(cue);
            // "is expected to", "was reported": nobody named
            return agents.isEmpty() ? ReferentResolver.Referent.NONE
                    : named(referents.resolveAll(agents.get(0)), agents.get(0));
        }
        List<Integer> subjects = text.subjectCandidates(cue);
        ReferentResolver.Referent referent = referents.resolveFirst(subjects);
        return referent.kind() != ReferentResolver.Kind.UNKNOWN || subjects.isEmpty() ? referent
                : named(referent, subjects.get(0));
    }

    /**
     * A referent that is nobody known keeps the words that name the source ("the poll", "critics", "it" when it
     * stands for something: "It says the campaign broke the law"; never the "it" of "it seems").
     */
    private ReferentResolver.Referent named(ReferentResolver.Referent referent, int head) {
        if (referent.mention() != null || text.relation(head).equals("expl") || text.tag(head).startsWith("W")) {
            return referent;
        }
        return referent.withMention(referents.nounPhrase(head));
    }

    /** Keeps a statement not read before; what the lookup of its source proposed joins the actors. */
    private void add(List<Reported> out, Set<Long> seen, Reported reported) {
        if (reported != null && seen.add(((long) reported.content().start() << 32) | reported.content().end())) {
            out.add(new Reported(reported.content(), referents.commit(reported.speaker()), reported.cue(),
                    reported.nominal()));
        }
    }

    private Reported reported(int[] range, ReferentResolver.Referent speaker, int cue, boolean nominal) {
        int first = range[0];
        int last = range[1];
        // leave out the complementiser and the punctuation at the edges
        while (first < last && (text.lower(first).equals("that") && text.relation(first).equals("mark")
                || text.isPunctuation(first))) {
            first++;
        }
        while (last > first && text.isPunctuation(last)) {
            last--;
        }
        if (last - first < 1) {
            return null;
        }
        int inside = 0;
        for (int i = first; i <= last; i++) {
            inside += quotes.isQuoted(i) ? 1 : 0;
        }
        if (inside > MOSTLY_QUOTED * (last - first + 1)) {
            return null;
        }
        return new Reported(text.span(first, last), speaker, cue, nominal);
    }
}
