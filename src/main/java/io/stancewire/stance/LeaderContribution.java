package io.stancewire.stance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.stancewire.analysis.model.Actor;
import io.stancewire.analysis.model.ArticleAnalysis;
import io.stancewire.analysis.model.Relation;
import io.stancewire.analysis.model.Stance;
import io.stancewire.analysis.tone.StanceScorer;

/**
 * What one article adds to one leader: the sum and count of its stance evidence; how the article portrays the
 * leader, and by which outlet ({@code source}); and the leader's relations toward the other actors of the article.
 * {@code relations} is null in contributions stored before relations were read (they add nothing).
 */
public record LeaderContribution(String articleId, String leaderId, String name, String role, double sum,
        int evidence, Instant publishedAt, String source, double portrayal, List<RelationPart> relations) {

    /** The leader's relation toward one target in one article: the sum and count of its evidence. */
    public record RelationPart(String targetId, String targetName, double sum, int evidence) {
    }

    public LeaderContribution(String articleId, String leaderId, String name, String role, double sum, int evidence,
            Instant publishedAt) {
        this(articleId, leaderId, name, role, sum, evidence, publishedAt, null, 0, List.of());
    }

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
                    StanceScorer.sum(stance), stance.evidence(), analysis.publishedAt(), analysis.source(),
                    actor.portrayal(), relationsOf(analysis, actor.id())));
        }
        return out;
    }

    private static List<RelationPart> relationsOf(ArticleAnalysis analysis, String agentId) {
        List<RelationPart> out = new ArrayList<>();
        if (analysis.relations() == null) {
            return out;
        }
        for (Relation relation : analysis.relations()) {
            if (relation.agentId().equals(agentId)) {
                Actor target = analysis.actor(relation.targetId());
                out.add(new RelationPart(relation.targetId(), target == null ? relation.targetId() : target.name(),
                        StanceScorer.round(relation.score() * relation.evidence()), relation.evidence()));
            }
        }
        return out;
    }

    /** The stance part alone: what the leaders store adds up (relations and portrayal go to the relations store). */
    public LeaderContribution stanceOnly() {
        return new LeaderContribution(articleId, leaderId, name, role, sum, evidence, publishedAt);
    }

    public String key() {
        return articleId + "|" + leaderId;
    }
}
