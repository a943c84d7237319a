package io.stancewire.analysis.actors;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
 *
 * <p>This class is the entry point and holds the order of the readings ({@link #resolve}), conjoined phrases
 * ({@link #resolveAll}) and {@link #commit}; each kind of referring expression is read by a part of its own:
 * {@link NearbyNames}, {@link PronounReferents}, {@link NationReferents}, {@link Descriptions} (with
 * {@link DocumentReferents}, {@link EarlierMentions}, {@link RoleReferents}, {@link DescribedActors}) and
 * {@link SourcePhrases}.
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

    /** Where people post; a platform is never the speaker ("posted on Twitter, saying ..."). */
    private static final Set<String> PLATFORMS = Set.of("twitter", "facebook", "youtube", "instagram", "telegram", "tiktok",
            "weibo", "wechat", "truth social", "x");

    static final Set<String> CALENDAR = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december", "today", "yesterday", "tomorrow");

    private final ParsedText text;
    private final ActorIndex index;
    private final NearbyNames nearby;
    private final PronounReferents pronouns;
    private final NationReferents nations;
    private final DocumentReferents documents;
    private final Descriptions descriptions;
    private final SourcePhrases sourcePhrases;

    public ReferentResolver(ParsedText text, ActorIndex index, LeaderRegistry registry, Set<String> demonyms,
            AnimateNouns animate, FirstNames firstNames) {
        this.text = text;
        this.index = index;
        this.nearby = new NearbyNames(text, index);
        this.pronouns = new PronounReferents(text, index, firstNames, this);
        this.nations = new NationReferents(text, index, registry, demonyms);
        this.documents = new DocumentReferents(text, this);
        this.descriptions = new Descriptions(text, index, registry, this, nations, documents,
                new EarlierMentions(text, index), new RoleReferents(text, index),
                new DescribedActors(text, index, animate));
        this.sourcePhrases = new SourcePhrases(text, index, this);
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
     * The referent of the noun phrase on tokens [from, to], read on the tokens ("“…,” Rep. Jim Jordan (R-Ohio), an
     * oversight panel member, said"): see {@link SourcePhrases#resolvePhrase}. Never NONE.
     */
    public Referent resolvePhrase(int from, int to) {
        return sourcePhrases.resolvePhrase(from, to);
    }

    /** A transcript's speaker label ("WALLACE:"): see {@link SourcePhrases#labelled}. */
    public Referent labelled(int first, int last) {
        return sourcePhrases.labelled(first, last);
    }

    /**
     * What the phrase headed by {@code head} refers to, in this order: a name the phrase holds or sits beside
     * ({@link NearbyNames#namedNearby}), "it", an actor the token mentions, a demonym, a relative pronoun, a
     * pronoun, and a description ({@link Descriptions#description}). A pure lookup: see {@link Referent}.
     */
    public Referent resolve(int head) {
        if (head < 0) {
            return Referent.NONE;
        }
        Referent named = nearby.namedNearby(head);
        if (named != null) {
            return named;
        }
        ActorIndex.Draft actor = index.actorAt(head);
        if (PronounReferents.THING_PRONOUNS.contains(text.lower(head))) {
            return pronouns.thing(head, actor);
        }
        if (actor != null) {
            return nations.speakingFor(actor, index.mentionAt(head), index.mentionAt(head));
        }
        String word = text.lower(head);
        Span single = text.span(head, head);
        if (nations.isDemonym(head, word)) {
            ActorIndex.Draft leader = nations.leaderOf(List.of(Slug.fold(word)), head);
            return leader == null ? Referent.NONE : new Referent(Kind.ACTOR, List.of(leader), single);
        }
        if (PronounReferents.RELATIVE_PRONOUNS.contains(word)) {
            return pronouns.relative(head, single);
        }
        if (text.isPronoun(head)) {
            return pronouns.pronoun(head, word, single);
        }
        return descriptions.description(head);
    }

    /** Whether the phrase names the issuer of a statement, order or tweet ({@link DocumentReferents#issuer}). */
    public Referent issuerOf(int head) {
        return DocumentReferents.ISSUED_NOUNS.contains(text.lemma(head)) ? documents.issuer(head) : null;
    }

    /** The noun phrase headed by {@code head}, without its clauses, appositions and conjuncts. */
    public Span nounPhrase(int head) {
        int[] range = text.subtree(head, r -> r.startsWith("acl") || r.equals("appos") || r.equals("punct")
                || r.equals("conj") || r.equals("cc") || r.equals("ccomp") || r.equals("advcl")
                || r.equals("parataxis") || r.equals("dep") || r.startsWith("nmod") && !r.equals("nmod:poss"));
        return text.span(range[0], range[1]);
    }
}
