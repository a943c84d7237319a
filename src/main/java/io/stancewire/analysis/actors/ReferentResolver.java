package io.stancewire.analysis.actors;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import io.stancewire.analysis.lexicons.AnimateNouns;
import io.stancewire.analysis.lexicons.FirstNames;
import io.stancewire.analysis.lexicons.Slug;
import io.stancewire.analysis.model.Span;
import io.stancewire.analysis.parse.ParsedText;

/**
 * Who or what a noun phrase (given by its head token) refers to, when it is the subject of a speech verb or the
 * agent or target of a tone cue: an actor, a document ("the text states"), a group ("thousands of people"), or
 * nobody known. Places that act stand for their government; demonyms alone stand for the leader of that
 * nationality ("Kosovar added"); "the two leaders" stands for the two leaders the article pairs.
 */
public final class ReferentResolver {

    /**
     * ACTOR: one actor; COORDINATED: actors named one after the other ("Mr. Grassley and Mr. Leahy"); GROUP: people
     * in the plural, a crowd, "the two leaders"; DOCUMENT: a text ("the report"); UNKNOWN: nobody known.
     */
    public enum Kind { ACTOR, COORDINATED, DOCUMENT, GROUP, UNKNOWN }

    /**
     * What a phrase refers to. A lookup changes nothing: an actor it would add, or a mention it would record, is a
     * {@link ActorIndex.Proposal} that only {@link #commit} applies, once the referent is used (the rule that wins).
     */
    public record Referent(Kind kind, List<ActorIndex.Draft> actors, Span mention, List<ActorIndex.Proposal> proposals) {

        public static final Referent NONE = new Referent(Kind.UNKNOWN, List.of(), null);

        public Referent(Kind kind, List<ActorIndex.Draft> actors, Span mention) {
            this(kind, actors, mention, List.of());
        }

        /** The same referent, named by other words. */
        public Referent withMention(Span other) {
            return new Referent(kind, actors, other, proposals);
        }

        /** A referent of one actor, with what the index would need to hold it. */
        static Referent proposed(ActorIndex.Proposal proposal, Span mention) {
            return new Referent(Kind.ACTOR, List.of(proposal.actor()), mention, List.of(proposal));
        }

        /**
         * Every person or organisation who said it: the speaker, or the members of a group named by coordination
         * ("Mr. Grassley and Mr. Leahy"), when all of them can speak; else none.
         */
        public List<ActorIndex.Draft> speakers() {
            if (speaker() != null) {
                return List.of(speaker());
            }
            boolean coordinated = kind == Kind.COORDINATED && actors.size() > 1 && mention != null
                    && actors.stream().allMatch(a -> a.isPerson() || a.type.equals("ORGANIZATION"));
            return coordinated ? actors : List.of();
        }

        /** Whether someone who can be a speaker is meant: a person or organisation, or several named together. */
        public boolean speaks() {
            return !speakers().isEmpty();
        }

        /** The single person or organisation who can be a speaker, or null. */
        public ActorIndex.Draft speaker() {
            if (kind != Kind.ACTOR || actors.size() != 1) {
                return null;
            }
            ActorIndex.Draft actor = actors.get(0);
            return actor.type.equals("PERSON") || actor.type.equals("ORGANIZATION") ? actor : null;
        }
    }

