package io.stancewire.analysis.tone;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.stancewire.analysis.actors.ActParties;
import io.stancewire.analysis.actors.ActorIndex;
import io.stancewire.analysis.actors.ReferentResolver;
import io.stancewire.analysis.actors.UnlinkedPersons;
import io.stancewire.analysis.lexicons.ToneLexicon;
import io.stancewire.analysis.parse.ParsedText;

/**
 * Finds the tone cues of the narration: a word whose lemma heads a {@link ToneLexicon} entry and whose dependency
 * subtree holds the entry's other lemmas ("throw" ... "spade"). Its agents are the subject (propagated through
 * "did not hesitate to" and conjoined verbs), its targets the objects and obliques; "each other" makes the agents
 * their own targets. Negation scales the polarity ({@link Negation}). Words inside direct quotes are the speaker's,
 * not the narration's, and are scored as quote tone instead.
 *
 * <p>
 * Acts (the act lexicon: "signed an accord with", "shelled") need an actor as their target, or coordinated agents
 * of a mutual act ("Arnor and Gondor signed an accord"), who then act on each other; their agent or target may be an
 * actor NER does not know ({@link ActParties}: "the Rohans", "the Arnorian army").
 */
public final class ToneCueMatcher {

    public record Match(int from, int to, ToneLexicon.Entry entry, List<ActorIndex.Draft> agents,
            List<ActorIndex.Draft> targets, double polarity) {
    }

    private static final Set<String> RECIPROCAL = Set.of("other", "another");
    private static final Set<String> TARGET_CASES = Set.of("at", "on", "against", "to", "toward", "towards", "with",
            "upon", "of", "over", "about");
    private static final Set<String> OF = Set.of("of");
    private static final Set<String> BY = Set.of("by");
    /**
     * Verbs that carry out the act their object names ("ordered the detention of", "carried out strikes on"), unlike
     * verbs that undo it ("cut off supplies to").
     */
    private static final Set<String> LIGHT_VERBS = Set.of("order", "launch", "carry", "conduct", "authorize",
            "authorise", "begin", "start", "step", "continue", "stage", "mount", "approve");
    /**
     * The cases of an act's target: also "from" and "into" ("withdrew troops from", "sent troops into"), but not
     * "at" and "about", which place an act ("swapped prisoners at the airport") rather than aim it; except that
     * hostile acts are aimed "at" ("fired rockets at").
     */
    private static final Set<String> ACT_CASES = Set.of("on", "against", "to", "toward", "towards", "with", "upon",
            "of", "over", "from", "into");
    private static final Set<String> HOSTILE_ACT_CASES = Stream.concat(ACT_CASES.stream(), Stream.of("at"))
            .collect(Collectors.toUnmodifiableSet());

    private final ParsedText text;
    private final ReferentResolver referents;
    private final ActParties parties;
    private final ToneLexicon lexicon;
    /** Tokens inside direct quotes: words quoted are the speaker's, read with the quote. */
    private final IntPredicate quoted;

    public ToneCueMatcher(ParsedText text, ReferentResolver referents, ActParties parties, ToneLexicon lexicon,
            IntPredicate quoted) {
        this.text = text;
        this.referents = referents;
        this.parties = parties;
        this.lexicon = lexicon;
        this.quoted = quoted;
    }

    public List<Match> match() {
        List<Match> out = new ArrayList<>();
        for (int head = 0; head < text.size(); head++) {
            if (quoted.test(head) || !isContentWord(head)) {
                continue;
            }
            for (ToneLexicon.Entry entry : lexicon.entries(text.lemma(head))) {
                List<Integer> parts = parts(head, entry);
                if (parts == null) {
                    continue;
                }
                Match match = build(head, entry, parts);
                if (match != null) {
                    out.add(match);
                }
                break;
            }
        }
        return out;
    }

    /** Verbs, common nouns and adjectives ("criticism", "furious"); bare nouns and adjectives need an agent. */
    private boolean isContentWord(int token) {
        String tag = text.tag(token);
        return tag.startsWith("VB") || tag.startsWith("NN") && !tag.startsWith("NNP") || tag.startsWith("JJ");
    }

