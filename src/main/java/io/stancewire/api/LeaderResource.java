package io.stancewire.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.stancewire.analysis.tone.StanceScorer;
import io.stancewire.api.security.Roles;
import io.stancewire.stance.DateWindow;
import io.stancewire.stance.LeaderStance;
import io.stancewire.stance.RelationTotals;
import io.stancewire.stance.StanceAggregate;
import io.stancewire.stance.StanceQueries;
import io.stancewire.stance.QueryScope;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

@Path("/api/v1/leaders")
@Tag(name = "leaders")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READER)
public class LeaderResource {

    @Inject
    StanceQueries queries;

    @Inject
    LookupAnswers answers;

    @Inject
    PeerForwarder peers;

    @Inject
    ObjectMapper mapper;

    /**
     * {@code GET /leaders/{id}} answers, by aggregate: the store hands out the same object while the leader is
     * unchanged ({@link io.stancewire.stance.ParsingCacheSerde}), so its JSON is written once per change.
     */
    private final Cache<StanceAggregate, byte[]> rendered = Caffeine.newBuilder().weakKeys().maximumSize(10_000)
            .build();

    @GET
    @Operation(summary = "Every leader seen, with their aggregated stance, most evidence first")
    public List<LeaderStance> leaders(@QueryParam(PeerForwarder.LOCAL) boolean local, @Context HttpHeaders headers) {
        StanceQueries.Spread<StanceAggregate> spread = queries.leaders(QueryScope.of(local));
        List<LeaderStance> all = new ArrayList<>(spread.here().stream().map(LeaderStance::of).toList());
        for (PeerForwarder.PeerAnswer answer : peers.gather(spread.elsewhere(), "/api/v1/leaders", headers)) {
            all.addAll(leadersOf(answer));
        }
        return all.stream()
                .sorted(Comparator.comparingLong(LeaderStance::evidence).reversed()
                        .thenComparing(Comparator.comparingLong(LeaderStance::articles).reversed())
                        .thenComparing(LeaderStance::id))
                .toList();
    }

    private List<LeaderStance> leadersOf(PeerForwarder.PeerAnswer answer) {
        if (answer.status() != 200) {
            throw new StanceQueries.StoreUnavailableException("another instance answered " + answer.status()
                    + " for its leaders");
        }
        try {
            return List.of(mapper.readValue(answer.body(), LeaderStance[].class));
        } catch (IOException e) {
            throw new StanceQueries.StoreUnavailableException("another instance answered what is not a list of "
                    + "leaders");
        }
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One leader's aggregated stance")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = LeaderStance.class)))
    public RestResponse<byte[]> leader(@PathParam("id") String id, @QueryParam(PeerForwarder.LOCAL) boolean local,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        // bytes rendered once per change; RestResponse<byte[]>, unlike Response, has its writer chosen at build time
        return answers.respondBytes(queries.leader(id, QueryScope.of(local)),
                aggregate -> rendered.get(aggregate, this::render), unknownLeader(id), uri, headers);
    }

    @GET
    @Path("/{id}/timeline")
    @Operation(summary = "A leader's stance per day of publication (UTC), oldest first")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = LeaderStance.Day[].class)))
    public Response timeline(@PathParam("id") String id, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam(PeerForwarder.LOCAL) boolean local, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        DateWindow window = window("from", from, "to", to);
        return answers.respond(queries.leader(id, QueryScope.of(local)), aggregate -> days(aggregate.days(), window),
                unknownLeader(id), uri, headers);
    }

    @GET
    @Path("/{id}/relations")
    @Operation(summary = "A leader's relations toward other actors, most evidence first; since/until (ISO dates) "
            + "restrict them to the articles published in that window")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = LeaderRelation[].class)))
    public Response relations(@PathParam("id") String id, @QueryParam("since") String since,
            @QueryParam("until") String until, @QueryParam(PeerForwarder.LOCAL) boolean local, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        DateWindow window = window("since", since, "until", until);
        return answers.respond(queries.relations(id, QueryScope.of(local)), relations -> relations.targets().values()
                .stream().map(totals -> LeaderRelation.of(totals, window)).filter(Objects::nonNull)
                .sorted(Comparator.comparingLong(LeaderRelation::evidence).reversed()
                        .thenComparing(Comparator.comparingLong(LeaderRelation::articles).reversed())
                        .thenComparing(LeaderRelation::targetId))
                .toList(), unknownLeader(id), uri, headers);
    }

    @GET
    @Path("/{id}/relations/{targetId}/timeline")
    @Operation(summary = "A leader's relation toward one target per day of publication (UTC), oldest first")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = LeaderStance.Day[].class)))
    public Response relationTimeline(@PathParam("id") String id, @PathParam("targetId") String targetId,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam(PeerForwarder.LOCAL) boolean local, @Context UriInfo uri, @Context HttpHeaders headers) {
        DateWindow window = window("from", from, "to", to);
        return answers.respond(queries.relations(id, QueryScope.of(local)), relations -> {
            RelationTotals relation = relations.targets().get(targetId);
            if (relation == null) {
                throw new ProblemMappers.NotFoundProblem(ProblemType.UNKNOWN_RELATION,
                        "the leader '" + id + "' has no relation toward '" + targetId + "'");
            }
            return days(relation.days(), window);
        }, unknownLeader(id), uri, headers);
    }

    @GET
    @Path("/{id}/portrayal")
    @Operation(summary = "How the press portrays a leader: the mean portrayal over articles, overall and by outlet")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = LeaderPortrayal.class)))
    public Response portrayal(@PathParam("id") String id, @QueryParam(PeerForwarder.LOCAL) boolean local,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        return answers.respond(queries.relations(id, QueryScope.of(local)), LeaderPortrayal::of, unknownLeader(id),
                uri, headers);
    }

    private static LookupAnswers.Missing unknownLeader(String id) {
        return new LookupAnswers.Missing(ProblemType.UNKNOWN_LEADER, "no leader has the id '" + id + "'");
    }

    private static List<LeaderStance.Day> days(Map<String, StanceAggregate.Day> days, DateWindow window) {
        List<LeaderStance.Day> out = new ArrayList<>();
        for (Map.Entry<String, StanceAggregate.Day> entry : days.entrySet()) {
            StanceAggregate.Day total = entry.getValue();
            if (window.contains(entry.getKey()) && total.evidence() > 0) {
                out.add(new LeaderStance.Day(entry.getKey(), StanceScorer.score(total.sum(), total.evidence()),
                        total.articles(), total.evidence()));
            }
        }
        return out;
    }

    /** The window two ISO date parameters give; a 400 problem for a date that is none or a window that ends first. */
    private static DateWindow window(String firstName, String firstValue, String lastName, String lastValue) {
        LocalDate first = date(firstName, firstValue);
        LocalDate last = date(lastName, lastValue);
        if (first != null && last != null && first.isAfter(last)) {
            throw new ProblemMappers.BadParameterProblem("'" + firstName + "' (" + first + ") is after '" + lastName
                    + "' (" + last + ")");
        }
        return new DateWindow(first, last);
    }

    private byte[] render(StanceAggregate aggregate) {
        try {
            return mapper.writeValueAsBytes(LeaderStance.of(aggregate));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new ProblemMappers.BadParameterProblem("'" + name + "' must be an ISO date (YYYY-MM-DD), not '"
                    + (value.length() <= 40 ? value : value.substring(0, 40) + "...") + "'");
        }
    }
}
