package io.stancewire.analysis.actors;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.stancewire.analysis.actors.ReferentResolver.Kind;
import io.stancewire.analysis.actors.ReferentResolver.Referent;
import io.stancewire.analysis.lexicons.Capitals;
import io.stancewire.analysis.lexicons.Demonyms;
import io.stancewire.analysis.lexicons.Slug;
import io.stancewire.analysis.parse.ParsedText;

/**
 * The parties to an act, where states are the actors ("Kestrian police detained a Tallisian journalist": Kestria and
 * Tallisia): the country a description belongs to, the leader whose forces they are, and actors NER does not know
 * ("the Rohans", "the Arnorian army"). Asked by the tone cues for the agents and targets of acts only; pure lookups
 * like {@link ReferentResolver}'s: they propose actors, and whoever keeps the act commits them.
 */
public final class ActParties {

    private final ParsedText text;
    private final ActorIndex index;
    private final LeaderRegistry registry;
    private final ReferentResolver referents;

    public ActParties(ParsedText text, ActorIndex index, LeaderRegistry registry, ReferentResolver referents) {
        this.text = text;
        this.index = index;
        this.registry = registry;
        this.referents = referents;
    }

    /**
     * The country a described actor belongs to, for acts, where states are the actors ("Kestrian police", "the
     * Tallisian city of Harrow", "hundreds of Morvanian workers", "the president of Ostrelia", "Tallisia's foreign
     * minister", "commandos from Lusmark"): a country adjective on the head or on its "of" phrase, else a proper noun
     * owning it ("of", "from", possessive). NONE when the
     * phrase names no country. A pure lookup.
     */
    public Referent countryOfDescription(int head) {
        if (head < 0 || !text.tag(head).startsWith("NN") || text.tag(head).startsWith("NNP")) {
            return Referent.NONE;
        }
        List<Integer> phrases = new ArrayList<>(List.of(head));
        phrases.addAll(text.childrenWithCase(head, ParsedText.NOMINAL_MODIFIER, OWNER_CASES));
        for (int phrase : phrases) {
            for (int modifier : text.children(phrase, r -> r.equals("amod") || r.equals("compound"))) {
                int country = countryWord(modifier);
                if (country >= 0) {
                    return countriesOf(country, phrase);
                }
            }
        }
        Referent leader = leaderOfForce(head);
        if (leader != null) {
            return leader;
        }
        for (int owner : text.children(head, r -> r.equals("nmod:poss") || r.startsWith("nmod"))) {
            boolean possessive = text.relation(owner).equals("nmod:poss");
            if ((possessive || text.hasChild(owner, r -> r.equals("case"), OWNER_CASES))
                    && text.tag(owner).startsWith("NNP")) {
                ActorIndex.Draft actor = index.actorAt(owner);
                return actor != null && !actor.isPerson() ? referents.resolve(owner) : unlistedActor(owner);
            }
        }
        return Referent.NONE;
    }

    /**
     * An actor NER does not know, where the syntax says it acts or is acted on (asked for the agents and targets of
     * acts only): a proper noun ("the Rohans": Rohan), or a country adjective on the phrase's head ("the Arnorian
     * army": Arnor; "Serbian forces": the Government of Serbia). An actor of that name in the article is taken, else
     * one is proposed. A pure lookup.
     */
    public Referent unlistedActor(int head) {
        if (head < 0 || !text.tag(head).startsWith("NN") || NOT_ACTORS.contains(text.ner(head))
                || ReferentResolver.CALENDAR.contains(text.lower(head))) {
            return Referent.NONE; // "on Tuesday"
        }
        if (text.tag(head).startsWith("NNP") && Character.isUpperCase(text.word(head).charAt(0))) {
            int from = head;
            while (from > 0 && text.governor(from - 1) == head && (text.tag(from - 1).startsWith("NNP")
                    || text.tag(from - 1).startsWith("JJ") && Character.isUpperCase(text.word(from - 1).charAt(0)))) {
                from--; // "Upper Vassel", "North Calvera"
            }
            while (from < head && text.ner(from).equals("TITLE")) {
                from++; // "Colonel Idris Fanu": the person, not the rank
            }
            String name = text.span(from, head).text();
            if (text.tag(head).equals("NNPS") && name.endsWith("s") && name.length() > 4) {
                name = name.substring(0, name.length() - 1); // "the Rohans": Rohan
            }
            return unlisted(name, from, head);
        }
        for (int modifier : text.children(head, r -> r.equals("amod") || r.equals("compound"))) {
            String word = text.word(modifier);
            if (Character.isUpperCase(word.charAt(0))
                    && (text.tag(modifier).startsWith("JJ") || text.tag(modifier).startsWith("NNP"))) {
                return unlistedActorOf(modifier, head);
            }
        }
        return Referent.NONE;
    }

