package io.stancewire.stance;

import java.util.List;
import java.util.TreeMap;

/**
 * What one leader's articles say of their relations and of their press: the leader's {@link RelationTotals} toward
 * each target, and the leader's {@link PortrayalAggregate}. Both come from the same per-article contributions, so one
 * repartition serves both. Folded in by {@link #add}, taken out by {@link #subtract} (null when the leader's last
 * article is withdrawn).
 */
public record RelationsAggregate(String leaderId, String name, long articles, TreeMap<String, RelationTotals> targets,
        PortrayalAggregate portrayal) {

    public static RelationsAggregate empty() {
        return new RelationsAggregate(null, null, 0, new TreeMap<>(), PortrayalAggregate.empty());
    }

    public RelationsAggregate add(LeaderContribution c) {
        TreeMap<String, RelationTotals> newTargets = new TreeMap<>(targets);
        for (LeaderContribution.RelationPart part : parts(c)) {
            newTargets.put(part.targetId(), newTargets.getOrDefault(part.targetId(),
                    RelationTotals.empty(part.targetId(), part.targetName())).add(c.articleId(), c.publishedAt(), part));
        }
        return new RelationsAggregate(c.leaderId(), c.name(), articles + 1, newTargets, portrayal.add(c));
    }

    public RelationsAggregate subtract(LeaderContribution c) {
        if (articles <= 1) {
            return null;
        }
        TreeMap<String, RelationTotals> newTargets = new TreeMap<>(targets);
        for (LeaderContribution.RelationPart part : parts(c)) {
            RelationTotals old = newTargets.get(part.targetId());
            if (old != null) {
                RelationTotals left = old.subtract(c.articleId(), c.publishedAt(), part);
                if (left == null) {
                    newTargets.remove(part.targetId());
                } else {
                    newTargets.put(part.targetId(), left);
                }
            }
        }
        return new RelationsAggregate(leaderId, name, articles - 1, newTargets, portrayal.subtract(c));
    }

    private static List<LeaderContribution.RelationPart> parts(LeaderContribution c) {
        return c.relations() == null ? List.of() : c.relations();
    }
}
