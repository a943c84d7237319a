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

import io.stancewire.analysis.ArticleAnalysis;

/** Interactive queries on this instance's state stores. */
@ApplicationScoped
public class StanceQueries {

    @Inject
    KafkaStreams streams;

    public Optional<ArticleAnalysis> article(String id) {
        ReadOnlyKeyValueStore<String, ArticleAnalysis> store = store(TopologyProducer.ARTICLES_STORE);
        return Optional.ofNullable(store.get(id));
    }

    public Optional<StanceAggregate> leader(String id) {
        ReadOnlyKeyValueStore<String, StanceAggregate> store = store(TopologyProducer.LEADERS_STORE);
        return Optional.ofNullable(store.get(id));
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
        if (streams.state() != KafkaStreams.State.RUNNING) {
            throw new StoreUnavailableException("the stance store is not ready (Kafka Streams is "
                    + streams.state() + ")");
        }
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