    /**
     * A capital standing for its country, for the parties of acts ("Helsinki sealed its border with Russia": Finland;
     * "extradited him to Lima": Peru): when the phrase at {@code head} is a name and {@code resolved} one place that
     * {@link Capitals} lists, the country's actor (its registry government when listed), else NONE. A pure lookup.
     */
    public Referent countryOfCapital(Referent resolved, int head) {
        if (head < 0 || !text.tag(head).startsWith("NNP") || resolved.actors().size() != 1
                || !resolved.actors().get(0).type.equals("LOCATION")) {
            return Referent.NONE; // the phrase must be the capital's name, not a description ("his counterpart")
        }
        String country = Capitals.shared().countryOf(resolved.actors().get(0).name);
        if (country == null) {
            return Referent.NONE;
        }
        int from = head;
        while (from > 0 && text.governor(from - 1) == head && text.tag(from - 1).startsWith("NNP")) {
            from--; // "Buenos Aires", "Addis Ababa"
        }
        return unlisted(country, from, head);
    }

    /**
     * Who ordered what a word says was done ("was deported on the orders of Interior Minister Carlos Ibarra",
     * "soldiers acting on General Ruiz's orders"): the owner of an "on ... orders" phrase on the word; empty when it
     * has none.
     */
    public List<Integer> orderers(int word) {
        List<Integer> out = new ArrayList<>();
        for (int order : text.childrenWithCase(word, r -> r.startsWith("obl"), ON)) {
            if (text.lemma(order).equals("order")) {
                for (int owner : text.children(order, r -> r.equals("nmod:poss") || r.startsWith("nmod"))) {
                    if (text.relation(owner).equals("nmod:poss") || text.hasChild(owner, r -> r.equals("case"), OF)) {
                        out.add(owner);
                    }
                }
            }
        }
        return out;
    }

    private static final Set<String> ON = Set.of("on");
    private static final Set<String> OF = Set.of("of");

    /**
     * "Forces loyal to General Brandvik", "fighters commanded by Yusuf Kadiri", "pirates led by Koro Atumba", "police
     * acting on the orders of Governor Brandt": the person whose men they are; null when the phrase names none.
     */
    private Referent leaderOfForce(int head) {
        List<Integer> leaders = new ArrayList<>();
        for (int clause : text.children(head, r -> r.equals("acl") || r.equals("amod"))) {
            if (text.tag(clause).equals("VBN")) {
                leaders.addAll(text.byAgents(clause)); // "commanded by", "led by"
            } else if (text.lemma(clause).equals("loyal")) {
                leaders.addAll(text.children(clause, r -> r.startsWith("obl") || r.startsWith("nmod"))); // "loyal to"
            }
            leaders.addAll(orderers(clause)); // "police acting on the orders of the governor"
        }
        for (int person : leaders) {
            Referent referent = referents.resolve(person);
            if (!referent.actors().isEmpty()) {
                return referent;
            }
        }
        return null;
    }

    /**
     * The country adjective a modifier is, or holds as the first half of a hyphenated participle ("a
     * Malaysian-flagged trawler", "Russian-registered ships", "the Saudi-led coalition": the parser makes the
     * adjective a child of the participle); -1 for none.
     */
    private int countryWord(int modifier) {
        if (isCountryAdjective(modifier)) {
            return modifier;
        }
        if (BELONGING_PARTICIPLES.contains(text.lemma(modifier))) {
            for (int part : text.children(modifier, r -> !r.equals("punct"))) {
                if (part < modifier && isCountryAdjective(part)) {
                    return part;
                }
            }
        }
        return -1;
    }

    /**
     * Participles that tie a thing to a country that holds or runs it when hyphenated to its adjective
     * ("Spanish-flagged"); not makers or payers ("Iranian-made drones" are not Iran's act).
     */
    private static final Set<String> BELONGING_PARTICIPLES = Set.of("flag", "register", "own", "lead", "back",
            "base", "operate", "run", "control", "command");

    /** "Halvorian and Corvenian negotiators": each country of the coordinated adjectives. */
    private Referent countriesOf(int modifier, int phrase) {
        Referent first = unlistedActorOf(modifier, phrase);
        List<Integer> others = text.children(modifier, r -> r.equals("conj")).stream()
                .filter(this::isCountryAdjective).toList();
        if (others.isEmpty()) {
            return first;
        }
        List<ActorIndex.Draft> actors = new ArrayList<>(first.actors());
        List<ActorIndex.Proposal> proposals = new ArrayList<>(first.proposals());
        for (int other : others) {
            Referent next = unlistedActorOf(other, phrase);
            actors.addAll(next.actors());
            proposals.addAll(next.proposals());
        }
        return new Referent(Kind.COORDINATED, List.copyOf(actors), referents.nounPhrase(phrase), proposals);
    }