    private static final Set<String> DOCUMENT_NOUNS = Set.of("text", "draft", "proposal", "agreement", "document", "bill",
            "law", "constitution", "resolution", "report", "ruling", "decision", "summary", "declaration",
            "communique", "treaty", "plan", "annex", "appendix", "deal", "accord", "order", "decree", "sign",
            "banner", "letter", "memo", "statement", "verdict", "judgment", "judgement", "article", "clause",
            "question", "motion", "petition", "placard", "poster", "headline", "survey", "poll");
    /** Documents that somebody issues: their issuer, when named, is the speaker. */
    private static final Set<String> ISSUED_NOUNS = Set.of("statement", "letter", "memo", "tweet", "post", "message",
            "communique", "declaration", "order", "decree");
    /** Singular nouns that still name many people. */
    private static final Set<String> COLLECTIVE_NOUNS = Set.of("people", "crowd", "thousand", "hundred", "dozen", "million",
            "public", "audience", "family", "opposition", "group", "coalition", "majority");
    private static final Set<String> SPOKESPERSON_NOUNS = Set.of("spokesman", "spokeswoman", "spokesperson", "spokeperson",
            "spokeman", "representative", "office", "ministry", "department", "aide", "press", "secretary",
            "statement", "source", "official", "communique", "account", "tweet", "campaign", "administration");
    private static final Set<String> GOVERNMENT_NOUNS = Set.of("side", "government", "authority", "leadership", "camp",
            "regime", "administration", "delegation", "diplomacy", "state", "presidency");
    private static final Set<String> PERSON_PRONOUNS = Set.of("he", "she", "him", "her");
    private static final Set<String> GROUP_PRONOUNS = Set.of("they", "them", "we", "us");
    private static final Set<String> RELATIVE_PRONOUNS = Set.of("who", "which", "that", "whom");
    private static final Set<String> THING_PRONOUNS = Set.of("it", "its");
    private static final Set<String> LEADER_NOUNS = Set.of("leader", "head", "chief", "ruler");
    /** Where people post; a platform is never the speaker ("posted on Twitter, saying ..."). */
    private static final Set<String> PLATFORMS = Set.of("twitter", "facebook", "youtube", "instagram", "telegram", "tiktok",
            "weibo", "wechat", "truth social", "x");
    /** Nouns the animacy list reads as people that name a body of people. */
    private static final Set<String> BODIES = Set.of("family", "police", "staff", "public", "audience", "crew",
            "majority", "minority", "team", "electorate", "congregation", "jury", "panel", "opposition");
    /** "said one Democratic source on the panel": in news, a source who speaks is a person. */
    private static final String SOURCE = "source";
    private static final Set<String> ANYBODY = Set.of("anybody", "anyone", "everybody", "everyone", "nobody");
    private static final Set<String> ANY = Set.of("any", "every", "each", "no");
    private static final Set<String> PAIR_WORDS = Set.of("two", "both");
    static final Set<String> CALENDAR = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december", "today", "yesterday", "tomorrow");
    /** Nouns that head an organisation's name ("the Thai Raksa Chart Party" ... "the party said"). */
    private static final Set<String> ORGANISATION_NOUNS = Set.of("party", "group", "company", "ministry", "union", "council",
            "committee", "commission", "agency", "movement", "front", "alliance", "league", "association",
            "organisation", "organization", "army", "force", "bank", "corporation", "foundation", "institute",
            "coalition", "federation", "court", "network", "campaign", "firm", "board");
    /** Organisations a description can stand for ("the agency", "police", "a House panel", "the government"). */
    private static final Set<String> INSTITUTION_NOUNS = institutionNouns();
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
    /** Participles that attach a name to a description: "a protester using the pseudonym Katya", "a man named X". */
    private static final Set<String> NAMING_VERBS = Set.of("use", "name", "call", "identify", "know", "go");

    private final ParsedText text;
    private final ActorIndex index;
    private static final Set<String> AFFILIATIONS = Set.of("of", "from", "at", "with");

    private final LeaderRegistry registry;
    private final Set<String> demonyms;
    private final AnimateNouns animate;
    private final FirstNames firstNames;

    public ReferentResolver(ParsedText text, ActorIndex index, LeaderRegistry registry, Set<String> demonyms,
            AnimateNouns animate, FirstNames firstNames) {
        this.firstNames = firstNames;
        this.text = text;
        this.index = index;
        this.registry = registry;
        this.demonyms = demonyms;
        this.animate = animate;
    }

