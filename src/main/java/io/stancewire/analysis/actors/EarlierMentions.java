package io.stancewire.analysis.actors;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.stancewire.analysis.actors.ReferentResolver.Kind;
import io.stancewire.analysis.actors.ReferentResolver.Referent;
import io.stancewire.analysis.lexicons.Slug;
import io.stancewire.analysis.model.Span;
import io.stancewire.analysis.parse.ParsedText;

/**
 * Words that take up someone named earlier: a definite description ("the archbishop" after "archbishop Jorge
 * Scheinig", "the party" after "the Thai Raksa Chart Party") and a capitalised word NER missed ("Cherry, who led the
 * petition, said": the person whose name holds it). Pure lookups: see {@link ReferentResolver.Referent}.
 */
record EarlierMentions(ParsedText text, ActorIndex index) {

    /**
     * A definite description of someone named before: "the archbishop" after "archbishop Jorge Scheinig", "the
     * party" after "the Thai Raksa Chart Party" (an organisation NER may have missed: its capitalised name is taken).
     */
    Referent described(int head, Span phrase) {
        boolean singular = text.tag(head).equals("NN")
                || text.tag(head).equals("NNP") && Character.isLowerCase(text.word(head).charAt(0));
        if (!singular || !text.hasChild(head, r -> r.equals("det"), Set.of("the"))) {
            return null;
        }
        String lemma = text.lemma(head);
        for (int j = head - 1; j >= 0; j--) {
            if (!text.lemma(j).equals(lemma)) {
                continue;
            }
            ActorIndex.Draft named = index.actorAt(j);
            int governor = text.governor(j);
            if (named == null && governor >= 0
                    && (text.relation(j).startsWith("compound") || text.relation(j).equals("appos"))) {
                named = index.actorAt(governor); // "archbishop Jorge Scheinig", "Scheinig, the archbishop"
            }
            if (named == null) {
                for (int appositive : text.children(j, r -> r.equals("appos"))) {
                    named = named != null ? named : index.actorAt(appositive); // "the archbishop, Jorge Scheinig"
                }
            }
            if (named != null && (named.isPerson() || named.type.equals("ORGANIZATION"))) {
                return new Referent(Kind.ACTOR, List.of(named), phrase);
            }
            if (Descriptions.ORGANISATION_NOUNS.contains(lemma)) {
                int first = j;
                while (first > 0 && text.tag(first - 1).startsWith("NNP")
                        && Character.isUpperCase(text.word(first - 1).charAt(0))
                        && text.sentenceOf(first - 1) == text.sentenceOf(j)) {
                    first--;
                }
                if (first < j) {
                    Span name = text.span(first, j);
                    ActorIndex.Draft organisation = index.propose(name.text(), "ORGANIZATION", null);
                    return Referent.proposed(new ActorIndex.Proposal(organisation, name, -1, -1), phrase);
                }
            }
        }
        return null;
    }

    /** The person whose name holds this capitalised word, or a new person of that name (proposed). */
    Referent person(int head) {
        String word = Slug.fold(text.word(head));
        List<ActorIndex.Draft> holders = new ArrayList<>();
        for (ActorIndex.Draft actor : index.actors()) {
            if (actor.isPerson() && List.of(Slug.fold(actor.name).split("\\s+")).contains(word)) {
                holders.add(actor);
            }
        }
        ActorIndex.Draft found = index.mostRecent(holders, head);
        if (found != null) {
            return new Referent(Kind.ACTOR, List.of(found), text.span(head, head));
        }
        int first = head;
        while (first > 0 && text.tag(first - 1).equals("NNP") && text.relation(first - 1).equals("compound")) {
            first--;
        }
        ActorIndex.Draft person = index.propose(text.span(first, head).text(), "PERSON", null);
        return Referent.proposed(new ActorIndex.Proposal(person, text.span(first, head), first, head),
                text.span(head, head));
    }
}
