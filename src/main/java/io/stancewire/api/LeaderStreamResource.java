package io.stancewire.api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Multi;
import io.stancewire.api.security.Roles;
import io.stancewire.config.StancewireConfig;
import io.stancewire.stance.LeaderStanceFeed;

/**
 * {@code GET /leaders/stream}: server-sent events, one {@code leader} event per changed leader stance (data: the JSON
 * of {@code GET /leaders/{id}}), {@code leader-removed} when a leader loses its last article (data: its id), and a
 * comment every {@code stancewire.stream.heartbeat} (15 s) as a heartbeat. {@code ?id=} (repeatable) follows some
 * leaders only. Each event's id is its position in the {@code leader-stances} topic: a client that reconnects with
 * {@code Last-Event-ID} gets every change after it that the topic still holds. Every instance streams every leader.
 */
@Path("/api/v1/leaders/stream")
@Tag(name = "leaders")
@RolesAllowed(Roles.READER)
public class LeaderStreamResource {

    @Inject
    LeaderStanceFeed feed;

    @Inject
    StancewireConfig config;

    /** The data of a {@code leader-removed} event. */
    public record RemovedLeader(String id) {
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Every change of a leader's stance, as server-sent events (event 'leader', data the JSON of "
            + "GET /leaders/{id}); id= follows some leaders; Last-Event-ID resumes")
    public Multi<OutboundSseEvent> stream(@QueryParam("id") List<String> ids,
            @HeaderParam("Last-Event-ID") String lastEventId, @Context Sse sse) {
        LeaderStanceFeed.Position after;
        try {
            after = LeaderStanceFeed.Position.parse(lastEventId);
        } catch (IllegalArgumentException e) {
            throw new ProblemMappers.BadParameterProblem("Last-Event-ID: " + e.getMessage());
        }
        Multi<OutboundSseEvent> changes = feed.follow(after, Set.copyOf(ids)).map(change -> change.json() == null
                ? sse.newEventBuilder().name("leader-removed").id(change.position().toString())
                        .data(new RemovedLeader(change.leaderId()))
                        .mediaType(MediaType.APPLICATION_JSON_TYPE).build()
                : sse.newEventBuilder().name("leader").id(change.position().toString())
                        .data(new String(change.json(), StandardCharsets.UTF_8))
                        .mediaType(MediaType.APPLICATION_JSON_TYPE).build());
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(config.stream().heartbeat())
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        return Multi.createBy().merging().streams(changes, heartbeats);
    }
}