    /**
     * The actor a country adjective or name on a phrase stands for ("Serbian forces": the Government of Serbia): the
     * government the registry lets the country's name stand for, rather than the first body of that country it lists
     * ("British": the Government of the United Kingdom, not 10 Downing Street).
     */
    private Referent unlistedActorOf(int modifier, int head) {
        String word = text.word(modifier);
        for (LeaderRegistry.Entry body : registry.byDemonym(word)) {
            if (!body.isPerson()) {
                LeaderRegistry.Entry entry = body.country() == null ? body
                        : registry.byPlace(body.country()).orElse(body);
                ActorIndex.Draft government = index.propose(entry.name(), entry.type(), entry);
                return Referent.proposed(new ActorIndex.Proposal(government, text.span(modifier, modifier),
                        modifier, modifier), referents.nounPhrase(head));
            }
        }
        return unlisted(isCountryAdjective(modifier) ? countryOf(word) : word, modifier, modifier);
    }

    /**
     * A capitalised adjective ("Ostrelian"), or a word tagged as a name that reads as one ("Tallisian border town":
     * NNP, but no actor, and a country adjective's ending).
     */
    private boolean isCountryAdjective(int token) {
        String word = text.word(token);
        if (!Character.isUpperCase(word.charAt(0))) {
            return false;
        }
        if (!registry.byDemonym(word).isEmpty() || Demonyms.shared().placeOf(word) != null) {
            return true;
        }
        if (text.tag(token).startsWith("JJ")) {
            return !text.tag(text.governor(token)).startsWith("NNP"); // "Upper Vassel": part of a name
        }
        if (!text.tag(token).startsWith("NNP")) {
            return false;
        }
        if (index.actorAt(token) == null) {
            return Set.of("O", "MISC", "NATIONALITY").contains(text.ner(token))
                    && Stream.of("ian", "ean", "ese", "ish", "an", "er", "i").anyMatch(word::endsWith);
        }
        return isAdjectivePlace(token);
    }

    /**
     * A country adjective NER took for the name of a place ("shelled by Ardavian artillery": "Ardavian" is tagged a
     * LOCATION, so an actor of that name stands on it): one word, an adjective's ending that place names rarely have
     * (not "-an": "Jordan valley"), modifying a common noun, and no place the registry or CoreNLP's list knows.
     */
    private boolean isAdjectivePlace(int token) {
        ActorIndex.Draft actor = index.actorAt(token);
        String word = text.word(token);
        int governor = text.governor(token);
        return actor != null && actor.type.equals("LOCATION") && actor.entry == null
                && index.actorAt(token - 1) != actor && index.actorAt(token + 1) != actor
                && (text.relation(token).equals("amod") || text.relation(token).equals("compound"))
                && governor >= 0 && text.tag(governor).startsWith("NN") && !text.tag(governor).startsWith("NNP")
                && Stream.of("ian", "ean", "ese", "ish").anyMatch(word::endsWith)
                && registry.byPlace(word).isEmpty() && Capitals.shared().countryOf(word) == null;
    }

    /** "The president of Ostrelia", "commandos from Lusmark", "troops under Colonel Fanu". */
    private static final Set<String> OWNER_CASES = Set.of("of", "from", "under");

    /** Named entities that never act: "on Tuesday", "$2 billion". */
    private static final Set<String> NOT_ACTORS = Set.of("DATE", "TIME", "DURATION", "SET", "NUMBER", "ORDINAL",
            "MONEY", "PERCENT");

    /** Country adjectives and the ending of their country: "Serbian" Serbia, "Korean" Korea, "Iraqi" Iraq. */
    private static final List<String[]> ADJECTIVE_ENDINGS = List.of(new String[] { "ian", "ia" },
            new String[] { "ean", "ea" }, new String[] { "ese", "" }, new String[] { "ish", "" },
            new String[] { "an", "a" }, new String[] { "er", "" }, new String[] { "i", "" });

    /**
     * "Morvanian": the actor of the article whose name begins with the adjective's stem ("Morvan"), else the country
     * the usual ending gives ("Morvania"); never a place named as the adjective itself (NER tags "Lirenian" in
     * "Lirenian debt" a LOCATION).
     */
    private String countryOf(String adjective) {
        String known = Demonyms.shared().placeOf(adjective);
        if (known != null) {
            return known; // "Haitian": Haiti
        }
        for (String[] ending : ADJECTIVE_ENDINGS) {
            String stem = adjective.substring(0, adjective.length() - ending[0].length());
            if (adjective.endsWith(ending[0]) && stem.length() >= 3) {
                String folded = Slug.fold(stem);
                for (ActorIndex.Draft actor : index.actors()) {
                    String name = Slug.fold(actor.name);
                    if (!actor.isPerson() && name.startsWith(folded) && !name.equals(Slug.fold(adjective))) {
                        return actor.name;
                    }
                }
                return stem + ending[1];
            }
        }
        return adjective;
    }

    private Referent unlisted(String name, int from, int to) {
        LeaderRegistry.Entry entry = registry.byName(name).or(() -> registry.byPlace(name)).orElse(null);
        ActorIndex.Draft actor = index.propose(name, "ORGANIZATION", entry);
        return Referent.proposed(new ActorIndex.Proposal(actor, text.span(from, to), from, to), text.span(from, to));
    }
}
