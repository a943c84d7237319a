package io.stancewire.stance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.stancewire.analysis.model.ArticleAnalysis;

/**
 * Interactive queries on this instance's state stores, and where the rest lives when the service runs as several
 * instances (each holds the partitions Kafka assigned it; {@code quarkus.kafka-streams.application-server} tells the
 * others how to reach it).
 */
@ApplicationScoped
public class StanceQueries {

    @Inject
    KafkaStreams streams;

    @Inject
    LocalStores localStores;

    @ConfigProperty(name = "quarkus.kafka-streams.application-server")
    String applicationServer;

    /**
     * The other instance ({@code host:port}) that holds {@code key} of {@code store}, when the service runs as
     * several instances; empty when this instance holds it (or cannot tell).
     */
    public Optional<String> remoteOwner(String store, String key) {
        if (streams.state() != KafkaStreams.State.RUNNING || streams.metadataForAllStreamsClients().size() <= 1) {
            return Optional.empty(); // one instance holds everything
        }
        KeyQueryMetadata metadata = streams.queryMetadataForKey(store, key, Serdes.String().serializer());
        if (metadata == null || metadata.activeHost() == null || isSelf(metadata.activeHost())
                || metadata.activeHost().port() <= 0) {
            return Optional.empty();
        }
        return Optional.of(metadata.activeHost().host() + ":" + metadata.activeHost().port());
    }

    /** The other instances that hold part of {@code store}. */
    public List<String> otherOwners(String store) {
        List<String> out = new ArrayList<>();
        if (streams.state() != KafkaStreams.State.RUNNING || streams.metadataForAllStreamsClients().size() <= 1) {
            return out;
        }
        for (StreamsMetadata metadata : streams.streamsMetadataForStore(store)) {
            HostInfo host = metadata.hostInfo();
            if (!isSelf(host) && host.port() > 0) {
                out.add(host.host() + ":" + host.port());
            }
        }
        return out;
    }

    private boolean isSelf(HostInfo host) {
        return (host.host() + ":" + host.port()).equals(applicationServer);
    }

    public Optional<ArticleAnalysis> article(String id) {
        return Optional.ofNullable(get(TopologyProducer.ARTICLES_STORE, id));
    }

    public Optional<StanceAggregate> leader(String id) {
        return Optional.ofNullable(get(TopologyProducer.LEADERS_STORE, id));
    }

    public Optional<RelationsAggregate> relations(String leaderId) {
        return Optional.ofNullable(get(TopologyProducer.RELATIONS_STORE, leaderId));
    }

    private <V> V get(String store, String key) {
        requireRunning();
        try {
            return localStores.get(store, key);
        } catch (InvalidStateStoreException e) {
            throw new StoreUnavailableException("the stance store is not ready: " + e.getMessage());
        }
    }

    private void requireRunning() {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            throw new StoreUnavailableException("the stance store is not ready (Kafka Streams is "
                    + streams.state() + ")");
        }
    }

    public List<StanceAggregate> leaders() {
        ReadOnlyKeyValueStore<String, StanceAggregate> store = store(TopologyProducer.LEADERS_STORE);
        List<StanceAggregate> out = new ArrayList<>();
        try (KeyValueIterator<String, StanceAggregate> all = store.all()) {
            all.forEachRemaining(entry -> out.add(entry.value));
        }
        return out;
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        requireRunning();
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(name,
                    QueryableStoreTypes.<String, V> keyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw new StoreUnavailableException("the stance store is not ready: " + e.getMessage());
        }
    }

    /** The state stores cannot be read now (starting, rebalancing). */
    public static class StoreUnavailableException extends RuntimeException {
        public StoreUnavailableException(String message) {
            super(message);
        }
    }
}