    /**
     * Applies what the referent proposes (see {@link ActorIndex.Proposal}) and returns it with the actors as the
     * index holds them: called by whoever uses the referent, never by a lookup.
     */
    public Referent commit(Referent referent) {
        if (referent.proposals().isEmpty()) {
            return referent;
        }
        Map<ActorIndex.Draft, ActorIndex.Draft> held = new IdentityHashMap<>();
        for (ActorIndex.Proposal proposal : referent.proposals()) {
            held.put(proposal.actor(), index.commit(proposal));
        }
        List<ActorIndex.Draft> actors = referent.actors().stream().map(a -> held.getOrDefault(a, a)).distinct()
                .toList();
        // two proposals of one person ("Dalton and Dalton") are one actor
        Kind kind = referent.kind() == Kind.COORDINATED && actors.size() == 1 ? Kind.ACTOR : referent.kind();
        return new Referent(kind, actors, referent.mention());
    }

    /** The first of the candidate heads that refers to something known (see {@link ParsedText#subjectCandidates}). */
    public Referent resolveFirst(List<Integer> candidates) {
        for (int candidate : candidates) {
            Referent referent = resolveAll(candidate);
            boolean platform = referent.actors().size() == 1
                    && PLATFORMS.contains(Slug.fold(referent.actors().get(0).name));
            if (referent.kind() != Kind.UNKNOWN && !platform) {
                return referent;
            }
        }
        return Referent.NONE;
    }

    /** The referent of the phrase headed by {@code head}, with conjoined phrases ("Kurti and Vucic") merged in. */
    public Referent resolveAll(int head) {
        Referent first = resolve(head);
        // conjoined verbs are not part of the phrase ("Senator X on Twitter, "and we will ..."" parsed as a conjunct)
        // nor names after a participle clause ("with X of Ohio calling it ... and Y of Texas calling it ...")
        int clause = text.children(head, r -> r.equals("acl")).stream().filter(text::isVerb).findFirst().orElse(-1);
        List<Integer> conjuncts = text.children(head, r -> r.equals("conj")).stream()
                .filter(c -> !text.isVerb(c) && (clause < 0 || c < clause)).toList();
        if (conjuncts.isEmpty()) {
            return first;
        }
        Set<ActorIndex.Draft> actors = new LinkedHashSet<>(first.actors());
        List<ActorIndex.Proposal> proposals = new ArrayList<>(first.proposals());
        List<Referent> others = new ArrayList<>();
        for (int conjunct : conjuncts) {
            Referent other = resolve(conjunct);
            others.add(other);
            actors.addAll(other.actors());
            proposals.addAll(other.proposals());
        }
        boolean description = first.kind() != Kind.ACTOR
                || first.actors().stream().allMatch(a -> UnlinkedPersons.isUnresolved(a) && a.isPerson());
        if (description && !text.tag(head).equals("NNS") && others.size() == 1 && others.get(0).speaker() != null) {
            // "Conservative Party leader and Prime Minister Boris Johnson": one person, described twice
            return others.get(0);
        }
        // "Trump and Clinton": names; "Brexit and Trump's threats": things, whoever they belong to
        boolean named = actors.size() > 1 && IntStream.concat(IntStream.of(head),
                conjuncts.stream().mapToInt(Integer::intValue))
                .allMatch(t -> index.actorAt(t) != null || text.tag(t).startsWith("NNP"));
        Kind kind = actors.isEmpty() ? first.kind() : named ? Kind.COORDINATED : Kind.GROUP;
        return new Referent(kind, List.copyOf(actors), named ? coordination(head, conjuncts) : nounPhrase(head),
                proposals);
    }

    /** "Mr. Grassley and Mr. Leahy": the phrase of the head and its conjuncts, without clauses and appositions. */
    private Span coordination(int head, List<Integer> conjuncts) {
        Span first = nounPhrase(head);
        Span last = nounPhrase(conjuncts.get(conjuncts.size() - 1));
        return last.end() > first.end() ? Span.of(text.body, first.start(), last.end()) : first;
    }

    /**
     * The referent of the noun phrase on tokens [from, to], read on the tokens for layouts the parse often gets
     * wrong ("“…,” Rep. Jim Jordan (R-Ohio), an oversight panel member, said"): the first name in it (names joined
     * by "and" make a group), else the phrase's last noun. Only its first part counts, up to a comma or bracket.
     * Never NONE: a phrase that refers to nothing known is still the words that name the source.
     */
    public Referent resolvePhrase(int from, int to) {
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
            Referent named = resolve(last);
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
        Referent referent = head < 0 ? Referent.NONE : resolveAll(head);
        return referent.kind() != Kind.UNKNOWN || referent.mention() != null ? referent
                : new Referent(Kind.UNKNOWN, List.of(), words);
    }

