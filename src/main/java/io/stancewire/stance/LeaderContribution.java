package io.stancewire.stance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.stancewire.analysis.model.Actor;
import io.stancewire.analysis.model.ArticleAnalysis;
import io.stancewire.analysis.model.Stance;
import io.stancewire.analysis.tone.StanceScorer;

/** What one article adds to one leader's stance: the sum and count of its evidence. */
public record LeaderContribution(String articleId, String leaderId, String name, String role, double sum,
        int evidence, Instant publishedAt) {

    /** One contribution for every leader of the analysis (a leader without evidence still counts an article). */
    public static List<LeaderContribution> of(ArticleAnalysis analysis) {
        List<LeaderContribution> out = new ArrayList<>();
        if (analysis == null) {
            return out;
        }
        for (Actor actor : analysis.actors()) {
            if (!actor.leader()) {
                continue;
            }
            Stance stance = analysis.stances().stream().filter(s -> s.actorId().equals(actor.id())).findFirst()
                    .orElse(new Stance(actor.id(), 0, 0));
            out.add(new LeaderContribution(analysis.articleId(), actor.id(), actor.name(), actor.role(),
                    StanceScorer.sum(stance), stance.evidence(), analysis.publishedAt()));
        }
        return out;
    }

    public String key() {
        return articleId + "|" + leaderId;
    }
}
