package io.stancewire.stance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.stancewire.broker.KafkaInfrastructure;
import io.stancewire.config.StancewireConfig;

/**
 * Follows the {@code leader-stances} topic for one reader of {@code GET /leaders/stream}: every partition (not a
 * consumer group's share), so that every instance streams every leader's changes. Each change carries its
 * {@link Position}, the next offset of every partition after it, which a reader that reconnects gives back
 * ({@code Last-Event-ID}) to miss nothing still in the topic.
 */
@ApplicationScoped
public class LeaderStanceFeed {

    private static final Logger LOG = Logger.getLogger(LeaderStanceFeed.class);
    private static final AtomicLong READERS = new AtomicLong();

    /** A changed leader: its JSON ({@link LeaderStance}), or null when the leader lost its last article. */
    public record Change(String leaderId, byte[] json, Position position) {
    }

    @Inject
    StancewireConfig config;

    @Inject
    KafkaInfrastructure kafka;

    /**
     * The changes after {@code after} (every one still in the topic after it), or from now on when it is null;
     * only those of {@code leaderIds} unless that is empty. Runs a consumer on a thread of its own until the reader
     * goes.
     */
    public Multi<Change> follow(Position after, Set<String> leaderIds) {
        return Multi.createFrom().emitter(emitter -> {
            AtomicBoolean stopped = new AtomicBoolean();
            emitter.onTermination(() -> stopped.set(true));
            Thread reader = new Thread(() -> read(after, leaderIds, emitter, stopped),
                    "leader-stream-" + READERS.incrementAndGet());
            reader.setDaemon(true);
            reader.start();
        });
    }

    private void read(Position after, Set<String> leaderIds, MultiEmitter<? super Change> emitter,
            AtomicBoolean stopped) {
        String topic = config.topics().leaderStances();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(kafka.consumerConfig(),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(partitions);
            TreeMap<Integer, Long> next = new TreeMap<>();
            for (TopicPartition partition : partitions) {
                Long offset = after == null ? null : after.offsets().get(partition.partition());
                if (after == null) {
                    consumer.seekToEnd(List.of(partition));
                } else if (offset == null) {
                    consumer.seekToBeginning(List.of(partition)); // a partition the reader had not seen
                } else {
                    consumer.seek(partition, offset);
                }
                next.put(partition.partition(), consumer.position(partition));
            }
            while (!stopped.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    next.put(record.partition(), record.offset() + 1);
                    if (leaderIds.isEmpty() || leaderIds.contains(record.key())) {
                        emitter.emit(new Change(record.key(), record.value(), new Position(Map.copyOf(next))));
                    }
                }
            }
        } catch (RuntimeException e) {
            if (!stopped.get()) {
                LOG.warnf("The stream of %s stopped: %s", topic, e.toString());
                emitter.fail(e);
            }
        }
    }

    /**
     * Where a reader of the topic stands: the next offset of each partition, written {@code 0:15,1:7,2:9} (the id of
     * a server-sent event).
     */
    public record Position(Map<Integer, Long> offsets) {

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder();
            new TreeMap<>(offsets).forEach((partition, offset) -> out.append(out.isEmpty() ? "" : ",")
                    .append(partition).append(':').append(offset));
            return out.toString();
        }

        /** The position an event id gives; null for none; {@link IllegalArgumentException} for a malformed one. */
        public static Position parse(String id) {
            if (id == null || id.isBlank()) {
                return null;
            }
            TreeMap<Integer, Long> offsets = new TreeMap<>();
            for (String part : id.split(",")) {
                String[] pair = part.trim().split(":");
                try {
                    if (pair.length != 2 || Integer.parseInt(pair[0]) < 0 || Long.parseLong(pair[1]) < 0) {
                        throw new NumberFormatException();
                    }
                    offsets.put(Integer.parseInt(pair[0]), Long.parseLong(pair[1]));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + (id.length() <= 60 ? id : id.substring(0, 60) + "...")
                            + "' is not an event id of this stream (partition:offset,...)");
                }
            }
            return new Position(Map.copyOf(offsets));
        }
    }
}
