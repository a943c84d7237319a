package io.stancewire.analysis.actors;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.stancewire.analysis.actors.ReferentResolver.Kind;
import io.stancewire.analysis.actors.ReferentResolver.Referent;
import io.stancewire.analysis.parse.ParsedText;

/**
 * A name in or beside a phrase that the phrase's head does not carry: "Jennifer Lu of Marriage Equality Coalition
 * Taiwan said", "The Senate Minority Leader, Chuck Schumer, said", "a protester using the pseudonym Katya". Pure
 * lookups: see {@link ReferentResolver.Referent}.
 */
record NearbyNames(ParsedText text, ActorIndex index) {

    /** Participles that attach a name to a description: "a protester using the pseudonym Katya", "a man named X". */
    private static final Set<String> NAMING_VERBS = Set.of("use", "name", "call", "identify", "know", "go");
    private static final Set<String> AFFILIATIONS = Set.of("of", "from", "at", "with");

    /**
     * "Jennifer Lu of Marriage Equality Coalition Taiwan", "The Senate Minority Leader, Chuck Schumer", "One of these
     * groups, the Syrian Democratic Forces", "a protester using the pseudonym Katya": the person or organisation
     * named in or beside the phrase, or null.
     */
    Referent namedNearby(int head) {
        ActorIndex.Draft actor = index.actorAt(head);
        ActorIndex.Draft affiliated = personOfOrganisation(head);
        if (affiliated != null) {
            return new Referent(Kind.ACTOR, List.of(affiliated), index.mentionAt(text.subtree(head, r -> false)[0]));
        }
        if (!text.ner(head).equals("PERSON")) {
            // "The Senate Minority Leader, Chuck Schumer, said", "Merkel's spokesperson, Steffen Seibert, said",
            // "the prosecutor general of Tehran, Ali Alghasi Mehr, said" (the name often hangs from the "of" phrase)
            List<Integer> holders = new ArrayList<>(List.of(head));
            holders.addAll(text.children(head, r -> r.equals("nmod")));
            for (int holder : holders) {
                for (int appositive : text.children(holder, r -> r.equals("appos") || r.equals("dep"))) {
                    ActorIndex.Draft named = index.actorAt(appositive);
                    if (named != null && named.isPerson()) {
                        return new Referent(Kind.ACTOR, List.of(named), index.mentionAt(appositive));
                    }
                }
            }
            if (actor == null && !text.tag(head).startsWith("NNP")) {
                // "One of these groups, the Syrian Democratic Forces, said": an organisation in apposition
                for (int appositive : text.children(head, r -> r.equals("appos"))) {
                    ActorIndex.Draft named = index.actorAt(appositive);
                    if (named != null && named.type.equals("ORGANIZATION")) {
                        return new Referent(Kind.ACTOR, List.of(named), index.mentionAt(appositive));
                    }
                }
                // "said a protester using the pseudonym Katya", "a man named John Doe said"
                for (int clause : text.children(head, r -> r.equals("acl"))) {
                    if (!NAMING_VERBS.contains(text.lemma(clause))) {
                        continue;
                    }
                    for (int name : text.children(clause, r -> r.equals("obj") || r.equals("xcomp")
                            || r.startsWith("obl") || r.equals("nsubj:pass"))) {
                        ActorIndex.Draft named = index.actorAt(name);
                        if (named != null && named.isPerson()) {
                            return new Referent(Kind.ACTOR, List.of(named), index.mentionAt(name));
                        }
                    }
                }
            }
        }
        return null;
    }

    /**
     * "Jennifer Lu of Marriage Equality Coalition Taiwan said": a person named first and then placed in an
     * organisation is the one who speaks, even when the parse makes the organisation the phrase's head.
     */
    private ActorIndex.Draft personOfOrganisation(int head) {
        if (text.ner(head).equals("PERSON")) {
            return null;
        }
        int first = text.subtree(head, r -> false)[0];
        ActorIndex.Draft person = index.actorAt(first);
        if (person == null || !person.isPerson() || !text.ner(first).equals("PERSON")) {
            return null;
        }
        int after = first;
        while (after < head && index.actorAt(after) == person) {
            after++;
        }
        return after < head && AFFILIATIONS.contains(text.lower(after)) ? person : null;
    }
}
