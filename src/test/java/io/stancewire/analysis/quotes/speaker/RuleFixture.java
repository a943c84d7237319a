package io.stancewire.analysis.quotes.speaker;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.stancewire.analysis.SharedAnalyzer;
import io.stancewire.analysis.StoredParses;
import io.stancewire.analysis.actors.ActorIndex;
import io.stancewire.analysis.actors.ActorResolver;
import io.stancewire.analysis.actors.PronounResolver;
import io.stancewire.analysis.actors.ReferentResolver;
import io.stancewire.analysis.actors.ReferentResolver.Referent;
import io.stancewire.analysis.lexicons.AnimateNouns;
import io.stancewire.analysis.lexicons.FirstNames;
import io.stancewire.analysis.lexicons.SpeechVerbs;
import io.stancewire.analysis.model.Span;
import io.stancewire.analysis.parse.ParsedText;
import io.stancewire.analysis.quotes.QuoteFinder;

/**
 * One sentence or paragraph read up to the speaker rules (parse, actors, quotes), so that a rule can be asked on its
 * own about one quote, from the parses of {@link SpeakerRulesTest}'s sentences stored from the CoreNLP models
 * ({@link StoredParses}).
 */
final class RuleFixture {

    private static final StoredParses PARSES = StoredParses.of(SpeakerRulesTest.class);

    private static final class Lexicons {
        static final FirstNames FIRST_NAMES = FirstNames.load();
        static final AnimateNouns ANIMATE = AnimateNouns.load();
        static final SpeechVerbs VERBS = new SpeechVerbs();
        static final Set<String> DEMONYMS = ActorResolver.demonymsOf(SharedAnalyzer.registry());
    }

    final String body;
    final ParsedText text;
    final ActorIndex actors;
    final ReferentResolver referents;
    final QuoteLayout layout;
    final List<Span> quotes;

    private RuleFixture(String body) {
        this.body = body;
        text = new ParsedText(body, PARSES.annotate(body));
        actors = new ActorResolver(SharedAnalyzer.registry(), Lexicons.DEMONYMS, Lexicons.FIRST_NAMES,
                new PronounResolver(Lexicons.FIRST_NAMES)).resolve(text);
        referents = new ReferentResolver(text, actors, SharedAnalyzer.registry(), Lexicons.DEMONYMS,
                Lexicons.ANIMATE, Lexicons.FIRST_NAMES);
        quotes = QuoteFinder.find(body);
        layout = new QuoteLayout(text, referents, Lexicons.VERBS, quotes);
    }

    static RuleFixture of(String body) {
        return new RuleFixture(body);
    }

    /** The quote whose words start with {@code start}, with no quote before it. */
    QuoteSite site(String start) {
        return site(start, null, null);
    }

    /**
     * The quote whose words start with {@code start}, after the quote starting {@code previousStart} whose speaker
     * is the person named {@code previousSpeaker} in the text.
     */
    QuoteSite site(String start, String previousStart, String previousSpeaker) {
        QuoteSite.TokenRange tokens = tokens(start);
        QuoteSite.TokenRange previous = previousStart == null ? null : tokens(previousStart);
        Referent speaker = previousSpeaker == null ? null : referents.resolve(tokenOf(previousSpeaker));
        return new QuoteSite(tokens, layout.firstSentence(tokens), text.sentenceOf(tokens.end() - 1), previous,
                speaker, Map.of());
    }

    /** What the rule proposes for the quote starting {@code start}: the speaker's name, or null. */
    String speakerName(SpeakerRule rule, QuoteSite site) {
        Referent referent = rule.find(layout, site);
        return referent == null || referent.speaker() == null ? null : referent.speaker().name;
    }

    private QuoteSite.TokenRange tokens(String start) {
        Span quote = quotes.stream().filter(q -> q.text().substring(1).startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no quote starting " + start + " in " + quotes));
        int[] range = text.tokensWithin(quote.start(), quote.end());
        return new QuoteSite.TokenRange(range[0], range[1]);
    }

    private int tokenOf(String words) {
        int at = body.indexOf(words);
        if (at < 0) {
            throw new AssertionError("no " + words);
        }
        return text.tokenAt(at + words.length() - 1);
    }
}
