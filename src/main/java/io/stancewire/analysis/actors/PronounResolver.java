package io.stancewire.analysis.actors;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.stancewire.analysis.lexicons.FirstNames;
import io.stancewire.analysis.model.Span;
import io.stancewire.analysis.parse.ParsedText;

/**
 * Links third-person pronouns to the actors found before them, in place of CoreNLP's statistical coreference (which
 * cost 80% of the analysis time and read news pronouns no better). News writes "X said ... He added ...": a pronoun
 * is the subject of its own sentence before it, else of the sentences just before, else the nearest person mention,
 * among the actors whose gender agrees (first names from CoreNLP's name list, honorifics, earlier pronouns).
 * "its" goes to the nearest organisation in the same or the previous sentence. Nothing else is linked: "it" is too
 * often expletive, and "they", "we", "I" are groups or speakers inside quotes.
 */
public final class PronounResolver {

    private static final Set<String> MALE_PRONOUNS = Set.of("he", "him", "his", "himself");
    private static final Set<String> FEMALE_PRONOUNS = Set.of("she", "her", "hers", "herself");
    private static final Set<String> MALE_HONORIFICS = Set.of("mr", "mr.", "sir", "lord", "king", "prince", "sheikh");
    private static final Set<String> FEMALE_HONORIFICS = Set.of("mrs", "mrs.", "ms", "ms.", "miss", "madam", "dame",
            "lady", "queen", "princess");
    private static final int WINDOW_SENTENCES = 3;

    private final FirstNames firstNames;

    public PronounResolver(FirstNames firstNames) {
        this.firstNames = firstNames;
    }

    void resolve(ParsedText text, ActorIndex index) {
        Map<ActorIndex.Draft, FirstNames.Gender> genders = new HashMap<>();
        for (int i = 0; i < text.size(); i++) {
            if (index.actorAt(i) != null) {
                continue;
            }
            String word = text.lower(i);
            FirstNames.Gender gender = pronounGender(word);
            if (gender != null && text.isPronoun(i)) {
                ActorIndex.Draft person = antecedent(text, index, i, gender, genders);
                if (person != null) {
                    genders.putIfAbsent(person, gender);
                    index.mention(person, i, i);
                }
            } else if (word.equals("its")) {
                ActorIndex.Draft organisation = nearestOrganisation(text, index, i);
                if (organisation != null) {
                    index.mention(organisation, i, i);
                }
            }
        }
    }

    /** MALE for "he", "him", "his", "himself", FEMALE for "she", "her", "hers", "herself", else null. */
    static FirstNames.Gender pronounGender(String word) {
        return MALE_PRONOUNS.contains(word) ? FirstNames.Gender.MALE
                : FEMALE_PRONOUNS.contains(word) ? FirstNames.Gender.FEMALE : null;
    }

    private ActorIndex.Draft antecedent(ParsedText text, ActorIndex index, int pronoun, FirstNames.Gender gender,
            Map<ActorIndex.Draft, FirstNames.Gender> genders) {
        int sentence = text.sentenceOf(pronoun);
        boolean reflexive = text.lower(pronoun).endsWith("self");
        int governor = text.governor(pronoun);
        int clauseSubject = governor < 0 ? -1 : text.subjectOf(governor);
        for (int s = sentence; s >= Math.max(0, sentence - WINDOW_SENTENCES + 1); s--) {
            int root = text.root(s);
            if (root < 0) {
                continue;
            }
            for (int subject : text.subjectCandidates(root)) {
                ActorIndex.Draft actor = index.actorAt(subject);
                if (subject < pronoun && agrees(text, index, actor, gender, genders)
                        && (reflexive || subject != clauseSubject || s != sentence)) {
                    return actor;
                }
            }
            // "Although Trump has admitted using the tax code, he …", "PBS revealed that Prince X accepted …. Speaking
            // to Y, he said": the first person subject of another clause of the sentence
            for (int i = text.sentenceFirst(s); i < Math.min(pronoun, text.sentenceEnd(s)); i++) {
                ActorIndex.Draft actor = index.actorAt(i);
                if (text.relation(i).startsWith("nsubj") && !text.isPronoun(i) && i != clauseSubject
                        && agrees(text, index, actor, gender, genders)) {
                    return actor;
                }
            }
        }
        int first = text.sentenceFirst(Math.max(0, sentence - WINDOW_SENTENCES + 1));
        for (int i = pronoun - 1; i >= first; i--) {
            ActorIndex.Draft actor = index.actorAt(i);
            if (agrees(text, index, actor, gender, genders) && (reflexive || i != clauseSubject)) {
                return actor;
            }
        }
        return null;
    }

    private boolean agrees(ParsedText text, ActorIndex index, ActorIndex.Draft actor, FirstNames.Gender gender,
            Map<ActorIndex.Draft, FirstNames.Gender> genders) {
        if (actor == null || !actor.isPerson()) {
            return false;
        }
        FirstNames.Gender known = genders.computeIfAbsent(actor, a -> genderOf(text, index, a));
        return known == FirstNames.Gender.UNKNOWN || known == gender;
    }

    private FirstNames.Gender genderOf(ParsedText text, ActorIndex index, ActorIndex.Draft actor) {
        for (Span mention : actor.mentions.values()) {
            int first = text.tokenAt(mention.start());
            if (first > 0) {
                String before = text.lower(first - 1);
                if (MALE_HONORIFICS.contains(before)) {
                    return FirstNames.Gender.MALE;
                }
                if (FEMALE_HONORIFICS.contains(before)) {
                    return FirstNames.Gender.FEMALE;
                }
            }
        }
        FirstNames.Gender byName = firstNames.ofFullName(actor.name);
        return byName != null ? byName : FirstNames.Gender.UNKNOWN;
    }

    private static ActorIndex.Draft nearestOrganisation(ParsedText text, ActorIndex index, int token) {
        int first = text.sentenceFirst(Math.max(0, text.sentenceOf(token) - 1));
        for (int i = token - 1; i >= first; i--) {
            ActorIndex.Draft actor = index.actorAt(i);
            if (actor != null) {
                return actor.isPerson() ? null : actor;
            }
        }
        return null;
    }
}
