package io.stancewire.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import edu.stanford.nlp.util.RuntimeInterruptedException;
import io.stancewire.analysis.actors.ActParties;
import io.stancewire.analysis.actors.ActorIndex;
import io.stancewire.analysis.actors.ActorResolver;
import io.stancewire.analysis.actors.LeaderRegistry;
import io.stancewire.analysis.actors.PronounResolver;
import io.stancewire.analysis.actors.ReferentResolver;
import io.stancewire.analysis.actors.UnlinkedPersons;
import io.stancewire.analysis.lexicons.AnimateNouns;
import io.stancewire.analysis.lexicons.FirstNames;
import io.stancewire.analysis.lexicons.OpinionLexicon;
import io.stancewire.analysis.lexicons.SpeechVerbs;
import io.stancewire.analysis.lexicons.ToneLexicon;
import io.stancewire.analysis.model.Actor;
import io.stancewire.analysis.model.Article;
import io.stancewire.analysis.model.ArticleAnalysis;
import io.stancewire.analysis.model.Quote;
import io.stancewire.analysis.model.Relation;
import io.stancewire.analysis.model.Span;
import io.stancewire.analysis.model.Stance;
import io.stancewire.analysis.model.ToneCue;
import io.stancewire.analysis.parse.ParsedText;
import io.stancewire.analysis.parse.Parser;
import io.stancewire.analysis.portrayal.PortrayalReader;
import io.stancewire.analysis.portrayal.PortrayalReaders;
import io.stancewire.analysis.portrayal.PortrayalScorer;
import io.stancewire.analysis.quotes.AttributionModel;
import io.stancewire.analysis.relations.QuoteReference;
import io.stancewire.analysis.relations.QuoteTargets;
import io.stancewire.analysis.relations.RelationScorer;
import io.stancewire.analysis.quotes.IndirectSpeechExtractor;
import io.stancewire.analysis.quotes.QuoteAttributor;
import io.stancewire.analysis.quotes.QuoteFinder;
import io.stancewire.analysis.tone.OpinionScorer;
import io.stancewire.analysis.tone.StanceScorer;
import io.stancewire.analysis.tone.ToneCueMatcher;

/**
 * Reads one article: CoreNLP annotation, then actors, quotes and their speakers, reported speech, tone cues,
 * portrayal and stances. Thread-safe; the lexicons and the pipeline are loaded once and shared.
 */
public final class ArticleAnalyzer {

    private final Parser parser;
    private final LeaderRegistry registry;
    private final Set<String> demonyms;
    private final ToneLexicon toneLexicon = new ToneLexicon();
    private final OpinionLexicon opinionLexicon = new OpinionLexicon();
    private final SpeechVerbs speechVerbs = new SpeechVerbs();
    private final AttributionModel attributionModel = new AttributionModel();
    private final PortrayalReaders portrayalReaders;
    private final FirstNames firstNames = FirstNames.load();
    private final AnimateNouns animateNouns = AnimateNouns.load();
    private final PronounResolver pronouns = new PronounResolver(firstNames);

    /** {@code parser}: the {@link io.stancewire.analysis.parse.NlpPipeline}, or in tests parses stored from it. */
    public ArticleAnalyzer(Parser parser, LeaderRegistry registry) {
        this(parser, registry, PortrayalReader.ENCODER.load());
    }

    /** {@code portrayal}: what reads the people and the other actors ({@link PortrayalReader}, or in tests any). */
    public ArticleAnalyzer(Parser parser, LeaderRegistry registry, PortrayalReaders portrayal) {
        this.parser = parser;
        this.registry = registry;
        this.demonyms = ActorResolver.demonymsOf(registry);
        this.portrayalReaders = portrayal;
    }

