package io.stancewire.stance;

import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.query.FailureReason;
import org.apache.kafka.streams.query.KeyQuery;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.StateQueryRequest;

/**
 * Key lookups in this instance's state stores with Kafka Streams' public interactive queries (v2): a
 * {@link KeyQuery} sent to the one partition that holds the key, so only that partition's store is read (Kafka
 * Streams' composite store, the v1 API, tries every local partition's store in turn on each {@code get}).
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
        StateQueryRequest<V> request = StateQueryRequest.inStore(store).withQuery(KeyQuery.<String, V> withKey(key))
                .requireActive();
        if (partition >= 0) {
            request = request.withPartitions(Set.of(partition));
        }
        boolean here = false;
        for (Map.Entry<Integer, QueryResult<V>> entry : streams.query(request).getPartitionResults().entrySet()) {
            QueryResult<V> result = entry.getValue();
            if (result.isSuccess()) {
                here = true;
                if (result.getResult() != null) {
                    return new Read<>(true, result.getResult());
                }
            } else if (result.getFailureReason() != FailureReason.NOT_PRESENT) {
                throw new StanceQueries.StoreUnavailableException("partition " + entry.getKey() + " of " + store
                        + " cannot be read now (" + result.getFailureReason() + ": " + result.getFailureMessage()
                        + ")");
            }
        }
        return new Read<>(here, null);
    }
}
