package io.stancewire.analysis.actors;

import java.util.List;
import java.util.Set;

import io.stancewire.analysis.actors.ReferentResolver.Kind;
import io.stancewire.analysis.actors.ReferentResolver.Referent;
import io.stancewire.analysis.lexicons.FirstNames;
import io.stancewire.analysis.model.Span;
import io.stancewire.analysis.parse.ParsedText;

/**
 * Pronouns as referents: "Brunner, who said …" (the antecedent), "he said" (the person {@link PronounResolver}
 * linked, else the one named after it, else someone unresolved), "they released" (an organisation just named, else a
 * group), "it proposes" (a document the text was about). {@link PronounResolver} owns the pronoun links; this reads
 * them. Pure lookups: see {@link ReferentResolver.Referent}.
 */
record PronounReferents(ParsedText text, ActorIndex index, FirstNames firstNames,
        ReferentResolver referents) {

    static final Set<String> PERSON_PRONOUNS = Set.of("he", "she", "him", "her");
    private static final Set<String> GROUP_PRONOUNS = Set.of("they", "them", "we", "us");
    static final Set<String> RELATIVE_PRONOUNS = Set.of("who", "which", "that", "whom");
    static final Set<String> THING_PRONOUNS = Set.of("it", "its");

    /** "Brunner, who said …": the antecedent, mentioned by the relative pronoun. */
    Referent relative(int head, Span single) {
        int verb = text.governor(head);
        if (verb >= 0 && text.relation(verb).startsWith("acl")) {
            Referent antecedent = referents.resolve(text.governor(verb));
            return antecedent.kind() == Kind.UNKNOWN ? antecedent : antecedent.withMention(single);
        }
        return Referent.NONE;
    }

    /** he/she through {@link PronounResolver}'s links (else cataphora, else someone unresolved); they; we. */
    Referent pronoun(int head, String word, Span single) {
        FirstNames.Gender gender = PronounResolver.pronounGender(word);
        if (gender != null && PERSON_PRONOUNS.contains(word)) {
            // "After he resigned, Doe said": the person named after it; else someone, not a guess
            ActorIndex.Draft named = UnlinkedPersons.cataphora(text, index, firstNames, head, gender);
            if (named != null) {
                return Referent.proposed(new ActorIndex.Proposal(named, single, head, head), single);
            }
            ActorIndex.Draft someone = index.propose(UnlinkedPersons.unresolved(gender), "PERSON", null);
            return Referent.proposed(new ActorIndex.Proposal(someone, single, head, head), single);
        }
        if (word.equals("they")) {
            ActorIndex.Draft organisation = lastOrganisationSubject(head);
            if (organisation != null) {
                return new Referent(Kind.ACTOR, List.of(organisation), single);
            }
        }
        if (GROUP_PRONOUNS.contains(word)) {
            return new Referent(Kind.GROUP, List.of(), single);
        }
        return Referent.NONE;
    }

    /**
     * "It": a document when the previous sentences speak of one ("The text also states ... At the same time, it
     * proposes"), an organisation when coreference says so, otherwise unknown (a place is not a speaker).
     */
    Referent thing(int head, ActorIndex.Draft actor) {
        int sentence = text.sentenceOf(head);
        for (int s = sentence; s >= Math.max(0, sentence - 1); s--) {
            int root = text.root(s);
            int subject = root < 0 ? -1 : text.subjectOf(root);
            if (subject >= 0 && subject != head && DocumentReferents.DOCUMENT_NOUNS.contains(text.lemma(subject))) {
                return new Referent(Kind.DOCUMENT, List.of(), text.span(head, head));
            }
        }
        if (actor != null && actor.type.equals("ORGANIZATION")) {
            return new Referent(Kind.ACTOR, List.of(actor), text.span(head, head));
        }
        return Referent.NONE;
    }

    /** "They" after a sentence whose subject is an organisation ("The commission criticised ... They released"). */
    private ActorIndex.Draft lastOrganisationSubject(int token) {
        int sentence = text.sentenceOf(token);
        for (int s = sentence; s >= Math.max(0, sentence - 1); s--) {
            int root = text.root(s);
            if (root < 0) {
                continue;
            }
            for (int subject : text.subjectCandidates(root)) {
                if (subject >= token) {
                    continue;
                }
                ActorIndex.Draft actor = index.actorAt(subject);
                if (actor != null) {
                    return actor.type.equals("ORGANIZATION") ? actor : null;
                }
            }
        }
        return null;
    }
}