    public ArticleAnalysis analyze(Article article) {
        String body = article.body();
        ParsedText text = new ParsedText(body, parser.annotate(body));
        checkInterrupted();
        ActorIndex actors = new ActorResolver(registry, demonyms, firstNames, pronouns).resolve(text);
        ReferentResolver referents = new ReferentResolver(text, actors, registry, demonyms, animateNouns, firstNames);
        List<Span> quoteSpans = QuoteFinder.find(body);
        QuoteAttributor attributor = new QuoteAttributor(text, referents, speechVerbs, quoteSpans);
        OpinionScorer opinions = new OpinionScorer(text, opinionLexicon);
        ActorIds ids = ActorIds.forArticle(article);

        List<Quote> quotes = new ArrayList<>();
        for (QuoteAttributor.Attribution attribution : attributor.attribute(quoteSpans)) {
            quotes.add(quote(attribution.quote(), Quote.DIRECT, attribution.speaker(), opinions, ids));
        }
        List<Quote> evidence = new ArrayList<>(quotes);
        checkInterrupted();
        List<ToneCue> tones = new ArrayList<>();
        for (ToneCueMatcher.Match match : new ToneCueMatcher(text, referents,
                new ActParties(text, actors, registry, referents), toneLexicon, attributor::isQuoted).match()) {
            Span span = text.span(match.from(), match.to());
            tones.add(new ToneCue(span.start(), span.end(), span.text(), ids.of(match.agents()), ids.of(match.targets()),
                    StanceScorer.round(match.polarity()), match.entry().category()));
        }
        for (IndirectSpeechExtractor.Reported reported : new IndirectSpeechExtractor(text, referents, speechVerbs,
                attributionModel, attributor).extract()) {
            Quote quote = quote(reported.content(), Quote.INDIRECT, reported.speaker(), opinions, ids);
            quotes.add(quote);
            // "Testic blamed the opposition": an act on a noun phrase that a tone cue already reads stays in the
            // quotes but counts once in the stance, as the tone cue ("congratulated … that …" counts as both)
            if (!reported.nominal() || tones.stream().noneMatch(t -> t.start() <= text.start(reported.cue())
                    && text.end(reported.cue()) <= t.end())) {
                evidence.add(quote);
            }
        }
        quotes.sort(Comparator.comparingInt(Quote::start));
        evidence.sort(Comparator.comparingInt(Quote::start));

        checkInterrupted();
        // people the actors above left out (names NER missed, pronouns with no antecedent before them): read after
        // quotes and tone cues, so those keep their actors, and before portrayal, so that these people get one
        new UnlinkedPersons(text, actors, speechVerbs, firstNames, demonyms).resolve();
        List<ActorIndex.Draft> mentioned = actors.actors().stream().filter(d -> !d.mentions.isEmpty()).toList();
        Map<ActorIndex.Draft, PortrayalScorer.Portrayal> portrayals =
                new PortrayalScorer(text, portrayalReaders).portrayals(mentioned);
        List<Actor> actorList = new ArrayList<>();
        for (ActorIndex.Draft draft : mentioned) {
            PortrayalScorer.Portrayal portrayal = portrayals.get(draft);
            actorList.add(new Actor(ids.of(draft), draft.name, draft.type, draft.isLeader(), draft.role,
                    portrayal.score(), portrayal.label(), List.copyOf(draft.mentions.values())));
        }
        actorList.sort(Comparator.comparingInt(a -> a.mentions().get(0).start()));
        List<Stance> stances = StanceScorer.stances(actorList, evidence, tones);
        List<Relation> relations = RelationScorer.relations(tones,
                quoteReferences(text, referents, actors, evidence, opinions, ids));
        return new ArticleAnalysis(article.id(), article.title(), article.publishedAt(), article.source(), body,
                actorList, quotes, tones, stances, relations);
    }

    /** The actors each quote (with a speaker) speaks of, and the tone of the words about them. */
    private static List<QuoteReference> quoteReferences(ParsedText text, ReferentResolver referents,
            ActorIndex actors, List<Quote> quotes, OpinionScorer opinions, ActorIds ids) {
        Set<ActorIndex.Draft> known = Collections.newSetFromMap(new IdentityHashMap<>());
        actors.actors().stream().filter(a -> !a.mentions.isEmpty()).forEach(known::add);
        QuoteTargets targets = new QuoteTargets(text, referents, known);
        List<QuoteReference> out = new ArrayList<>();
        for (Quote quote : quotes) {
            if (quote.speakerIds().isEmpty()) {
                continue;
            }
            for (QuoteTargets.Target target : targets.of(new Span(quote.start(), quote.end(), quote.text()))) {
                out.add(new QuoteReference(quote, ids.of(target.actor()), target.words(),
                        opinions.tone(target.words())));
            }
        }
        return out;
    }

    /** A caller's time budget interrupts the analysis (CoreNLP checks between sentences; these between steps). */
    private static void checkInterrupted() {
        if (Thread.interrupted()) {
            throw new RuntimeInterruptedException();
        }
    }

    private static Quote quote(Span span, String kind, ReferentResolver.Referent speaker, OpinionScorer opinions,
            ActorIds ids) {
        ActorIndex.Draft actor = speaker.speaker();
        List<ActorIndex.Draft> speakers = speaker.speakers();
        return new Quote(span.start(), span.end(), span.text(), kind, actor == null ? null : ids.of(actor),
                actor == null ? null : actor.name, speakers.isEmpty() ? null : speaker.mention(), ids.of(speakers),
                speaker.mention(), StanceScorer.round(opinions.tone(span)));
    }

    /**
     * The ids of actors in this article's JSON: a slug of the name, except for "he (unresolved)", who is someone
     * else in every article and gets an id of its own per article, so that no client adding up actors by id
     * merges them.
     */
    private record ActorIds(String articleScope) {

        static ActorIds forArticle(Article article) {
            return new ActorIds(Integer.toUnsignedString(article.id().hashCode(), 36));
        }

        String of(ActorIndex.Draft actor) {
            return UnlinkedPersons.isUnresolved(actor) ? actor.id + "-" + articleScope : actor.id;
        }

        List<String> of(List<ActorIndex.Draft> actors) {
            return actors.stream().map(this::of).distinct().toList();
        }
    }
}
