package io.stancewire.analysis.portrayal;

import java.util.Set;

import io.stancewire.analysis.actors.ActorIndex;
import io.stancewire.analysis.actors.ActorResolver;
import io.stancewire.analysis.model.Span;
import io.stancewire.analysis.parse.ParsedText;
import io.stancewire.analysis.tone.StanceScorer;

/**
 * How the text speaks of an actor, read by the {@link PortrayalModel} (a classifier trained on NewsMTSC) on every
 * sentence that names them (or, for an actor never named, describes them): the class probabilities are averaged over
 * those mentions (pronouns and titles left out: the model was trained on names). {@code portrayal = P(+1) - P(-1)} of the average, in [-1, 1], and the
 * label is its most probable class.
 */
public final class PortrayalScorer {

    public record Portrayal(double score, int label) {
        static final Portrayal NEUTRAL = new Portrayal(0, 0);
    }

    private static final Set<String> PRONOUNS = Set.of("he", "she", "him", "her", "his", "hers", "it", "its", "they",
            "them", "their", "i", "we", "you", "me", "us", "himself", "herself");

    private final ParsedText text;
    private final PortrayalModel model;

    public PortrayalScorer(ParsedText text, PortrayalModel model) {
        this.text = text;
        this.model = model;
    }

    public Portrayal portrayal(ActorIndex.Draft actor) {
        // names when there are any: the model was trained on names, and a title ("President") adds noise
        boolean named = actor.mentions.values().stream().anyMatch(this::isName);
        // an actor known by pronouns alone ("he (unresolved)") is read on them: the model also saw pronoun targets
        boolean pronounsOnly = actor.mentions.values().stream()
                .allMatch(m -> PRONOUNS.contains(m.text().toLowerCase()));
        double[] sum = new double[3];
        int mentions = 0;
        for (Span mention : actor.mentions.values()) {
            if (!pronounsOnly && PRONOUNS.contains(mention.text().toLowerCase()) || named && !isName(mention)) {
                continue;
            }
            int token = text.tokenAt(mention.start());
            if (token >= text.size()) {
                continue;
            }
            int sentence = text.sentenceOf(token);
            int start = text.start(text.sentenceFirst(sentence));
            int end = text.end(text.sentenceEnd(sentence) - 1);
            if (mention.start() < start || mention.end() > end) {
                continue;
            }
            double[] p = model.probabilities(text.body.substring(start, end), mention.start() - start,
                    mention.end() - start);
            for (int c = 0; c < 3; c++) {
                sum[c] += p[c];
            }
            mentions++;
        }
        if (mentions == 0) {
            return Portrayal.NEUTRAL;
        }
        // the class with the highest mean probability, after the model's decision offsets (as PortrayalModel.label)
        double[] offsets = model.offsets();
        int best = 0;
        for (int c = 1; c < 3; c++) {
            if (Math.log(sum[c]) + offsets[c] > Math.log(sum[best]) + offsets[best]) {
                best = c;
            }
        }
        return new Portrayal(StanceScorer.round((sum[2] - sum[0]) / mentions), PortrayalModel.CLASSES[best]);
    }

    private boolean isName(Span mention) {
        int token = text.tokenAt(mention.start());
        return token < text.size() && ActorResolver.actorType(text.ner(text.tokenAt(mention.end() - 1))) != null;
    }
}
