package io.stancewire.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.stancewire.analysis.StanceScorer;
import io.stancewire.stance.StanceAggregate;
import io.stancewire.stance.StanceQueries;

@Path("/api/v1/leaders")
@Tag(name = "leaders")
@Produces(MediaType.APPLICATION_JSON)
public class LeaderResource {

    @Inject
    StanceQueries queries;

    @GET
    @Operation(summary = "Every leader seen, with their aggregated stance, most evidence first")
    public List<LeaderStance> leaders() {
        return queries.leaders().stream().map(LeaderStance::of)
                .sorted(Comparator.comparingLong(LeaderStance::evidence).reversed()
                        .thenComparing(Comparator.comparingLong(LeaderStance::articles).reversed())
                        .thenComparing(LeaderStance::id))
                .toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One leader's aggregated stance")
    public LeaderStance leader(@PathParam("id") String id) {
        return LeaderStance.of(find(id));
    }

    @GET
    @Path("/{id}/timeline")
    @Operation(summary = "A leader's stance per day of publication (UTC), oldest first")
    public List<LeaderStance.Day> timeline(@PathParam("id") String id, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        if (first != null && last != null && first.isAfter(last)) {
            throw new ProblemMappers.BadParameterProblem("'from' (" + from + ") is after 'to' (" + to + ")");
        }
        List<LeaderStance.Day> days = new ArrayList<>();
        for (Map.Entry<String, StanceAggregate.Day> entry : find(id).days().entrySet()) {
            LocalDate day = LocalDate.parse(entry.getKey());
            StanceAggregate.Day total = entry.getValue();
            if ((first == null || !day.isBefore(first)) && (last == null || !day.isAfter(last))
                    && total.evidence() > 0) {
                days.add(new LeaderStance.Day(entry.getKey(), StanceScorer.score(total.sum(), total.evidence()),
                        total.articles(), total.evidence()));
            }
        }
        return days;
    }

    private StanceAggregate find(String id) {
        return queries.leader(id).orElseThrow(() -> new ProblemMappers.NotFoundProblem("Unknown leader",
                "no leader has the id '" + id + "'"));
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new ProblemMappers.BadParameterProblem("'" + name + "' must be an ISO date (YYYY-MM-DD), not '"
                    + value + "'");
        }
    }
}
