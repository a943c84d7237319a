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
 * A noun phrase that mentions no actor, read in a fixed order ({@link #description}): "the Serbian government", "the
 * ministry's spokesman", "the report", "its former province", "the leader of Serbia", "the archbishop", "the
 * Republican lawmaker", "a New York judge", "thousands of people". Pure lookups: see
 * {@link ReferentResolver.Referent}.
 */
record Descriptions(ParsedText text, ActorIndex index, LeaderRegistry registry, ReferentResolver referents,
        NationReferents nations, DocumentReferents documents, EarlierMentions earlier, RoleReferents roles,
        DescribedActors describedActors) {

    /** Singular nouns that still name many people. */
    static final Set<String> COLLECTIVE_NOUNS = Set.of("people", "crowd", "thousand", "hundred", "dozen", "million",
            "public", "audience", "family", "opposition", "group", "coalition", "majority");
    private static final Set<String> SPOKESPERSON_NOUNS = Set.of("spokesman", "spokeswoman", "spokesperson", "spokeperson",
            "spokeman", "representative", "office", "ministry", "department", "aide", "press", "secretary",
            "statement", "source", "official", "communique", "account", "tweet", "campaign", "administration");
    static final Set<String> GOVERNMENT_NOUNS = Set.of("side", "government", "authority", "leadership", "camp",
            "regime", "administration", "delegation", "diplomacy", "state", "presidency");
    private static final Set<String> LEADER_NOUNS = Set.of("leader", "head", "chief", "ruler");
    /** Nouns that head an organisation's name ("the Thai Raksa Chart Party" ... "the party said"). */
    static final Set<String> ORGANISATION_NOUNS = Set.of("party", "group", "company", "ministry", "union", "council",
            "committee", "commission", "agency", "movement", "front", "alliance", "league", "association",
            "organisation", "organization", "army", "force", "bank", "corporation", "foundation", "institute",
            "coalition", "federation", "court", "network", "campaign", "firm", "board");

    /**
     * A noun phrase that mentions no actor: a government by demonym, a spokesperson's principal, a document, an
     * owner, a description of someone named before, a role, a person or organisation described and not named, a
     * group, a name NER missed.
     */
    Referent description(int head) {
        String lemma = text.lemma(head);
        String word = text.lower(head);
        Span phrase = referents.nounPhrase(head);
        List<String> modifiers = nations.modifierDemonyms(head);
        if (GOVERNMENT_NOUNS.contains(lemma) && !modifiers.isEmpty()) {
            for (String modifier : modifiers) {
                for (LeaderRegistry.Entry entry : registry.byDemonym(modifier)) {
                    if (!entry.isPerson()) {
                        ActorIndex.Draft government = index.propose(entry.name(), entry.type(), entry);
                        return Referent.proposed(new ActorIndex.Proposal(government, phrase, -1, -1), phrase);
                    }
                }
            }
        }
        if (SPOKESPERSON_NOUNS.contains(lemma)) {
            for (int child : text.children(head, r -> r.startsWith("compound") || r.startsWith("nmod"))) {
                Referent owner = referents.resolve(child);
                if (owner.speaker() != null) {
                    return owner.withMention(phrase);
                }
            }
        }
        if (DocumentReferents.DOCUMENT_NOUNS.contains(lemma)) {
            Referent issuer = DocumentReferents.ISSUED_NOUNS.contains(lemma) ? documents.issuer(head) : null;
            return issuer != null ? issuer : new Referent(Kind.DOCUMENT, List.of(), phrase);
        }
        Referent place = describedPlace(head, phrase);
        if (place != null) {
            return place;
        }
        if (text.tag(head).startsWith("NN")) {
            Referent owner = owner(head, phrase);
            if (owner != null) {
                return owner;
            }
        }
        Referent described = earlier.described(head, phrase);
        if (described != null) {
            return described;
        }
        Referent role = roles.personByRole(head, phrase);
        if (role != null) {
            return role;
        }
        Referent someone = describedActors.describedPerson(head, phrase);
        if (someone != null) {
            return someone;
        }
        Referent body = describedActors.describedOrganisation(head, phrase);
        if (body != null) {
            return body;
        }
        if (text.tag(head).equals("NNS") || COLLECTIVE_NOUNS.contains(lemma)) {
            return new Referent(Kind.GROUP, nations.groupMembers(head), phrase);
        }
        if (text.tag(head).equals("NNP") && text.ner(head).equals("O")
                && Character.isUpperCase(text.word(head).charAt(0)) && !ReferentResolver.CALENDAR.contains(word)) {
            // a name NER missed ("Cherry, who led the petition, said"): the person it completes, or a new one
            return earlier.person(head);
        }
        return Referent.NONE;
    }

    /**
     * "Its former province" (its: Serbia), "Serbia's breakaway province", "the former Serbian province": the actor
     * the registry describes as "former province of Serbia" (its {@code descriptions}), read before the owner, who
     * is somebody else.
     */
    private Referent describedPlace(int head, Span phrase) {
        if (!text.tag(head).equals("NN")) {
            return null;
        }
        List<String> countries = new ArrayList<>();
        StringBuilder words = new StringBuilder();
        for (int child : text.children(head, r -> r.equals("amod") || r.equals("nmod:poss"))) {
            ActorIndex.Draft owner = index.actorAt(child);
            List<LeaderRegistry.Entry> byDemonym = registry.byDemonym(text.word(child));
            if (owner != null && !owner.isPerson()) {
                countries.add(owner.entry != null && owner.entry.country() != null ? owner.entry.country()
                        : owner.name);
            } else if (!byDemonym.isEmpty() && byDemonym.get(0).country() != null) {
                countries.add(byDemonym.get(0).country());
            } else if (text.relation(child).equals("amod")) {
                words.append(text.lower(child)).append(' ');
            }
        }
        words.append(text.lemma(head));
        for (String country : countries) {
            var entry = registry.byDescription(words + " of " + country);
            if (entry.isPresent()) {
                ActorIndex.Draft actor = index.propose(entry.get().name(), entry.get().type(), entry.get());
                return Referent.proposed(new ActorIndex.Proposal(actor, phrase, -1, -1), phrase);
            }
        }
        return null;
    }

    /**
     * What a noun belongs to: "First Minister of Scotland Nicola Sturgeon" is Sturgeon, "the leader of Serbia" its
     * leader, "the aegis of the European Union" the EU. Null when nothing fits.
     */
    private Referent owner(int head, Span phrase) {
        boolean title = text.ner(head).equals("TITLE") || LEADER_NOUNS.contains(text.lemma(head));
        if (title && text.tag(head).equals("NNS")) {
            return null; // "the leaders of Kosovo and Serbia": a group of leaders (groupMembers), not one of them
        }
        for (int child : text.children(head, r -> r.equals("nmod") || r.equals("nmod:poss"))) {
            ActorIndex.Draft owner = index.actorAt(child);
            if (owner == null) {
                continue;
            }
            if (owner.isPerson()) {
                return new Referent(Kind.ACTOR, List.of(owner), index.mentionAt(child));
            }
            if (title && owner.type.equals("LOCATION")) {
                ActorIndex.Draft leader = nations.leaderOf(List.of(Slug.fold(owner.name)), head);
                if (leader != null) {
                    return new Referent(Kind.ACTOR, List.of(leader), phrase);
                }
            }
            if (!title) {
                return nations.speakingFor(owner, index.mentionAt(child), phrase);
            }
        }
        return null;
    }
}