    /** The tokens that carry the entry's required lemmas, or null when one is missing. */
    private List<Integer> parts(int head, ToneLexicon.Entry entry) {
        List<Integer> parts = new ArrayList<>();
        if (entry.with().isEmpty()) {
            return parts;
        }
        List<Integer> below = text.descendants(head, 2);
        for (String lemma : entry.with()) {
            Integer found = below.stream().filter(t -> text.lemma(t).equals(lemma)).findFirst().orElse(null);
            if (found == null) {
                return null;
            }
            parts.add(found);
        }
        return parts;
    }

    /**
     * The heads of the cue's targets: objects, passive subjects, and obliques with a target case ("at", "on",
     * "with") of the head and of the entry's other words ("waged war on the Rohans"); through a verb the head
     * controls, that verb's objects ("refuses to recognize the independence ...").
     */
    private List<Integer> targetHeads(int head, List<Integer> parts, Set<String> cases) {
        List<Integer> out = new ArrayList<>();
        List<Integer> words = new ArrayList<>(parts);
        words.add(0, head);
        for (int word : words) {
            out.addAll(objects(word, cases));
        }
        for (int controlled : text.children(head, r -> r.equals("xcomp"))) {
            if (text.isVerb(controlled)) {
                out.addAll(objects(controlled, cases));
            }
        }
        return out;
    }

    /**
     * The recipient or target of an act attached to what the act moves rather than to its verb ("donated $20
     * million to Lurenia", "imposed tariffs on Chinese cars": the parser often hangs "to" and "on" below the object).
     * Only "to" and "into" for every act, and "on", "against" and "at" for hostile ones: never "of" (the object's
     * owner, which {@link #targetOf} reads) or "with" ("a trawler with its crew").
     */
    private List<Integer> recipients(List<Integer> objects, boolean hostile) {
        Set<String> cases = hostile ? HOSTILE_RECIPIENT_CASES : RECIPIENT_CASES;
        List<Integer> out = new ArrayList<>();
        for (int object : objects) {
            if (text.relation(object).equals("obj")) {
                out.addAll(text.childrenWithCase(object, ParsedText.NOMINAL_MODIFIER, cases));
            }
        }
        return out;
    }

    private static final Set<String> RECIPIENT_CASES = Set.of("to", "into");
    private static final Set<String> HOSTILE_RECIPIENT_CASES = Set.of("to", "into", "on", "against", "at");

    /**
     * A party to an act, where states are the actors: the country of a capital ("Helsinki"); a person or
     * organisation the phrase names; else the country a description belongs to ("Kestrian police", "the Tallisian
     * city of Harrow"); else what the phrase refers to (a place); else an actor NER does not know ("the Rohans").
     */
    private ReferentResolver.Referent actParty(ReferentResolver.Referent resolved, int head) {
        ReferentResolver.Referent capital = parties.countryOfCapital(resolved, head);
        if (!capital.actors().isEmpty()) {
            return capital; // "Helsinki sealed its border": Finland
        }
        ReferentResolver.Referent country = parties.countryOfDescription(head);
        boolean named = !resolved.actors().isEmpty() && resolved.actors().stream()
                .allMatch(a -> !UnlinkedPersons.isUnresolved(a) && !a.type.equals("LOCATION"));
        if (named && (country.actors().isEmpty() || sameCountry(resolved, country))) {
            return resolved; // "the Serbian president": Vučić, who is Serbian
        }
        if (!country.actors().isEmpty()) {
            return country; // "the Ostrelian prime minister" the article does not name: Ostrelia
        }
        return resolved.actors().isEmpty() ? parties.unlistedActor(head) : resolved;
    }

