package io.stancewire.analysis.actors;

import java.util.Set;

import io.stancewire.analysis.actors.ReferentResolver.Referent;
import io.stancewire.analysis.lexicons.AnimateNouns;
import io.stancewire.analysis.model.Span;
import io.stancewire.analysis.parse.ParsedText;

/**
 * People and organisations described and not named, each an actor of its own: "A New York judge has rejected …"
 * ("New York judge (unresolved)"), "the agency said", "a House panel voted". Pure lookups: the actor is proposed,
 * see {@link ReferentResolver.Referent}.
 */
record DescribedActors(ParsedText text, ActorIndex index, AnimateNouns animate) {

    /** Nouns the animacy list reads as people that name a body of people. */
    private static final Set<String> BODIES = Set.of("family", "police", "staff", "public", "audience", "crew",
            "majority", "minority", "team", "electorate", "congregation", "jury", "panel", "opposition");
    /** "said one Democratic source on the panel": in news, a source who speaks is a person. */
    private static final String SOURCE = "source";
    private static final Set<String> ANYBODY = Set.of("anybody", "anyone", "everybody", "everyone", "nobody");
    private static final Set<String> ANY = Set.of("any", "every", "each", "no");
    /** Organisations a description can stand for ("the agency", "police", "a House panel", "the government"). */
    private static final Set<String> INSTITUTION_NOUNS = institutionNouns();

    /**
     * "A New York judge has rejected …", "said the narrator in the spot", "an architect who said": a singular noun
     * that denotes a person ({@link AnimateNouns}) and refers to nobody named is a person of its own, described and
     * not named ("New York judge (unresolved)", see {@link UnlinkedPersons#described}): not a leader, and someone
     * else in every article. Nouns for bodies of people are groups or organisations, not persons.
     */
    Referent describedPerson(int head, Span phrase) {
        String lemma = text.lemma(head);
        if (!text.tag(head).equals("NN") || !(animate.isPerson(lemma) || SOURCE.equals(lemma))
                || Descriptions.ORGANISATION_NOUNS.contains(lemma)
                || Descriptions.COLLECTIVE_NOUNS.contains(lemma) || Descriptions.GOVERNMENT_NOUNS.contains(lemma)
                || BODIES.contains(lemma)
                || ANYBODY.contains(lemma) || text.hasChild(head, r -> r.equals("det"), ANY)) {
            return null; // "anybody who complains", "every voter": nobody in particular
        }
        return describedActor(head, "PERSON", phrase);
    }

    /**
     * "the agency said", "police said", "a House panel voted": an organisation described and not named is an
     * organisation of its own ("House panel (unresolved)"), as {@link #describedPerson} is for people.
     */
    Referent describedOrganisation(int head, Span phrase) {
        String lemma = text.lemma(head);
        boolean police = lemma.equals("police"); // a body of people, singular or plural
        if (!(text.tag(head).equals("NN") || police) || !INSTITUTION_NOUNS.contains(lemma)
                || text.hasChild(head, r -> r.equals("det"), ANY)) {
            return null;
        }
        return describedActor(head, "ORGANIZATION", phrase);
    }

    /**
     * The proposal of an actor of its own for the description headed by {@code head} ("New York judge"), named as
     * UnlinkedPersons names them.
     */
    private Referent describedActor(int head, String type, Span phrase) {
        int first = head;
        while (first > 0 && isDescriptionWord(first - 1, head)) {
            first--;
        }
        boolean definite = text.hasChild(head, r -> r.equals("det"), Set.of("the"));
        ActorIndex.Draft actor = index.propose(UnlinkedPersons.described(text.span(first, head).text(), definite),
                type, null);
        int from = text.tokenAt(phrase.start());
        while (from < first && text.relation(from).equals("case")) {
            from++; // "a spokesman for the ministry": the ministry is "the ministry"
        }
        from = Math.min(first, from);
        return Referent.proposed(new ActorIndex.Proposal(actor, text.span(from, head), from, head), phrase);
    }

    /** Words before a noun that describe it: "New York", "former", "Democratic" (not "a", "the", "his"). */
    private boolean isDescriptionWord(int token, int head) {
        int governor = text.governor(token);
        String relation = text.relation(token);
        return text.sentenceOf(token) == text.sentenceOf(head) && governor > token && governor <= head
                && (relation.equals("amod") || relation.startsWith("compound"));
    }

    private static Set<String> institutionNouns() {
        Set<String> nouns = new java.util.HashSet<>(Descriptions.ORGANISATION_NOUNS);
        Descriptions.GOVERNMENT_NOUNS.stream().filter(n -> !n.equals("side") && !n.equals("camp")).forEach(nouns::add);
        nouns.addAll(Set.of("police", "panel", "department"));
        return Set.copyOf(nouns);
    }
}
