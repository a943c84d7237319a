package io.stancewire.api;

import java.util.Comparator;
import java.util.List;

import io.stancewire.stance.PortrayalAggregate;
import io.stancewire.stance.RelationsAggregate;

/** How the press portrays a leader ({@code GET /leaders/{id}/portrayal}): overall and by outlet, most articles first, with the
 * latest contributing articles. */
public record LeaderPortrayal(String id, String name, double score, long articles, List<BySource> bySource,
        List<PortrayalAggregate.Coverage> latest) {

    public record BySource(String source, double score, long articles) {
    }

    static LeaderPortrayal of(RelationsAggregate aggregate) {
        PortrayalAggregate portrayal = aggregate.portrayal();
        List<BySource> bySource = portrayal.bySource().entrySet().stream()
                .map(e -> new BySource(e.getKey(), e.getValue().score(), e.getValue().articles()))
                .sorted(Comparator.comparingLong(BySource::articles).reversed().thenComparing(BySource::source))
                .toList();
        return new LeaderPortrayal(aggregate.leaderId(), aggregate.name(), portrayal.score(), portrayal.articles(),
                bySource, portrayal.latest());
    }
}