    /**
     * The party an act is done to; for a facility a hostile act hits and the article does not tie to anyone, the place
     * it lies in ("an army checkpoint in Upper Vassel's Drin valley", "a refinery in Russia's Krasnodar region").
     */
    private ReferentResolver.Referent actTarget(ReferentResolver.Referent resolved, int object, boolean hostile) {
        ReferentResolver.Referent party = actParty(resolved, object);
        if (!party.actors().isEmpty() || text.tag(object).startsWith("NNP") || !hostile) {
            return party; // cooperation is not done to a facility ("signed a treaty in the capital")
        }
        for (int place : text.childrenWithCase(object, ParsedText.NOMINAL_MODIFIER, LOCATED)) {
            ReferentResolver.Referent where = actParty(referents.resolveAll(place), place);
            if (!where.actors().isEmpty()) {
                return where;
            }
        }
        return party;
    }

    private static final Set<String> LOCATED = Set.of("in", "near", "inside", "outside", "on", "along");

    /** The case words of a place where an act happens rather than a party it is done to. */
    private static final Set<String> PLACES = Set.of("in", "at", "near", "over", "off", "along", "across", "inside",
            "outside");

    /**
     * Whom an object of a cue stands for; for an act, a party ({@link #actTarget}), never its own agent: a thing of
     * the agent's own gives way to where it is ({@link #hostOf}).
     */
    private ReferentResolver.Referent targetReferent(int object, ToneLexicon.Entry entry,
            ReferentResolver.Referent agent, int head) {
        ReferentResolver.Referent target = targetOf(object);
        if (!entry.isAct()) {
            return target;
        }
        target = actTarget(target, object, entry.polarity() < 0);
        Set<String> agentIds = agent.actors().stream().map(a -> a.id).collect(Collectors.toSet());
        boolean own = !agentIds.isEmpty() && !target.actors().isEmpty()
                && target.actors().stream().allMatch(a -> agentIds.contains(a.id));
        return own ? hostOf(object, head) : target; // "reopened its embassy in Lusmark": not its own, but Lusmark
    }

    /**
     * For a thing of the agent's own that an act names ("its embassy", "its airspace", "its ports"), which is no
     * target: the party it is in or open to, below the thing or on the verb ("reopened its embassy in Lusmark",
     * "closed its airspace to Tallisian airlines"), else NONE. An act is never done to its own agent.
     */
    private ReferentResolver.Referent hostOf(int object, int head) {
        List<Integer> places = new ArrayList<>(text.childrenWithCase(object, ParsedText.NOMINAL_MODIFIER, HOSTS));
        places.addAll(text.childrenWithCase(head, r -> r.startsWith("obl"), HOSTS)); // "in Lusmark" on the verb
        for (int place : places) {
            ReferentResolver.Referent host = actParty(referents.resolveAll(place), place);
            if (!host.actors().isEmpty()) {
                return host;
            }
        }
        return ReferentResolver.Referent.NONE;
    }

    private static final Set<String> HOSTS = Set.of("in", "to", "at");

    private static boolean sameCountry(ReferentResolver.Referent actors, ReferentResolver.Referent country) {
        return actors.actors().stream().allMatch(a -> country.actors().stream()
                .anyMatch(c -> a.demonyms.stream().anyMatch(c.demonyms::contains)));
    }

    /**
     * Who does an act: the "by" agent of a passive ("Sardessa was invaded by Brevonia"), else who ordered it ("was
     * deported on the orders of the minister"); the subject of the trip an act noun is the purpose of ("arrived in
     * Valdoria for a state visit"); or the "by" agent of an act noun ("the
     * bombardment of Orsk by Quorish artillery"); the subject of the light verb an act noun is the object of ("ordered
     * the detention of", "carried out strikes on"); else the subject.
     */
    private List<Integer> actAgents(int head, boolean verb, List<Integer> subjects) {
        if (verb && text.isPassive(head)) {
            List<Integer> by = text.byAgents(head);
            return by.isEmpty() ? parties.orderers(head) : by; // "was deported on the orders of the minister"
        }
        if (!verb && subjects.isEmpty()) {
            List<Integer> by = text.childrenWithCase(head, ParsedText.NOMINAL_MODIFIER, BY);
            if (!by.isEmpty() && !actParty(referents.resolveFirst(by), by.get(0)).actors().isEmpty()) {
                return by; // "the release of 60 detainees by North Calvera"; not "by the end of the month"
            }
        }
        if (!verb && subjects.isEmpty() && text.relation(head).equals("obj") && text.governor(head) >= 0
                && LIGHT_VERBS.contains(text.lemma(text.governor(head)))) {
            return text.subjectCandidates(text.governor(head));
        }
        int trip = tripFor(head, verb);
        if (subjects.isEmpty() && trip >= 0) {
            return text.subjectCandidates(trip); // "the queen arrived in Valdoria for a state visit"
        }
        return subjects;
    }

