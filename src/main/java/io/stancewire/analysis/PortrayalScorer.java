package io.stancewire.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * How the text speaks of an actor: the mean of the tone of the clauses that mention them (narration, outside
 * quotes), the tone of other people's quotes that mention them, and the polarity of tone cues that target them.
 */
final class PortrayalScorer {

    private final ParsedText text;
    private final OpinionScorer opinions;
    private final QuoteAttributor quotes;

    PortrayalScorer(ParsedText text, OpinionScorer opinions, QuoteAttributor quotes) {
        this.text = text;
        this.opinions = opinions;
        this.quotes = quotes;
    }

    double portrayal(ActorIndex.Draft actor, List<Quote> allQuotes, List<ToneCue> cues) {
        List<Double> values = new ArrayList<>();
        for (ToneCue cue : cues) {
            if (cue.targetIds().contains(actor.id) && !cue.agentIds().contains(actor.id)) {
                values.add(cue.polarity());
            }
        }
        for (Quote quote : allQuotes) {
            if (!actor.id.equals(quote.speakerId()) && quote.tone() != 0
                    && actor.mentions.values().stream().anyMatch(m -> m.overlaps(quote.start(), quote.end()))) {
                values.add(quote.tone());
            }
        }
        for (Span mention : actor.mentions.values()) {
            int token = text.tokenAt(mention.start());
            if (token >= text.size() || quotes.isQuoted(token)) {
                continue;
            }
            double clause = clauseTone(token);
            if (clause != 0) {
                values.add(clause);
            }
        }
        return values.isEmpty() ? 0 : StanceScorer.round(values.stream().mapToDouble(d -> d).average().orElse(0));
    }

    /** The tone of the clause a mention sits in: the subtree of its nearest verb or predicate. */
    private double clauseTone(int token) {
        int node = token;
        for (int hop = 0; hop < 6; hop++) {
            int governor = text.governor(node);
            if (governor < 0) {
                break;
            }
            node = governor;
            if (text.isVerb(node) || text.relation(node).equals("root")) {
                break;
            }
        }
        int[] range = text.subtree(node, r -> r.equals("ccomp") || r.equals("parataxis") || r.startsWith("advcl")
                || r.equals("conj"));
        return opinions.tone(range[0], range[1] + 1);
    }
}
