package io.stancewire.stance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.kafka.client.serialization.ObjectMapperSerde;
import io.stancewire.analysis.model.ArticleAnalysis;
import io.stancewire.config.StancewireConfig;

/**
 * The aggregation: analyses by article id, split into per-leader contributions (a KTable, so a replaced or
 * withdrawn article retracts its old contribution), grouped by leader and folded into a {@link StanceAggregate}.
 */
@ApplicationScoped
public class TopologyProducer {

    /** The latest analysis of each article: {@code GET /articles/{id}}. */
    public static final String ARTICLES_STORE = "articles-store";
    /** One row per article and leader. */
    public static final String CONTRIBUTIONS_STORE = "contributions-store";
    /** One aggregate per leader: {@code GET /leaders}. */
    public static final String LEADERS_STORE = "leaders-store";

    @Inject
    StancewireConfig config;

    @Inject
    ObjectMapper mapper;

    @Produces
    public Topology buildTopology() {
        long cacheBytes = config.stores().parsedCacheSize().asLongValue();
        var analyses = new ParsingCacheSerde<>(ArticleAnalysis.class, mapper, cacheBytes);
        var contributions = new ObjectMapperSerde<>(LeaderContribution.class, mapper);
        var aggregates = new ParsingCacheSerde<>(StanceAggregate.class, mapper, cacheBytes);

        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ARTICLES_STORE),
                Serdes.String(), analyses));

        builder.stream(config.topics().analyses(), Consumed.with(Serdes.String(), analyses))
                .process(() -> new ContributionSplitter(ARTICLES_STORE), ARTICLES_STORE)
                .toTable(Named.as("contributions"), Materialized.<String, LeaderContribution, KeyValueStore<Bytes, byte[]>> as(CONTRIBUTIONS_STORE)
                        .withKeySerde(Serdes.String()).withValueSerde(contributions))
                .groupBy((key, contribution) -> KeyValue.pair(contribution.leaderId(), contribution),
                        Grouped.<String, LeaderContribution> as("contributions-by-leader")
                                .withKeySerde(Serdes.String()).withValueSerde(contributions))
                .aggregate(StanceAggregate::empty,
                        (leader, contribution, aggregate) -> aggregate.add(contribution),
                        (leader, contribution, aggregate) -> aggregate.subtract(contribution),
                        Materialized.<String, StanceAggregate, KeyValueStore<Bytes, byte[]>> as(LEADERS_STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(aggregates));
        return builder.build();
    }
}
