package io.stancewire.stance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.InvalidStateStorePartitionException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Key lookups in this instance's state stores with Kafka Streams' public interactive queries, restricted to the one
 * partition that holds the key ({@link StoreQueryParameters#withPartition}), so only that partition's store is read
 * (without it, Kafka Streams' composite store tries every local partition's store in turn on each {@code get}).
 *
 * <p>Not the v2 {@code KeyQuery}: in Kafka Streams 4.1 a {@code KeyQuery} on a RocksDB store locks the store's
 * {@code Position} and then the store, while the stream thread's {@code put} locks them the other way round; under
 * reads and writes at once the two deadlock (seen in {@code scripts/check-faults} on 7 Dec 2026: the stream thread
 * and a {@code GET /articles/{id}} blocked on each other, the instance stopped processing).
 */
@ApplicationScoped
public class LocalStores {

    @Inject
    KafkaStreams streams;

    /**
     * What this instance holds of a key: whether the key's partition is here (active), and its value (null when the
     * partition is here without the key, or is not here).
     */
    public record Read<V>(boolean partitionHere, V value) {
    }

    /**
     * The value of {@code key} in {@code store}, read from {@code partition} (the key's partition, from
     * {@link KafkaStreams#queryMetadataForKey}), or from every local partition when it is negative (unknown while
     * Kafka Streams rebalances).
     *
     * @throws StanceQueries.StoreUnavailableException when the partition's store is here but cannot be read now
     *         (restoring, closing)
     */
    public <V> Read<V> get(String store, String key, int partition) {
        StoreQueryParameters<ReadOnlyKeyValueStore<String, V>> parameters = StoreQueryParameters.fromNameAndType(
                store, QueryableStoreTypes.<String, V> keyValueStore());
        try {
            ReadOnlyKeyValueStore<String, V> local = streams.store(partition >= 0 ? parameters.withPartition(partition)
                    : parameters);
            return new Read<>(true, local.get(key));
        } catch (InvalidStateStorePartitionException e) {
            return new Read<>(false, null); // the key's partition is on another instance
        } catch (InvalidStateStoreException e) {
            throw new StanceQueries.StoreUnavailableException("partition " + partition + " of " + store
                    + " cannot be read now (" + e.getMessage() + ")");
        }
    }
}
