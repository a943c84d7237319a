package io.stancewire.stance;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.stancewire.analysis.model.ArticleAnalysis;

/**
 * The query layer over the state stores: each lookup answers found here, held by another instance, or not found
 * ({@link Lookup}). When the service runs as several instances each holds the partitions Kafka assigned it, and
 * {@code quarkus.kafka-streams.application-server} tells the others how to reach it. Resources map the answers to
 * HTTP; they never ask Kafka Streams themselves.
 */
@ApplicationScoped
public class StanceQueries {

    private static final Serializer<String> KEYS = Serdes.String().serializer();

    @Inject
    KafkaStreams streams;

    @Inject
    LocalStores localStores;

    @ConfigProperty(name = "quarkus.kafka-streams.application-server")
    String applicationServer;

    /** An analysed article by id. */
    public Lookup<ArticleAnalysis> article(String id, QueryScope scope) {
        return lookUp(TopologyProducer.ARTICLES_STORE, id, scope);
    }

    /** A leader's aggregated stance by leader id. */
    public Lookup<StanceAggregate> leader(String id, QueryScope scope) {
        return lookUp(TopologyProducer.LEADERS_STORE, id, scope);
    }

    /** A leader's relations and portrayal by leader id. */
    public Lookup<RelationsAggregate> relations(String leaderId, QueryScope scope) {
        return lookUp(TopologyProducer.RELATIONS_STORE, leaderId, scope);
    }

    /** Every leader this instance holds, and the other instances that hold the rest. */
    public Spread<StanceAggregate> leaders(QueryScope scope) {
        List<StanceAggregate> here = new ArrayList<>();
        try (KeyValueIterator<String, StanceAggregate> all = this.<StanceAggregate> wholeStore(
                TopologyProducer.LEADERS_STORE).all()) {
            all.forEachRemaining(entry -> here.add(entry.value));
        } catch (InvalidStateStoreException e) {
            throw new StoreUnavailableException("the stance store is not ready: " + e.getMessage());
        }
        return new Spread<>(here, scope == QueryScope.ALL_INSTANCES ? otherInstances(TopologyProducer.LEADERS_STORE)
                : List.of());
    }

    /**
     * Values read on this instance, and the other instances ({@code host:port}) whose values complete them.
     *
     * @param here the values this instance holds
     * @param elsewhere the other instances holding part of the store; empty when this one holds it all
     */
    public record Spread<T>(List<T> here, List<String> elsewhere) {
    }

    /**
     * The key's partition comes from Kafka Streams' metadata; this instance reads it if it holds that partition,
     * else the metadata's active host holds it. (Asking the local stores first, instead of comparing the active host
     * with this instance's own address, stays right whatever name the address is given.)
     */
    private <V> Lookup<V> lookUp(String store, String key, QueryScope scope) {
        requireRunning();
        KeyQueryMetadata metadata = streams.queryMetadataForKey(store, key, KEYS);
        int partition = metadata == null ? -1 : metadata.partition();
        LocalStores.Read<V> local = localStores.get(store, key, partition);
        if (local.partitionHere() || scope == QueryScope.THIS_INSTANCE) {
            return Lookup.ofNullable(local.value());
        }
        HostInfo owner = metadata == null ? null : metadata.activeHost();
        if (owner == null || owner.port() <= 0) {
            throw new StoreUnavailableException("no instance holds the partition of '" + key + "' in " + store
                    + " now (Kafka Streams is assigning partitions)");
        }
        return new Lookup.HeldElsewhere<>(address(owner));
    }

    /** The other instances holding part of {@code store}; none when this instance is the only one. */
    private List<String> otherInstances(String store) {
        List<String> out = new ArrayList<>();
        if (streams.metadataForAllStreamsClients().size() <= 1) {
            return out;
        }
        for (StreamsMetadata metadata : streams.streamsMetadataForStore(store)) {
            HostInfo host = metadata.hostInfo();
            if (!address(host).equals(applicationServer) && host.port() > 0) {
                out.add(address(host));
            }
        }
        return out;
    }

    private <V> ReadOnlyKeyValueStore<String, V> wholeStore(String name) {
        requireRunning();
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V> keyValueStore()));
    }

    private void requireRunning() {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            throw new StoreUnavailableException("the stance store is not ready (Kafka Streams is "
                    + streams.state() + ")");
        }
    }

    private static String address(HostInfo host) {
        return host.host() + ":" + host.port();
    }

    /** The state stores cannot be read now (starting, rebalancing). */
    public static class StoreUnavailableException extends RuntimeException {
        public StoreUnavailableException(String message) {
            super(message);
        }
    }
}
