package io.stancewire.stance;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.internals.StateStoreProvider;

/**
 * Key lookups in this instance's state stores, with the stores looked up once per Kafka Streams state change instead
 * of on every read: Kafka Streams' own composite store walks every stream thread's tasks on each {@code get}, which
 * was a fifth of the CPU time of {@code GET /leaders/{id}}. A read that finds nothing in the remembered stores, or
 * finds one closed (its partition moved away), asks Kafka Streams again, so a partition that finished restoring
 * after the lookup is still read. Quarkus registers this bean as the Kafka Streams state listener.
 */
@ApplicationScoped
public class LocalStores implements KafkaStreams.StateListener {

    /** Resolved on first use: the Kafka Streams producer needs this listener before the instance exists. */
    @Inject
    Instance<KafkaStreams> streams;

    private final Map<String, List<ReadOnlyKeyValueStore<String, Object>>> remembered = new ConcurrentHashMap<>();

    @Override
    public void onChange(KafkaStreams.State newState, KafkaStreams.State oldState) {
        remembered.clear(); // a rebalance, a restart or a shutdown: tasks and their stores may have moved
    }

    /** The value of {@code key} in this instance's {@code store}; null when this instance does not have it. */
    @SuppressWarnings("unchecked")
    public <V> V get(String store, String key) {
        try {
            for (ReadOnlyKeyValueStore<String, Object> local : remembered.computeIfAbsent(store, this::lookUp)) {
                Object value = local.get(key);
                if (value != null) { // a timestamped store's raw value (Kafka Streams unwraps it only in its composite)
                    return (V) (value instanceof ValueAndTimestamp<?> timestamped ? timestamped.value() : value);
                }
            }
        } catch (InvalidStateStoreException e) {
            // a remembered store was closed: its task moved or was restarted
        }
        ReadOnlyKeyValueStore<String, V> current = streams.get().store(StoreQueryParameters.fromNameAndType(store,
                QueryableStoreTypes.<String, V> keyValueStore()));
        V value = current.get(key);
        if (value != null) {
            remembered.remove(store); // the remembered list missed a store that has this key
        }
        return value;
    }

    private List<ReadOnlyKeyValueStore<String, Object>> lookUp(String store) {
        return streams.get().store(StoreQueryParameters.fromNameAndType(store, new EveryLocalStore()));
    }

    /** Kafka Streams' key-value store type, answering the list of this instance's stores instead of a composite. */
    private static final class EveryLocalStore implements QueryableStoreType<List<ReadOnlyKeyValueStore<String, Object>>> {
        private final QueryableStoreType<ReadOnlyKeyValueStore<String, Object>> keyValue = QueryableStoreTypes
                .keyValueStore();

        @Override
        public boolean accepts(StateStore stateStore) {
            return keyValue.accepts(stateStore);
        }

        @Override
        public List<ReadOnlyKeyValueStore<String, Object>> create(StateStoreProvider provider, String storeName) {
            return List.copyOf(provider.stores(storeName, keyValue));
        }
    }
}
