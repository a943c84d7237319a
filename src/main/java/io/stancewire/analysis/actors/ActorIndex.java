package io.stancewire.analysis.actors;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.stancewire.analysis.lexicons.Slug;
import io.stancewire.analysis.model.Span;
import io.stancewire.analysis.parse.ParsedText;

/** The actors of one article and which tokens refer to which actor, as {@link ActorResolver} found them. */
public final class ActorIndex {

    /** An actor while the article is being read. */
    public static final class Draft {
        public final String id;
        public final String name;
        public final String type;
        final LeaderRegistry.Entry entry;
        final Set<String> titles = new LinkedHashSet<>();
        public final Set<String> demonyms = new LinkedHashSet<>();
        public final TreeMap<Integer, Span> mentions = new TreeMap<>();
        public String role;
        boolean titled;

        Draft(String id, String name, String type, LeaderRegistry.Entry entry) {
            this.id = id;
            this.name = name;
            this.type = type;
            this.entry = entry;
            if (entry != null) {
                role = entry.role();
                entry.titles().forEach(t -> titles.add(Slug.fold(t)));
                entry.demonyms().forEach(d -> demonyms.add(Slug.fold(d)));
                if (entry.country() != null) {
                    demonyms.add(Slug.fold(entry.country()));
                }
            }
        }

        public boolean isPerson() {
            return "PERSON".equals(type);
        }

        public boolean isLeader() {
            return entry != null ? entry.isLeader() || titled : isPerson() && titled;
        }
    }

    private final ParsedText text;
    private final Map<String, Draft> byId = new HashMap<>();
    private final List<Draft> actors = new ArrayList<>();
    private final Draft[] tokenActor;
    private final Span[] tokenMention;

    ActorIndex(ParsedText text) {
        this.text = text;
        this.tokenActor = new Draft[text.size()];
        this.tokenMention = new Span[text.size()];
    }

    public Collection<Draft> actors() {
        return actors;
    }

    /**
     * What a lookup would add to the index if its answer is used: an actor (known, or new and not yet in the index)
     * and the span that mentions it. With {@code from >= 0}, the mention claims tokens [from, to] (see {@link
     * #mention}); otherwise it is only added to the actor's mentions (see {@link #alsoMention}). Nothing changes
     * until {@link #commit}.
     */
    public record Proposal(Draft actor, Span mention, int from, int to) {
    }

    /** The actor of this name already in the index, else a new one that is not in it (see {@link Proposal}). */
    public Draft propose(String name, String type, LeaderRegistry.Entry entry) {
        String id = entry != null ? entry.id() : Slug.of(name);
        Draft existing = byId.get(id);
        return existing != null ? existing
                : new Draft(id, entry != null ? entry.name() : name, entry != null ? entry.type() : type, entry);
    }

    /**
     * Adds a proposed actor (unless one of the same id is in the index by now) and its mention; returns the actor
     * as the index holds it.
     */
    public Draft commit(Proposal proposal) {
        Draft actor = register(proposal.actor());
        if (proposal.from() >= 0) {
            mention(actor, proposal.from(), proposal.to());
        } else if (proposal.mention() != null) {
            alsoMention(actor, proposal.mention());
        }
        return actor;
    }

    /** The actor of this name, added to the index when it is not there yet. */
    public Draft create(String name, String type, LeaderRegistry.Entry entry) {
        return register(propose(name, type, entry));
    }

    /** The actor of this id the index holds, adding {@code actor} when there is none. */
    private Draft register(Draft actor) {
        Draft held = byId.putIfAbsent(actor.id, actor);
        if (held != null) {
            return held;
        }
        actors.add(actor);
        return actor;
    }

    /** Records tokens [from, to] as a mention of {@code actor}; tokens already claimed keep their actor. */
    public void mention(Draft actor, int from, int to) {
        Span span = text.span(from, to);
        actor.mentions.putIfAbsent(span.start(), span);
        for (int i = from; i <= to; i++) {
            if (tokenActor[i] == null) {
                tokenActor[i] = actor;
                tokenMention[i] = span;
            }
        }
    }

    /** Adds a span to an actor's mentions without claiming its tokens (a place that speaks for a government). */
    public void alsoMention(Draft actor, Span span) {
        actor.mentions.putIfAbsent(span.start(), span);
    }

    public Draft actorAt(int token) {
        return token < 0 || token >= tokenActor.length ? null : tokenActor[token];
    }

    public Span mentionAt(int token) {
        return token < 0 || token >= tokenMention.length ? null : tokenMention[token];
    }

    /** The last token before {@code token} that mentions {@code actor}, or -1. */
    int lastMentionBefore(Draft actor, int token) {
        for (int i = Math.min(token, tokenActor.length) - 1; i >= 0; i--) {
            if (tokenActor[i] == actor) {
                return i;
            }
        }
        return -1;
    }

    /** Of the candidates, the one mentioned most recently before {@code token}, else the first mentioned after. */
    public Draft mostRecent(Collection<Draft> candidates, int token) {
        Draft best = null;
        int bestAt = -1;
        for (Draft candidate : candidates) {
            int at = lastMentionBefore(candidate, token);
            if (at > bestAt) {
                best = candidate;
                bestAt = at;
            }
        }
        if (best != null) {
            return best;
        }
        for (int i = token; i < tokenActor.length; i++) {
            if (tokenActor[i] != null && candidates.contains(tokenActor[i])) {
                return tokenActor[i];
            }
        }
        return null;
    }
}
