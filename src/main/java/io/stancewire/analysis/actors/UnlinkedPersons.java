package io.stancewire.analysis.actors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import io.stancewire.analysis.lexicons.FirstNames;
import io.stancewire.analysis.lexicons.Slug;
import io.stancewire.analysis.lexicons.SpeechVerbs;
import io.stancewire.analysis.parse.ParsedText;

/**
 * People the {@link ActorResolver} left without an actor, added after quotes and tone cues were attributed (those
 * read step 2's actors and commit what their lookups propose: a pronoun they read is claimed by then) and before
 * portrayal, so that every person the text speaks of gets a portrayal:
 * <ol>
 * <li>names the 3-class NER missed, when the context says they are people: an honorific before them ("Ms. Doe"),
 * coordination with a person ("Smith and Doe"), or being the subject of a speech verb ("Doe wrote");</li>
 * <li>a pronoun before its antecedent, inside a phrase or clause that opens the sentence ("After he resigned, Doe
 * said"): the person who is the subject of the main clause;</li>
 * <li>"he" and "she" with no antecedent in the article (an excerpt, a quote that names no one): one actor per
 * pronoun gender, named "he (unresolved)" or "she (unresolved)", never a guessed person.</li>
 * </ol>
 */
public final class UnlinkedPersons {

    public static final String UNRESOLVED = " (unresolved)";

    /** Words before a person's name that are no part of it, lower case, with and without their dot. */
    public static final Set<String> HONORIFICS = Set.of("mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.",
            "sen", "sen.", "rep", "rep.", "gov", "gov.", "mx", "mx.", "prof", "prof.", "rev", "rev.", "sir", "dame",
            "lord", "lady");
    /** Relations by which a fronted phrase or clause hangs from the main verb. */
    private static final Set<String> FRONTED = Set.of("advcl", "obl", "nmod", "obl:tmod", "advmod", "dep");

    private final ParsedText text;
    private final ActorIndex index;
    private final SpeechVerbs speechVerbs;
    private final FirstNames firstNames;
    private final Set<String> demonyms;

    public UnlinkedPersons(ParsedText text, ActorIndex index, SpeechVerbs speechVerbs, FirstNames firstNames,
            Set<String> demonyms) {
        this.text = text;
        this.index = index;
        this.speechVerbs = speechVerbs;
        this.firstNames = firstNames;
        this.demonyms = demonyms;
    }

    /** The name of the one person per article that stands for "he" or "she" with no antecedent. */
    public static String unresolved(FirstNames.Gender gender) {
        return (gender == FirstNames.Gender.MALE ? "he" : "she") + UNRESOLVED;
    }

    /**
     * The name of the person or organisation a description stands for when nobody named is meant: "the governor
     * (unresolved)" for a definite one, "New York judge (unresolved)" for the others.
     */
    public static String described(String words, boolean definite) {
        return (definite ? "the " : "") + words + UNRESOLVED;
    }

    /** Whether the actor stands for unresolved pronouns or titles ("he (unresolved)"): nobody in particular. */
    public static boolean isUnresolved(ActorIndex.Draft actor) {
        return actor.name.endsWith(UNRESOLVED);
    }

    public void resolve() {
        missedNames();
        titles();
        for (int i = 0; i < text.size(); i++) {
            if (index.actorAt(i) != null || !text.isPronoun(i)) {
                continue;
            }
            FirstNames.Gender gender = PronounResolver.pronounGender(text.lower(i));
            if (gender == null) {
                continue;
            }
            ActorIndex.Draft person = cataphora(i, gender);
            if (person == null) {
                person = index.create(unresolved(gender), "PERSON", null);
            }
            index.mention(person, i, i);
        }
    }

    // ------------------------------------------------------------------ names NER missed

