package io.stancewire.analysis.relations;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.stancewire.analysis.model.Relation;
import io.stancewire.analysis.model.RelationEvidence;
import io.stancewire.analysis.model.ToneCue;
import io.stancewire.analysis.tone.StanceScorer;

/**
 * The relations of one article: who acts and speaks toward whom. Evidence comes in this order:
 * <ol>
 * <li><b>Acts</b>: each tone cue gives every (agent, target) pair of different actors its polarity ("Kurti blamed
 * the Serbian side": Kurti → Government of Serbia, -0.6). Reciprocal cues ("throw spades at each other") have their
 * agents among their targets, so they give both directions.</li>
 * <li><b>Words</b>: each quote (direct or reported) that names an actor other than its speakers gives every
 * (speaker, named actor) pair the tone of the clause that names it ({@link QuoteReference}), unless a tone cue of
 * the same pair lies inside the quote: that act is already counted (a reported "he blamed the Serbian side" counts
 * once). Words reported twice (a reported clause inside another of the same speaker) count once.</li>
 * </ol>
 * A relation's score is the mean of its evidence values, with the stance formula ({@link StanceScorer#score}), so
 * that aggregates can add sums and counts across articles. Relations come most evidence first.
 */
public final class RelationScorer {

    private RelationScorer() {
    }

    public static List<Relation> relations(List<ToneCue> tones, List<QuoteReference> references) {
        Map<Pair, List<RelationEvidence>> evidence = new LinkedHashMap<>();
        for (ToneCue cue : tones) {
            for (String agent : cue.agentIds()) {
                for (String target : cue.targetIds()) {
                    if (!agent.equals(target)) {
                        evidence.computeIfAbsent(new Pair(agent, target), p -> new ArrayList<>())
                                .add(new RelationEvidence(cue.start(), cue.end(), cue.cue(),
                                        RelationEvidence.Kind.TONE, cue.polarity()));
                    }
                }
            }
        }
        for (QuoteReference reference : references) {
            for (String speaker : reference.quote().speakerIds()) {
                Pair pair = new Pair(speaker, reference.targetId());
                if (speaker.equals(reference.targetId()) || actsInside(tones, pair, reference)) {
                    continue;
                }
                List<RelationEvidence> items = evidence.computeIfAbsent(pair, p -> new ArrayList<>());
                if (items.stream().noneMatch(e -> e.start() == reference.words().start())) {
                    items.add(new RelationEvidence(reference.words().start(), reference.words().end(),
                            reference.words().text(), RelationEvidence.Kind.QUOTE,
                            StanceScorer.round(reference.tone())));
                }
            }
        }
        List<Relation> out = new ArrayList<>();
        evidence.forEach((pair, items) -> {
            items.sort(Comparator.comparingInt(RelationEvidence::start));
            double sum = items.stream().mapToDouble(RelationEvidence::value).sum();
            out.add(new Relation(pair.agent(), pair.target(), StanceScorer.score(sum, items.size()), items.size(),
                    List.copyOf(items)));
        });
        out.sort(Comparator.comparingInt(Relation::evidence).reversed().thenComparing(Relation::agentId)
                .thenComparing(Relation::targetId));
        return out;
    }

    /** A tone cue of this agent on this target inside the quote: the act the quote reports, already counted. */
    private static boolean actsInside(List<ToneCue> tones, Pair pair, QuoteReference reference) {
        return tones.stream().anyMatch(cue -> reference.quote().start() <= cue.start()
                && cue.end() <= reference.quote().end() && cue.agentIds().contains(pair.agent())
                && cue.targetIds().contains(pair.target()));
    }

    private record Pair(String agent, String target) {
    }
}
