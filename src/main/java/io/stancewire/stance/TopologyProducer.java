package io.stancewire.stance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;
import io.quarkus.kafka.client.serialization.ObjectMapperSerde;
import io.stancewire.analysis.model.ArticleAnalysis;
import io.stancewire.config.StancewireConfig;

/**
 * The aggregation: analyses by article id, split into per-leader contributions (a KTable, so a replaced or
 * withdrawn article retracts its old contribution), grouped by leader and folded twice: into a {@link StanceAggregate}
 * (stances) and into a {@link RelationsAggregate} (relations toward other actors, and portrayal by outlet).
 */
@ApplicationScoped
public class TopologyProducer {

    /** The latest analysis of each article: {@code GET /articles/{id}}. */
    public static final String ARTICLES_STORE = "articles-store";
    /** One row per article and leader. */
    public static final String CONTRIBUTIONS_STORE = "contributions-store";
    /** One aggregate per leader: {@code GET /leaders}. */
    public static final String LEADERS_STORE = "leaders-store";
    /** One {@link RelationsAggregate} per leader: {@code GET /leaders/{id}/relations} and {@code /portrayal}. */
    public static final String RELATIONS_STORE = "relations-store";

    @Inject
    StancewireConfig config;

    @Inject
    ObjectMapper mapper;

    @Produces
    public Topology buildTopology() {
        return topology(config.topics().analyses(), config.topics().leaderStances(),
                config.stores().parsedCacheSize().asLongValue(), mapper);
    }

    /**
     * The topology reading {@code analysesTopic} and writing every changed leader to {@code leaderStancesTopic}; its
     * stores remember up to {@code cacheBytes} of parsed values.
     */
    static Topology topology(String analysesTopic, String leaderStancesTopic, long cacheBytes, ObjectMapper mapper) {
        var analyses = new ParsingCacheSerde<>(ArticleAnalysis.class, mapper, cacheBytes);
        var contributionSerde = new ObjectMapperSerde<>(LeaderContribution.class, mapper);
        var aggregates = new ParsingCacheSerde<>(StanceAggregate.class, mapper, cacheBytes);
        var relations = new ParsingCacheSerde<>(RelationsAggregate.class, mapper, cacheBytes);

        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ARTICLES_STORE),
                Serdes.String(), analyses));

        KTable<String, LeaderContribution> contributions = builder
                .stream(analysesTopic, Consumed.with(Serdes.String(), analyses))
                .process(() -> new ContributionSplitter(ARTICLES_STORE), ARTICLES_STORE)
                .toTable(Named.as("contributions"), Materialized.<String, LeaderContribution, KeyValueStore<Bytes, byte[]>> as(CONTRIBUTIONS_STORE)
                        .withKeySerde(Serdes.String()).withValueSerde(contributionSerde));

        // stances: the stance part of each contribution, by leader; every change also goes out as the leader's JSON
        contributions
                .groupBy((key, contribution) -> KeyValue.pair(contribution.leaderId(), contribution.stanceOnly()),
                        Grouped.<String, LeaderContribution> as("contributions-by-leader")
                                .withKeySerde(Serdes.String()).withValueSerde(contributionSerde))
                .aggregate(StanceAggregate::empty,
                        (leader, contribution, aggregate) -> aggregate.add(contribution),
                        (leader, contribution, aggregate) -> aggregate.subtract(contribution),
                        Materialized.<String, StanceAggregate, KeyValueStore<Bytes, byte[]>> as(LEADERS_STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(aggregates))
                .toStream(Named.as("leader-changes"))
                .mapValues(aggregate -> aggregate == null ? null : LeaderStance.of(aggregate))
                .to(leaderStancesTopic, Produced.with(Serdes.String(), leaderJson(mapper)));

        // relations and portrayal: the whole contribution, by leader, into a store of their own (GET /leaders, which
        // reads every leader, never parses them)
        contributions
                .groupBy((key, contribution) -> KeyValue.pair(contribution.leaderId(), contribution),
                        Grouped.<String, LeaderContribution> as("relations-by-leader")
                                .withKeySerde(Serdes.String()).withValueSerde(contributionSerde))
                .aggregate(RelationsAggregate::empty,
                        (leader, contribution, aggregate) -> aggregate.add(contribution),
                        (leader, contribution, aggregate) -> aggregate.subtract(contribution),
                        Materialized.<String, RelationsAggregate, KeyValueStore<Bytes, byte[]>> as(RELATIONS_STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(relations));
        return builder.build();
    }

    /** The leader stance JSON, and a real tombstone (no bytes, where Jackson would write "null") for a lost leader. */
    private static Serde<LeaderStance> leaderJson(ObjectMapper mapper) {
        Serializer<LeaderStance> serializer = (topic, stance) -> {
            try {
                return stance == null ? null : mapper.writeValueAsBytes(stance);
            } catch (JsonProcessingException e) {
                throw new SerializationException("cannot write the stance of " + stance.id(), e);
            }
        };
        return Serdes.serdeFrom(serializer, new ObjectMapperDeserializer<>(LeaderStance.class, mapper));
    }
}
