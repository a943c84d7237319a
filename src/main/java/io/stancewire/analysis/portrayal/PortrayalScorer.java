package io.stancewire.analysis.portrayal;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.stancewire.analysis.actors.ActorIndex;
import io.stancewire.analysis.actors.ActorResolver;
import io.stancewire.analysis.model.Span;
import io.stancewire.analysis.parse.ParsedText;
import io.stancewire.analysis.tone.StanceScorer;

/**
 * How the text speaks of each actor, read by a {@link PortrayalClassifier} (one for people, one for the other actors:
 * {@link PortrayalReaders}) on every sentence that names them (or,
 * for an actor never named, describes them): the class probabilities are averaged over those mentions (pronouns and
 * titles left out: the model was trained on names). {@code portrayal = P(+1) - P(-1)} of the average, in [-1, 1], and
 * the label is its most probable class. Each classifier reads a sentence once, for all its actors' mentions in it.
 */
public final class PortrayalScorer {

    public record Portrayal(double score, int label) {
        static final Portrayal NEUTRAL = new Portrayal(0, 0);
    }

    private static final Set<String> PRONOUNS = Set.of("he", "she", "him", "her", "his", "hers", "it", "its", "they",
            "them", "their", "i", "we", "you", "me", "us", "himself", "herself");

    /** A mention to read: whose, where in its sentence. */
    private record Reading(ActorIndex.Draft actor, PortrayalClassifier.Target target) {
    }

    /** One classifier call: a sentence, and whether its people or its other actors are read. */
    private record Call(int sentence, boolean people) implements Comparable<Call> {
        @Override
        public int compareTo(Call o) {
            return sentence != o.sentence ? Integer.compare(sentence, o.sentence) : Boolean.compare(people, o.people);
        }
    }

    private final ParsedText text;
    private final PortrayalReaders readers;

    public PortrayalScorer(ParsedText text, PortrayalReaders readers) {
        this.text = text;
        this.readers = readers;
    }

    /** The portrayal of each actor (neutral for one with no mention to read). */
    public Map<ActorIndex.Draft, Portrayal> portrayals(List<ActorIndex.Draft> actors) {
        Map<ActorIndex.Draft, double[]> sums = new IdentityHashMap<>();
        Map<ActorIndex.Draft, Integer> counts = new IdentityHashMap<>();
        for (Map.Entry<Call, List<Reading>> e : calls(actors).entrySet()) {
            int sentence = e.getKey().sentence();
            List<Reading> readings = e.getValue();
            double[][] p = readers.of(e.getKey().people()).probabilities(
                    text.body.substring(sentenceStart(sentence), sentenceEnd(sentence)),
                    readings.stream().map(Reading::target).toList());
            for (int r = 0; r < readings.size(); r++) {
                double[] sum = sums.computeIfAbsent(readings.get(r).actor(), a -> new double[3]);
                for (int c = 0; c < 3; c++) {
                    sum[c] += p[r][c];
                }
                counts.merge(readings.get(r).actor(), 1, Integer::sum);
            }
        }
        Map<ActorIndex.Draft, Portrayal> out = new IdentityHashMap<>();
        for (ActorIndex.Draft actor : actors) {
            double[] sum = sums.get(actor);
            out.put(actor, sum == null ? Portrayal.NEUTRAL
                    : portrayal(sum, counts.get(actor), readers.of(actor.isPerson()).offsets()));
        }
        return out;
    }

    /** The mentions to read, grouped into one call per sentence and classifier, in the text's order. */
    private Map<Call, List<Reading>> calls(List<ActorIndex.Draft> actors) {
        Map<Call, List<Reading>> calls = new TreeMap<>();
        for (ActorIndex.Draft actor : actors) {
            for (Span mention : mentionsToRead(actor)) {
                int sentence = text.sentenceOf(text.tokenAt(mention.start()));
                int start = sentenceStart(sentence);
                // one call for everyone when one classifier reads everyone
                boolean people = actor.isPerson() || readers.people() == readers.others();
                calls.computeIfAbsent(new Call(sentence, people), c -> new ArrayList<>()).add(new Reading(
                        actor, new PortrayalClassifier.Target(mention.start() - start, mention.end() - start)));
            }
        }
        return calls;
    }

    /** The mentions the classifier reads: names when there are any, pronouns for an actor known by nothing else. */
    private List<Span> mentionsToRead(ActorIndex.Draft actor) {
        // names when there are any: the model was trained on names, and a title ("President") adds noise
        boolean named = actor.mentions.values().stream().anyMatch(this::isName);
        // an actor known by pronouns alone ("he (unresolved)") is read on them: the model also saw pronoun targets
        boolean pronounsOnly = actor.mentions.values().stream()
                .allMatch(m -> PRONOUNS.contains(m.text().toLowerCase()));
        List<Span> out = new ArrayList<>();
        for (Span mention : actor.mentions.values()) {
            if (!pronounsOnly && PRONOUNS.contains(mention.text().toLowerCase()) || named && !isName(mention)) {
                continue;
            }
            int token = text.tokenAt(mention.start());
            if (token >= text.size()) {
                continue;
            }
            int sentence = text.sentenceOf(token);
            if (mention.start() >= sentenceStart(sentence) && mention.end() <= sentenceEnd(sentence)) {
                out.add(mention);
            }
        }
        return out;
    }

    /** The class with the highest mean probability after the classifier's decision offsets. */
    private static Portrayal portrayal(double[] sum, int mentions, double[] offsets) {
        int best = 0;
        for (int c = 1; c < 3; c++) {
            if (Math.log(sum[c]) + offsets[c] > Math.log(sum[best]) + offsets[best]) {
                best = c;
            }
        }
        return new Portrayal(StanceScorer.round((sum[2] - sum[0]) / mentions), PortrayalModel.CLASSES[best]);
    }

    private int sentenceStart(int sentence) {
        return text.start(text.sentenceFirst(sentence));
    }

    private int sentenceEnd(int sentence) {
        return text.end(text.sentenceEnd(sentence) - 1);
    }

    private boolean isName(Span mention) {
        int token = text.tokenAt(mention.start());
        return token < text.size() && ActorResolver.actorType(text.ner(text.tokenAt(mention.end() - 1))) != null;
    }
}