    private static final Set<String> PHRASE_BREAKS = Set.of(",", "(", "-LRB-", "—", "–", "--", ":");

    /**
     * A transcript's speaker label ("WALLACE:", "MS. CLINTON:"): the person of that surname the article names, else
     * a person of that name.
     */
    public Referent labelled(int first, int last) {
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

    /**
     * What the phrase headed by {@code head} refers to, in this order: a name the phrase holds or sits beside
     * ({@link #namedNearby}), "it", an actor the token mentions, a demonym, a relative pronoun, a pronoun, and a
     * description ({@link #description}). A pure lookup: see {@link Referent}.
     */
    public Referent resolve(int head) {
        if (head < 0) {
            return Referent.NONE;
        }
        Referent named = namedNearby(head);
        if (named != null) {
            return named;
        }
        ActorIndex.Draft actor = index.actorAt(head);
        if (THING_PRONOUNS.contains(text.lower(head))) {
            return thing(head, actor);
        }
        if (actor != null) {
            return speakingFor(actor, index.mentionAt(head), index.mentionAt(head));
        }
        String word = text.lower(head);
        Span single = text.span(head, head);
        if (text.ner(head).equals("NATIONALITY") || demonyms.contains(Slug.fold(word)) && !text.isVerb(head)) {
            ActorIndex.Draft leader = leaderOf(List.of(Slug.fold(word)), head);
            return leader == null ? Referent.NONE : new Referent(Kind.ACTOR, List.of(leader), single);
        }
        if (RELATIVE_PRONOUNS.contains(word)) {
            return relative(head, single);
        }
        if (text.isPronoun(head)) {
            return pronoun(head, word, single);
        }
        return description(head);
    }

    /**
     * "Jennifer Lu of Marriage Equality Coalition Taiwan", "The Senate Minority Leader, Chuck Schumer", "One of these
     * groups, the Syrian Democratic Forces", "a protester using the pseudonym Katya": the person or organisation
     * named in or beside the phrase, or null.
     */
    private Referent namedNearby(int head) {
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

    /** "Brunner, who said …": the antecedent, mentioned by the relative pronoun. */
    private Referent relative(int head, Span single) {
        int verb = text.governor(head);
        if (verb >= 0 && text.relation(verb).startsWith("acl")) {
            Referent antecedent = resolve(text.governor(verb));
            return antecedent.kind() == Kind.UNKNOWN ? antecedent : antecedent.withMention(single);
        }
        return Referent.NONE;
    }

    /** he/she through {@link PronounResolver}'s links (else cataphora, else someone unresolved); they; we. */
    private Referent pronoun(int head, String word, Span single) {
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
     * A noun phrase that mentions no actor: a government by demonym, a spokesperson's principal, a document, an
     * owner, a description of someone named before, a role, a person or organisation described and not named, a
     * group, a name NER missed.
     */
    private Referent description(int head) {
        String lemma = text.lemma(head);
        String word = text.lower(head);
        Span phrase = nounPhrase(head);
        List<String> modifiers = modifierDemonyms(head);
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
                Referent owner = resolve(child);
                if (owner.speaker() != null) {
                    return owner.withMention(phrase);
                }
            }
        }
        if (DOCUMENT_NOUNS.contains(lemma)) {
            Referent issuer = ISSUED_NOUNS.contains(lemma) ? issuer(head) : null;
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
        Referent described = described(head, phrase);
        if (described != null) {
            return described;
        }
        Referent role = personByRole(head, phrase);
        if (role != null) {
            return role;
        }
        Referent someone = describedPerson(head, phrase);
        if (someone != null) {
            return someone;
        }
        Referent body = describedOrganisation(head, phrase);
        if (body != null) {
            return body;
        }
        if (text.tag(head).equals("NNS") || COLLECTIVE_NOUNS.contains(lemma)) {
            return new Referent(Kind.GROUP, groupMembers(head), phrase);
        }
        if (text.tag(head).equals("NNP") && text.ner(head).equals("O")
                && Character.isUpperCase(text.word(head).charAt(0)) && !CALENDAR.contains(word)) {
            // a name NER missed ("Cherry, who led the petition, said"): the person it completes, or a new one
            return person(head);
        }
        return Referent.NONE;
    }

    /**
     * What a noun belongs to: "First Minister of Scotland Nicola Sturgeon" is Sturgeon, "the leader of Serbia" its
     * leader, "the aegis of the European Union" the EU. Null when nothing fits.
     */
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
                ActorIndex.Draft leader = leaderOf(List.of(Slug.fold(owner.name)), head);
                if (leader != null) {
                    return new Referent(Kind.ACTOR, List.of(leader), phrase);
                }
            }
            if (!title) {
                return speakingFor(owner, index.mentionAt(child), phrase);
            }
        }
        return null;
    }

    /** The person whose name holds this capitalised word, or a new person of that name (proposed). */
    private Referent person(int head) {
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

    /**
     * "It": a document when the previous sentences speak of one ("The text also states ... At the same time, it
     * proposes"), an organisation when coreference says so, otherwise unknown (a place is not a speaker).
     */
    private Referent thing(int head, ActorIndex.Draft actor) {
        int sentence = text.sentenceOf(head);
        for (int s = sentence; s >= Math.max(0, sentence - 1); s--) {
            int root = text.root(s);
            int subject = root < 0 ? -1 : text.subjectOf(root);
            if (subject >= 0 && subject != head && DOCUMENT_NOUNS.contains(text.lemma(subject))) {
                return new Referent(Kind.DOCUMENT, List.of(), text.span(head, head));
            }
        }
        if (actor != null && actor.type.equals("ORGANIZATION")) {
            return new Referent(Kind.ACTOR, List.of(actor), text.span(head, head));
        }
        return Referent.NONE;
    }

    /**
     * Who issued a statement, letter or tweet: "a statement from the king", "a memo posted by Senator Juan Dalmau",
     * "Trump's tweet". Null when the text does not say.
     */
    private Referent issuer(int head) {
        List<Integer> sources = new ArrayList<>(text.children(head, r -> r.equals("nmod") || r.equals("nmod:poss")));
        // "a tweet on Monday by Secretary Mike Pompeo": the "by" or "from" phrase first
        sources.sort(java.util.Comparator.comparing(
                source -> !text.hasChild(source, r -> r.equals("case"), Set.of("by", "from"))));
        List<Integer> clauses = new ArrayList<>(text.children(head, r -> r.equals("acl")));
        int governor = text.governor(head);
        String relation = text.relation(head);
        if (governor >= 0 && text.isVerb(governor) && (relation.equals("obj") || relation.startsWith("nsubj"))) {
            // "the palace issued a statement from the king", "a tweet sent from Biden's account" (parsed as a clause)
            clauses.add(governor);
        }
        for (int clause : clauses) {
            sources.addAll(text.children(clause, r -> r.startsWith("obl")).stream()
                    .filter(o -> text.hasChild(o, r -> r.equals("case"), Set.of("by", "from"))).toList());
        }
        for (int source : sources) {
            Referent referent = resolve(source);
            if (referent.speaker() != null) {
                return referent;
            }
        }
        if (governor >= 0 && text.isVerb(governor) && relation.equals("obj")) {
            // "They released a statement which said ...": who released it
            for (int subject : text.subjectCandidates(governor)) {
                if (subject != head && !RELATIVE_PRONOUNS.contains(text.lower(subject))) {
                    Referent referent = resolve(subject);
                    if (referent.speaker() != null) {
                        return referent;
                    }
                }
            }
        }
        return null;
    }

    /** Whether the phrase names the issuer of a statement, order or tweet ({@link #issuer}). */
    public Referent issuerOf(int head) {
        return ISSUED_NOUNS.contains(text.lemma(head)) ? issuer(head) : null;
    }

    /**
     * A definite description of someone named before: "the archbishop" after "archbishop Jorge Scheinig", "the
     * party" after "the Thai Raksa Chart Party" (an organisation NER may have missed: its capitalised name is taken).
     */
    private Referent described(int head, Span phrase) {
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
            if (ORGANISATION_NOUNS.contains(lemma)) {
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

    /**
     * "the Republican lawmaker", "the New York businessman", "the former secretary of state": a definite singular
     * description by a person's title or role, when nobody was named with that very word, is the person the text
     * was last about (the subject of this or the previous sentence, else the last person named in the paragraph).
     */
    private Referent personByRole(int head, Span phrase) {
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
     * "A New York judge has rejected …", "said the narrator in the spot", "an architect who said": a singular noun
     * that denotes a person ({@link AnimateNouns}) and refers to nobody named is a person of its own, described and
     * not named ("New York judge (unresolved)", see {@link UnlinkedPersons#described}): not a leader, and someone
     * else in every article. Nouns for bodies of people are groups or organisations, not persons.
     */
    private Referent describedPerson(int head, Span phrase) {
        String lemma = text.lemma(head);
        if (!text.tag(head).equals("NN") || !(animate.isPerson(lemma) || SOURCE.equals(lemma))
                || ORGANISATION_NOUNS.contains(lemma)
                || COLLECTIVE_NOUNS.contains(lemma) || GOVERNMENT_NOUNS.contains(lemma) || BODIES.contains(lemma)
                || ANYBODY.contains(lemma) || text.hasChild(head, r -> r.equals("det"), ANY)) {
            return null; // "anybody who complains", "every voter": nobody in particular
        }
        return describedActor(head, "PERSON", phrase);
    }

    /**
     * "the agency said", "police said", "a House panel voted": an organisation described and not named is an
     * organisation of its own ("House panel (unresolved)"), as {@link #describedPerson} is for people.
     */
    private Referent describedOrganisation(int head, Span phrase) {
        String lemma = text.lemma(head);
        boolean police = lemma.equals("police"); // a body of people, singular or plural
        if (!(text.tag(head).equals("NN") || police) || !INSTITUTION_NOUNS.contains(lemma)
                || text.hasChild(head, r -> r.equals("det"), ANY)) {
            return null;
        }
        return describedActor(head, "ORGANIZATION", phrase);
    }

    /**
     * The proposal of an actor of its own for the description headed by {@code head} ("New York judge"), named as
     * UnlinkedPersons names them.
     */
    private Referent describedActor(int head, String type, Span phrase) {
        int first = head;
        while (first > 0 && isDescriptionWord(first - 1, head)) {
            first--;
        }
        boolean definite = text.hasChild(head, r -> r.equals("det"), Set.of("the"));
        ActorIndex.Draft actor = index.propose(UnlinkedPersons.described(text.span(first, head).text(), definite),
                type, null);
        int from = text.tokenAt(phrase.start());
        while (from < first && text.relation(from).equals("case")) {
            from++; // "a spokesman for the ministry": the ministry is "the ministry"
        }
        from = Math.min(first, from);
        return Referent.proposed(new ActorIndex.Proposal(actor, text.span(from, head), from, head), phrase);
    }

    /** Words before a noun that describe it: "New York", "former", "Democratic" (not "a", "the", "his"). */
    private boolean isDescriptionWord(int token, int head) {
        int governor = text.governor(token);
        String relation = text.relation(token);
        return text.sentenceOf(token) == text.sentenceOf(head) && governor > token && governor <= head
                && (relation.equals("amod") || relation.startsWith("compound"));
    }

    private static Set<String> institutionNouns() {
        Set<String> nouns = new java.util.HashSet<>(ORGANISATION_NOUNS);
        GOVERNMENT_NOUNS.stream().filter(n -> !n.equals("side") && !n.equals("camp")).forEach(nouns::add);
        nouns.addAll(Set.of("police", "panel", "department"));
        return Set.copyOf(nouns);
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

    /**
     * {@code actor} named by {@code phrase}; a place that acts or speaks stands for the government the registry
     * names for it, proposed with the place's {@code mention}.
     */
    private Referent speakingFor(ActorIndex.Draft actor, Span mention, Span phrase) {
        var entry = actor.type.equals("LOCATION") ? registry.byPlace(actor.name) : Optional.<LeaderRegistry.Entry>empty();
        if (entry.isEmpty()) {
            return new Referent(Kind.ACTOR, List.of(actor), phrase);
        }
        ActorIndex.Draft government = index.propose(entry.get().name(), entry.get().type(), entry.get());
        return mention == null ? new Referent(Kind.ACTOR, List.of(government), phrase, List.of(
                new ActorIndex.Proposal(government, null, -1, -1)))
                : Referent.proposed(new ActorIndex.Proposal(government, mention, -1, -1), phrase);
    }

    /** "The two leaders", "both sides", "the leaders of Kosovo and Serbia": the leaders meant. */
    private List<ActorIndex.Draft> groupMembers(int head) {
        if (!Set.of("leader", "side", "party", "camp", "president", "minister").contains(text.lemma(head))) {
            return List.of();
        }
        List<String> countries = new ArrayList<>();
        for (int child : text.children(head, r -> r.startsWith("nmod"))) {
            countries.add(Slug.fold(text.word(child)));
            for (int conjunct : text.children(child, r -> r.equals("conj"))) {
                countries.add(Slug.fold(text.word(conjunct)));
            }
        }
        List<ActorIndex.Draft> members = new ArrayList<>();
        for (String country : countries) {
            ActorIndex.Draft leader = leaderOf(List.of(country), head);
            if (leader != null && !members.contains(leader)) {
                members.add(leader);
            }
        }
        if (!members.isEmpty()) {
            return members;
        }
        boolean pair = text.children(head, r -> r.equals("nummod") || r.equals("det") || r.equals("det:predet"))
                .stream().anyMatch(c -> PAIR_WORDS.contains(text.lemma(c)));
        return pair ? lastPairedLeaders(head) : List.of();
    }

    /** The latest two leaders named together ("Kurti and Vucic") before {@code token}. */
    private List<ActorIndex.Draft> lastPairedLeaders(int token) {
        for (int i = token - 1; i >= 0; i--) {
            ActorIndex.Draft left = index.actorAt(i);
            if (left == null || !left.isLeader() || !left.isPerson()) {
                continue;
            }
            for (int conjunct : text.children(i, r -> r.equals("conj"))) {
                ActorIndex.Draft right = index.actorAt(conjunct);
                if (right != null && right != left && right.isLeader() && right.isPerson()) {
                    return List.of(left, right);
                }
            }
        }
        return List.of();
    }

    /** The leader (a person) of these demonyms or countries mentioned most recently before {@code token}. */
    private ActorIndex.Draft leaderOf(List<String> demonymsOrCountries, int token) {
        List<ActorIndex.Draft> candidates = new ArrayList<>();
        for (ActorIndex.Draft actor : index.actors()) {
            if (actor.isPerson() && actor.isLeader() && actor.demonyms.containsAll(demonymsOrCountries)) {
                candidates.add(actor);
            }
        }
        return index.mostRecent(candidates, token);
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
                if (PERSON_PRONOUNS.contains(text.lower(subject)) && index.actorAt(subject) == null) {
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

    private List<String> modifierDemonyms(int head) {
        List<String> out = new ArrayList<>();
        for (int child : text.children(head, r -> r.equals("amod") || r.startsWith("compound")
                || r.equals("nmod:poss"))) {
            String folded = Slug.fold(text.word(child));
            if (demonyms.contains(folded) || text.ner(child).equals("NATIONALITY")
                    || ActorResolver.actorType(text.ner(child)) != null) {
                out.add(folded);
            }
        }
        return out;
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

    /** The noun phrase headed by {@code head}, without its clauses, appositions and conjuncts. */
    public Span nounPhrase(int head) {
        int[] range = text.subtree(head, r -> r.startsWith("acl") || r.equals("appos") || r.equals("punct")
                || r.equals("conj") || r.equals("cc") || r.equals("ccomp") || r.equals("advcl")
                || r.equals("parataxis") || r.equals("dep") || r.startsWith("nmod") && !r.equals("nmod:poss"));
        return text.span(range[0], range[1]);
    }
}