    /**
     * The verb of a trip an act noun is the purpose of ("arrived in Valdoria for a state visit", "flew to Ostrelia for
     * a visit": arrived, flew), whose subject makes the act and whose destination receives it; -1 for none.
     */
    private int tripFor(int head, boolean verb) {
        int governor = text.governor(head);
        return !verb && governor >= 0 && text.relation(head).startsWith("obl") && TRIPS.contains(text.lemma(governor))
                && text.hasChild(head, r -> r.equals("case"), FOR) ? governor : -1;
    }

    private static final Set<String> TRIPS = Set.of("arrive", "travel", "fly", "come", "go", "head", "land", "return");
    private static final Set<String> FOR = Set.of("for");
    /** Where a trip goes: "arrived in Valdoria", "flew to Ostrelia". */
    private static final Set<String> DESTINATIONS = Set.of("in", "to", "into");

    private List<Integer> objects(int word, Set<String> cases) {
        List<Integer> out = new ArrayList<>();
        for (int object : text.children(word, r -> r.equals("obj") || r.equals("iobj") || r.startsWith("obl")
                || r.startsWith("nmod") && !r.equals("nmod:poss") || r.equals("nsubj:pass"))) {
            String relation = text.relation(object);
            if (relation.startsWith("obj") || relation.equals("iobj") || relation.equals("nsubj:pass")
                    || text.hasChild(object, r -> r.equals("case"), cases)) {
                out.add(object); // not "for the lack of", "with encouragement from": reasons and circumstances
            }
        }
        // "recognize the independence proclaimed by its former province" (often parsed as a clause of the verb)
        for (int clause : text.children(word, r -> r.equals("acl") || r.equals("dep"))) {
            if (text.tag(clause).equals("VBN")) {
                out.addAll(text.byAgents(clause));
            }
        }
        return out;
    }

    /**
     * Whom an object stands for: the actors it refers to, else the owner of a thing ("Kosovo's independence", "the
     * independence of Kosovo", "the independence proclaimed by Kosovo").
     */
    private ReferentResolver.Referent targetOf(int object) {
        ReferentResolver.Referent referent = referents.resolveAll(object);
        if (!referent.actors().isEmpty() || !text.tag(object).startsWith("NN")) {
            return referent;
        }
        for (int owner : text.children(object, r -> r.equals("nmod:poss") || r.startsWith("nmod"))) {
            if (text.relation(owner).equals("nmod:poss") || text.hasChild(owner, r -> r.equals("case"), OF)) {
                ReferentResolver.Referent found = referents.resolveAll(owner);
                if (!found.actors().isEmpty()) {
                    return found;
                }
            }
        }
        for (int clause : text.children(object, r -> r.equals("acl"))) {
            ReferentResolver.Referent found = referents.resolveFirst(text.byAgents(clause));
            if (!found.actors().isEmpty()) {
                return found;
            }
        }
        return referent;
    }

