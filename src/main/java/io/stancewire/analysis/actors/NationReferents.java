package io.stancewire.analysis.actors;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.stancewire.analysis.actors.ReferentResolver.Kind;
import io.stancewire.analysis.actors.ReferentResolver.Referent;
import io.stancewire.analysis.lexicons.Slug;
import io.stancewire.analysis.model.Span;
import io.stancewire.analysis.parse.ParsedText;

/**
 * Phrases that stand for a country's government or leader: a place that acts ("Serbia said": its government), a
 * demonym alone ("Kosovar added": the Kosovar leader), "the two leaders" or "the leaders of Kosovo and Serbia" (the
 * leaders the article pairs or names by country). Pure lookups: see {@link ReferentResolver.Referent}.
 */
record NationReferents(ParsedText text, ActorIndex index, LeaderRegistry registry, Set<String> demonyms) {

    private static final Set<String> PAIR_WORDS = Set.of("two", "both");

    /**
     * {@code actor} named by {@code phrase}; a place that acts or speaks stands for the government the registry
     * names for it, proposed with the place's {@code mention}.
     */
    Referent speakingFor(ActorIndex.Draft actor, Span mention, Span phrase) {
        var entry = actor.type.equals("LOCATION") ? registry.byPlace(actor.name) : Optional.<LeaderRegistry.Entry>empty();
        if (entry.isEmpty()) {
            return new Referent(Kind.ACTOR, List.of(actor), phrase);
        }
        ActorIndex.Draft government = index.propose(entry.get().name(), entry.get().type(), entry.get());
        return mention == null ? new Referent(Kind.ACTOR, List.of(government), phrase, List.of(
                new ActorIndex.Proposal(government, null, -1, -1)))
                : Referent.proposed(new ActorIndex.Proposal(government, mention, -1, -1), phrase);
    }

    /** "The two leaders", "both sides", "the leaders of Kosovo and Serbia": the leaders meant. */
    List<ActorIndex.Draft> groupMembers(int head) {
        if (!Set.of("leader", "side", "party", "camp", "president", "minister").contains(text.lemma(head))) {
            return List.of();
        }
        List<String> countries = new ArrayList<>();
        for (int child : text.children(head, r -> r.startsWith("nmod"))) {
            countries.add(Slug.fold(text.word(child)));
            for (int conjunct : text.children(child, r -> r.equals("conj"))) {
                countries.add(Slug.fold(text.word(conjunct)));
            }
        }
        List<ActorIndex.Draft> members = new ArrayList<>();
        for (String country : countries) {
            ActorIndex.Draft leader = leaderOf(List.of(country), head);
            if (leader != null && !members.contains(leader)) {
                members.add(leader);
            }
        }
        if (!members.isEmpty()) {
            return members;
        }
        boolean pair = text.children(head, r -> r.equals("nummod") || r.equals("det") || r.equals("det:predet"))
                .stream().anyMatch(c -> PAIR_WORDS.contains(text.lemma(c)));
        return pair ? lastPairedLeaders(head) : List.of();
    }

    /** The latest two leaders named together ("Kurti and Vucic") before {@code token}. */
    private List<ActorIndex.Draft> lastPairedLeaders(int token) {
        for (int i = token - 1; i >= 0; i--) {
            ActorIndex.Draft left = index.actorAt(i);
            if (left == null || !left.isLeader() || !left.isPerson()) {
                continue;
            }
            for (int conjunct : text.children(i, r -> r.equals("conj"))) {
                ActorIndex.Draft right = index.actorAt(conjunct);
                if (right != null && right != left && right.isLeader() && right.isPerson()) {
                    return List.of(left, right);
                }
            }
        }
        return List.of();
    }

    /** Whether the word is a demonym or nationality ("Kosovar added"), which stands for that nation's leader. */
    boolean isDemonym(int head, String word) {
        return text.ner(head).equals("NATIONALITY") || demonyms.contains(Slug.fold(word)) && !text.isVerb(head);
    }

    /** The leader (a person) of these demonyms or countries mentioned most recently before {@code token}. */
    ActorIndex.Draft leaderOf(List<String> demonymsOrCountries, int token) {
        List<ActorIndex.Draft> candidates = new ArrayList<>();
        for (ActorIndex.Draft actor : index.actors()) {
            if (actor.isPerson() && actor.isLeader() && actor.demonyms.containsAll(demonymsOrCountries)) {
                candidates.add(actor);
            }
        }
        return index.mostRecent(candidates, token);
    }

    List<String> modifierDemonyms(int head) {
        List<String> out = new ArrayList<>();
        for (int child : text.children(head, r -> r.equals("amod") || r.startsWith("compound")
                || r.equals("nmod:poss"))) {
            String folded = Slug.fold(text.word(child));
            if (demonyms.contains(folded) || text.ner(child).equals("NATIONALITY")
                    || ActorResolver.actorType(text.ner(child)) != null) {
                out.add(folded);
            }
        }
        return out;
    }
}
