package io.stancewire.analysis.actors;

import java.util.List;
import java.util.Set;

import io.stancewire.analysis.actors.ReferentResolver.Kind;
import io.stancewire.analysis.actors.ReferentResolver.Referent;
import io.stancewire.analysis.model.Span;
import io.stancewire.analysis.parse.ParsedText;

/**
 * A person named by a role: "the Republican lawmaker said" after "Senator X voted …" is Senator X, the person the
 * text was last about. Pure lookups: see {@link ReferentResolver.Referent}.
 */
record RoleReferents(ParsedText text, ActorIndex index) {

    /**
     * Nouns of a person's role that news uses for someone it has named ("the nominee said"): the singular heads of
     * definite source descriptions seen at least three times in PolNeAR's train split, persons only.
     */
    private static final Set<String> ROLE_NOUNS = Set.of("candidate", "senator", "official", "governor", "judge",
            "spokesman", "spokeswoman", "republican", "democrat", "nominee", "aide", "leader", "man", "woman",
            "reporter", "businessman", "mogul", "tycoon", "billionaire", "adviser", "front-runner", "neurosurgeon",
            "strategist", "employee", "person", "guy", "general", "actor", "actress", "star", "executive", "staffer",
            "supporter", "member", "mayor", "diplomat", "activist", "veteran", "journalist", "lady", "moderator",
            "host", "lawmaker", "congressman", "congresswoman", "politician", "president", "secretary", "minister",
            "chairman", "chairwoman", "director", "founder", "ceo", "developer", "lawyer", "attorney");

    /**
     * "the Republican lawmaker", "the New York businessman", "the former secretary of state": a definite singular
     * description by a person's title or role, when nobody was named with that very word, is the person the text
     * was last about (the subject of this or the previous sentence, else the last person named in the paragraph).
     */
    Referent personByRole(int head, Span phrase) {
        boolean singular = text.tag(head).equals("NN")
                || text.tag(head).equals("NNP") && Character.isLowerCase(text.word(head).charAt(0));
        if (!singular || !text.hasChild(head, r -> r.equals("det"), Set.of("the"))
                || !(text.ner(head).equals("TITLE") || ROLE_NOUNS.contains(text.lemma(head)))
                || !text.children(head, r -> r.equals("nmod:poss")).isEmpty()) {
            return null;
        }
        for (int modifier : text.children(head, r -> r.equals("amod") || r.startsWith("compound"))) {
            if (Set.of("vice", "deputy", "assistant", "under", "other", "new", "next").contains(text.lemma(modifier))) {
                return null;
            }
        }
        ActorIndex.Draft person = lastSubject(head);
        if (person == null) {
            person = lastPersonBefore(head);
        }
        return person == null ? null : new Referent(Kind.ACTOR, List.of(person), phrase);
    }

    /**
     * The person who is the subject of this sentence before {@code token}, else of the previous sentence ("the
     * Republican lawmaker" after "Senator X voted …"); a he/she subject counts as the person PronounResolver linked
     * it to.
     */
    private ActorIndex.Draft lastSubject(int token) {
        int sentence = text.sentenceOf(token);
        for (int s = sentence; s >= Math.max(0, sentence - 1); s--) {
            int root = text.root(s);
            if (root < 0) {
                continue;
            }
            ActorIndex.Draft rootActor = index.actorAt(root);
            if (root < token && rootActor != null && rootActor.isPerson()) {
                return rootActor; // a parse that made the name its root ("Agnès Callamard, a UN rapporteur, ...")
            }
            for (int subject : text.subjectCandidates(root)) {
                if (subject >= token) {
                    continue;
                }
                if (PronounReferents.PERSON_PRONOUNS.contains(text.lower(subject)) && index.actorAt(subject) == null) {
                    return null; // a he/she PronounResolver linked to nobody: nobody to read a role as
                }
                ActorIndex.Draft actor = index.actorAt(subject);
                if (actor != null && actor.isPerson()) {
                    return actor;
                }
            }
            // a root with no person subject ("PBS revealed that Prince X accepted ...", "Wednesday, ..., Bloomberg
            // endorsed"): the first named person that is the subject of a clause of the sentence
            for (int i = text.sentenceFirst(s); i < Math.min(token, text.sentenceEnd(s)); i++) {
                if (text.relation(i).startsWith("nsubj") && !text.isPronoun(i)) {
                    ActorIndex.Draft actor = index.actorAt(i);
                    if (actor != null && actor.isPerson()) {
                        return actor;
                    }
                }
            }
        }
        return null;
    }

    private ActorIndex.Draft lastPersonBefore(int token) {
        int paragraph = text.paragraphOf(Math.min(token, text.size() - 1));
        for (int i = token - 1; i >= 0 && text.paragraphOf(i) >= paragraph - 2; i--) {
            ActorIndex.Draft actor = index.actorAt(i);
            if (actor != null && actor.isPerson()) {
                return actor;
            }
        }
        return null;
    }
}
