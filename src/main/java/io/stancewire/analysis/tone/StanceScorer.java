package io.stancewire.analysis.tone;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.stancewire.analysis.model.Actor;
import io.stancewire.analysis.model.Quote;
import io.stancewire.analysis.model.Stance;
import io.stancewire.analysis.model.ToneCue;

/**
 * The stance formula, in one place. An actor's evidence in an article is every quote they speak (direct or
 * indirect, valued at its tone) and every tone cue where they are an agent (valued at its polarity). The stance is
 * the mean value of the evidence: {@code score = sum / evidence}, in [-1, 1]. Across articles the same mean over all
 * evidence is the evidence-weighted mean of the article scores, so aggregates keep {@code sum} and
 * {@code evidence} and call {@link #score(double, long)}.
 */
public final class StanceScorer {

    private StanceScorer() {
    }

    public static double score(double sum, long evidence) {
        if (evidence <= 0) {
            return 0;
        }
        return round(Math.max(-1, Math.min(1, sum / evidence)));
    }

    /** The sum of evidence values behind a stance: what an aggregate adds up. */
    public static double sum(Stance stance) {
        return stance.score() * stance.evidence();
    }

    public static List<Stance> stances(List<Actor> actors, List<Quote> quotes, List<ToneCue> tones) {
        Map<String, double[]> totals = new LinkedHashMap<>();
        for (Actor actor : actors) {
            totals.put(actor.id(), new double[2]);
        }
        for (Quote quote : quotes) {
            for (String speaker : quote.speakerIds()) {
                add(totals, speaker, quote.tone()); // "Trump and Clinton said": each of them said it
            }
        }
        for (ToneCue cue : tones) {
            for (String agent : cue.agentIds()) {
                add(totals, agent, cue.polarity());
            }
        }
        List<Stance> out = new ArrayList<>();
        totals.forEach((id, total) -> {
            if (total[1] > 0) {
                out.add(new Stance(id, score(total[0], (long) total[1]), (int) total[1]));
            }
        });
        return out;
    }

    private static void add(Map<String, double[]> totals, String actorId, double value) {
        double[] total = totals.computeIfAbsent(actorId, k -> new double[2]);
        total[0] += value;
        total[1]++;
    }

    public static double round(double value) {
        return Math.round(value * 10000.0) / 10000.0;
    }
}
