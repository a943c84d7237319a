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
 * Sources read on the tokens rather than the parse: a phrase in a layout the parse often gets wrong ("“…,” Rep. Jim
 * Jordan (R-Ohio), an oversight panel member, said") and a transcript's speaker label ("WALLACE:"). Pure lookups:
 * see {@link ReferentResolver.Referent}.
 */
record SourcePhrases(ParsedText text, ActorIndex index, ReferentResolver referents) {

    /**
     * The referent of the noun phrase on tokens [from, to], read on the tokens for layouts the parse often gets
     * wrong ("“…,” Rep. Jim Jordan (R-Ohio), an oversight panel member, said"): the first name in it (names joined
     * by "and" make a group), else the phrase's last noun. Only its first part counts, up to a comma or bracket.
     * Never NONE: a phrase that refers to nothing known is still the words that name the source.
     */
    Referent resolvePhrase(int from, int to) {
        int end = from;
        while (end < to && !PHRASE_BREAKS.contains(text.word(end + 1))) {
            end++;
        }
        Span words = text.span(from, end);
        for (int j = from; j <= end; j++) {
            ActorIndex.Draft actor = index.actorAt(j);
            if (actor == null || !(actor.isPerson() || actor.type.equals("ORGANIZATION"))) {
                continue;
            }
            int last = j;
            while (last < end && index.actorAt(last + 1) == actor) {
                last++;
            }
            Referent named = referents.resolve(last);
            List<ActorIndex.Draft> group = new ArrayList<>(named.actors());
            for (int k = last + 1; k < end; k++) {
                ActorIndex.Draft other = index.actorAt(k + 1);
                if (text.lower(k).equals("and") && other != null && !group.contains(other) && other.isPerson()) {
                    group.add(other); // "Cummings and Conyers wrote"
                }
            }
            return group.size() > 1 ? new Referent(Kind.COORDINATED, List.copyOf(group), words, named.proposals())
                    : named;
        }
        int head = -1;
        for (int j = from; j <= end; j++) {
            if (text.tag(j).startsWith("NN") || text.isPronoun(j) && j == from) {
                head = j;
            }
        }
        Referent referent = head < 0 ? Referent.NONE : referents.resolveAll(head);
        return referent.kind() != Kind.UNKNOWN || referent.mention() != null ? referent
                : new Referent(Kind.UNKNOWN, List.of(), words);
    }

    private static final Set<String> PHRASE_BREAKS = Set.of(",", "(", "-LRB-", "—", "–", "--", ":");

    /**
     * A transcript's speaker label ("WALLACE:", "MS. CLINTON:"): the person of that surname the article names, else
     * a person of that name.
     */
    Referent labelled(int first, int last) {
        String surname = Slug.fold(text.word(last));
        for (ActorIndex.Draft actor : index.actors()) {
            if (actor.isPerson() && Slug.fold(actor.name).endsWith(" " + surname)
                    || actor.isPerson() && Slug.fold(actor.name).equals(surname)) {
                return new Referent(Kind.ACTOR, List.of(actor), text.span(first, last));
            }
        }
        int nameFrom = first;
        while (nameFrom < last && UnlinkedPersons.HONORIFICS.contains(text.lower(nameFrom))) {
            nameFrom++;
        }
        String word = text.word(last);
        String name = word.charAt(0) + word.substring(1).toLowerCase(java.util.Locale.ROOT);
        ActorIndex.Draft person = index.propose(name, "PERSON", null);
        return Referent.proposed(new ActorIndex.Proposal(person, text.span(nameFrom, last), nameFrom, last),
                text.span(first, last));
    }
}