    private void missedNames() {
        int i = 0;
        while (i < text.size()) {
            if (!candidate(i)) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < text.size() && candidate(j + 1) && text.sentenceOf(j + 1) == text.sentenceOf(i)) {
                j++;
            }
            if (j - i < 3 && (isPerson(i, j) || i == j && surnameOf(i) != null)) {
                int from = i > 0 && HONORIFICS.contains(text.lower(i - 1)) && index.actorAt(i - 1) == null ? i - 1 : i;
                index.mention(person(i, j), from, j);
            }
            i = j + 1;
        }
    }

    /** A capitalised proper noun (not all capitals) that nothing claimed, not a demonym or honorific. */
    private boolean candidate(int i) {
        String word = text.word(i);
        return index.actorAt(i) == null && text.tag(i).startsWith("NNP") && text.ner(i).equals("O")
                && word.length() > 1 && Character.isUpperCase(word.charAt(0))
                && !word.equals(word.toUpperCase()) && word.chars().allMatch(c -> Character.isLetter(c) || c == '-'
                        || c == '\'')
                && !HONORIFICS.contains(text.lower(i)) && !demonyms.contains(Slug.fold(word));
    }

    private boolean isPerson(int from, int to) {
        if (from > 0 && HONORIFICS.contains(text.lower(from - 1))) {
            return true;
        }
        int head = to;
        for (int k = from; k <= to; k++) {
            int governor = text.governor(k);
            if (governor < from || governor > to) {
                head = k;
                break;
            }
        }
        // "Smith and Doe", "Doe or Smith": coordinated with a person
        if (text.relation(head).equals("conj") && isPersonActor(text.governor(head))) {
            return true;
        }
        for (int child : text.children(head, r -> r.equals("conj"))) {
            if (isPersonActor(child)) {
                return true;
            }
        }
        // "Doe wrote", "Doe told reporters"
        String relation = text.relation(head);
        int governor = text.governor(head);
        return relation.equals("nsubj") && governor >= 0 && speechVerbs.isSpeech(text.lemma(governor));
    }

    /** A person of the article whose name has more than one word and ends with this one ("Strzok", "Peter Strzok"). */
    private ActorIndex.Draft surnameOf(int token) {
        String surname = Slug.fold(text.word(token));
        for (ActorIndex.Draft actor : index.actors()) {
            String[] parts = Slug.fold(actor.name).split("\\s+");
            if (actor.isPerson() && parts.length > 1 && parts[parts.length - 1].equals(surname)) {
                return actor;
            }
        }
        return null;
    }

    private boolean isPersonActor(int token) {
        ActorIndex.Draft actor = index.actorAt(token);
        return actor != null && actor.isPerson() && !actor.name.endsWith(UNRESOLVED);
    }

    /** The person a missed name stands for: an earlier person with that surname, else a new one. */
    private ActorIndex.Draft person(int from, int to) {
        String name = text.body.substring(text.start(from), text.end(to));
        if (from == to) {
            String surname = Slug.fold(text.word(from));
            List<ActorIndex.Draft> holders = new ArrayList<>();
            for (ActorIndex.Draft actor : index.actors()) {
                if (actor.isPerson() && Arrays.asList(Slug.fold(actor.name).split("\\s+")).contains(surname)) {
                    holders.add(actor);
                }
            }
            ActorIndex.Draft found = holders.isEmpty() ? null : index.mostRecent(holders, from);
            if (found != null) {
                return found;
            }
        }
        return index.create(name, "PERSON", null);
    }

    // ------------------------------------------------------------------ titles with no holder

    /**
     * "The governor said", "criticized the senator": a definite title that no named person holds in the article is
     * still someone the text speaks of. One actor per title, "the governor (unresolved)", never a guessed person.
     */
    private void titles() {
        int i = 0;
        while (i < text.size()) {
            if (!text.ner(i).equals("TITLE") || index.actorAt(i) != null) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < text.size() && text.ner(j + 1).equals("TITLE") && index.actorAt(j + 1) == null
                    && text.sentenceOf(j + 1) == text.sentenceOf(i)) {
                j++;
            }
            boolean definite = i > 0 && text.lower(i - 1).equals("the") && index.actorAt(i - 1) == null;
            // the title heads its noun phrase ("the senator said", "the president's speech"), it does not modify
            // another noun ("the governor race"); a plural ("the leaders") is a group, not one person
            boolean head = (text.tag(j).equals("NN") || text.tag(j).equals("NNP"))
                    && (j + 1 >= text.size() || !text.tag(j + 1).startsWith("NN"));
            if (definite && head && !text.relation(j).equals("compound")) {
                String title = text.body.substring(text.start(i), text.end(j)).toLowerCase(java.util.Locale.ROOT);
                index.mention(index.create(described(title, true), "PERSON", null), i - 1, j);
            }
            i = j + 1;
        }
    }

    // ------------------------------------------------------------------ pronouns before their antecedent

    /**
     * "In his first speech, Doe said", "After admitting that he ..., Doe revealed": the pronoun lies in a phrase or
     * clause of the main verb that comes before the main subject, and that subject is a person of the same gender.
     */
    private ActorIndex.Draft cataphora(int pronoun, FirstNames.Gender gender) {
        return cataphora(text, index, firstNames, pronoun, gender);
    }

    /** {@link #cataphora(int, FirstNames.Gender)} as a pure lookup, for the referent lookup of the quote stage. */
    public static ActorIndex.Draft cataphora(ParsedText text, ActorIndex index, FirstNames firstNames, int pronoun,
            FirstNames.Gender gender) {
        int root = text.root(text.sentenceOf(pronoun));
        if (root < 0) {
            return null;
        }
        int subject = -1;
        for (int child : text.children(root, r -> r.equals("nsubj") || r.equals("nsubj:pass"))) {
            subject = child;
        }
        if (subject <= pronoun) {
            return null;
        }
        // the root's child whose subtree holds the pronoun
        int node = pronoun;
        for (int hop = 0; hop < 30 && node >= 0 && text.governor(node) != root; hop++) {
            node = text.governor(node);
        }
        if (node < 0 || node >= subject || !FRONTED.contains(text.relation(node))) {
            return null;
        }
        ActorIndex.Draft actor = index.actorAt(subject);
        if (actor == null || !actor.isPerson() || isUnresolved(actor)) {
            return null;
        }
        FirstNames.Gender known = firstNames.ofFullName(actor.name);
        return known == null || known == FirstNames.Gender.UNKNOWN || known == gender ? actor : null;
    }
}