    private Match build(int head, ToneLexicon.Entry entry, List<Integer> parts) {
        boolean verb = text.isVerb(head);
        ReferentResolver.Referent agent = agentOf(head, entry, verb);
        long agents = agent.actors().stream().distinct().count();
        if (!verb && entry.with().isEmpty() && agents == 0) {
            return null; // a bare noun or adjective with nobody behind it is not a cue of anybody's tone
        }
        Targets found = targetsOf(head, entry, parts, agent, agents);
        boolean noTarget = found.referents().stream().allMatch(t -> t.actors().isEmpty());
        if (agents == 0 && noTarget) {
            return null; // "war rages": nobody's tone
        }
        // "Arnor and Gondor signed an accord", "... conducted joint patrols in the Gulf of Emar": with each other
        boolean mutual = entry.isAct() && entry.act().mutual() && agents >= 2 && !found.whom();
        if (entry.isAct() && (agents == 0 || noTarget && !found.reciprocal() && !mutual)) {
            return null; // "fought corruption", "an earthquake struck the north": no act of one actor on another
        }
        // the cue is kept: what its lookups proposed joins the actors
        Set<ActorIndex.Draft> committedAgents = new LinkedHashSet<>(referents.commit(agent).actors());
        Set<ActorIndex.Draft> targets = new LinkedHashSet<>();
        for (ReferentResolver.Referent target : mutual ? List.<ReferentResolver.Referent> of() : found.referents()) {
            targets.addAll(referents.commit(target).actors()); // a mutual act's places are where, not whom
        }
        if (found.reciprocal() || mutual) {
            targets.addAll(committedAgents); // "at each other"; "Arnor and Gondor signed an accord": each other
        }
        double polarity = entry.polarity() * Negation.factor(text, head);
        return new Match(spanStart(head, parts), spanEnd(head, parts), entry, List.copyOf(committedAgents),
                List.copyOf(targets), polarity);
    }

    /** Who speaks or acts: the subject (or a noun's owner); for an act, its party ({@link #actAgents}). */
    private ReferentResolver.Referent agentOf(int head, ToneLexicon.Entry entry, boolean verb) {
        List<Integer> subjects = verb ? text.subjectCandidates(head) : text.children(head, r -> r.equals("nmod:poss"));
        if (entry.isAct()) {
            subjects = actAgents(head, verb, subjects);
        }
        ReferentResolver.Referent agent = referents.resolveFirst(subjects);
        if (entry.isAct() && !subjects.isEmpty()) {
            agent = actParty(agent, subjects.get(0)); // "the Arnorian army shelled ...": Arnor acts
        }
        return agent;
    }

    /**
     * A cue's targets as proposed (not committed), whether one was reached otherwise than as a place ({@code whom}),
     * and whether "each other" made the agents their own targets.
     */
    private record Targets(List<ReferentResolver.Referent> referents, boolean whom, boolean reciprocal) {
    }

    private Targets targetsOf(int head, ToneLexicon.Entry entry, List<Integer> parts, ReferentResolver.Referent agent,
            long agents) {
        Set<String> cases = !entry.isAct() ? TARGET_CASES : entry.polarity() < 0 ? HOSTILE_ACT_CASES : ACT_CASES;
        List<Integer> objects = targetHeads(head, parts, cases);
        int trip = entry.isAct() ? tripFor(head, text.isVerb(head)) : -1;
        if (trip >= 0) {
            objects.addAll(text.childrenWithCase(trip, r -> r.startsWith("obl"), DESTINATIONS)); // "arrived in Valdoria"
        }
        if (entry.isAct()) {
            objects.addAll(recipients(objects, entry.polarity() < 0));
            if (entry.act().mutual() && agents >= 2) {
                objects.removeAll(parts); // what two parties sign or hold is no target ("the Balikatan exercises")
            }
        }
        List<ReferentResolver.Referent> referentsFound = new ArrayList<>();
        boolean whom = false;
        boolean reciprocal = false;
        for (int object : objects) {
            if (RECIPROCAL.contains(text.lemma(object))) {
                reciprocal = true;
                continue;
            }
            ReferentResolver.Referent target = targetReferent(object, entry, agent, head);
            whom |= !target.actors().isEmpty() && !text.hasChild(object, r -> r.equals("case"), PLACES);
            referentsFound.add(target);
        }
        return new Targets(referentsFound, whom, reciprocal);
    }

    /** The first token of the cue's words. */
    private static int spanStart(int head, List<Integer> parts) {
        return parts.stream().mapToInt(Integer::intValue).reduce(head, Math::min);
    }

    /** The last token of the cue's words, particles included ("hit out", "cut off"). */
    private int spanEnd(int head, List<Integer> parts) {
        int to = parts.stream().mapToInt(Integer::intValue).reduce(head, Math::max);
        for (int particle : text.children(head, r -> r.equals("compound:prt"))) {
            to = Math.max(to, particle);
        }
        return to;
    }
}
