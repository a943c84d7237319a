package io.stancewire.stance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.stancewire.KafkaBrokerResource;
import io.stancewire.analysis.model.Actor;
import io.stancewire.analysis.model.ArticleAnalysis;
import io.stancewire.analysis.model.Span;
import io.stancewire.analysis.model.Stance;
import io.stancewire.broker.EmbeddedKafkaBroker;

/**
 * {@link LocalStores} read by several threads while the stream thread writes the same stores, on a real broker and a
 * real {@link KafkaStreams} with the service's topology, exactly-once processing and a short commit interval.
 *
 * <p>Guards against lock-order deadlocks between interactive queries and the stream thread: the v2 {@code KeyQuery}
 * that {@code LocalStores} first used deadlocked against the stream thread's {@code put} in Kafka Streams 4.1 (see
 * its javadoc). With that version this test fails, naming the deadlocked threads.
 */
@Tag("integration")
class LocalStoresConcurrencyTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final String ANALYSES = "article-analyses";
    private static final int ARTICLES = 120;
    private static final int LEADERS = 12;
    private static final int ROUNDS = 40;
    private static final int READERS = 4;
    private static final Duration DEADLINE = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    EmbeddedKafkaBroker broker;
    KafkaStreams streams;
    LocalStores stores;

    @BeforeEach
    void start() throws Exception {
        broker = new EmbeddedKafkaBroker(dir.resolve("kafka"), KafkaBrokerResource.freePort(), KafkaBrokerResource.freePort()).start();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(ANALYSES, 4, (short) 1), new NewTopic("leader-stances", 1, (short) 1)))
                    .all().get(60, TimeUnit.SECONDS);
        }
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "local-stores-concurrency");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("streams").toString());
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, "localhost:1");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        streams = new KafkaStreams(TopologyProducer.topology(ANALYSES, "leader-stances", 1 << 20, MAPPER), props);
        streams.start();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (streams.state() != KafkaStreams.State.RUNNING) {
            assertThat(System.nanoTime()).as("Kafka Streams running within 60 s").isLessThan(until);
            Thread.sleep(50);
        }
        stores = new LocalStores();
        stores.streams = streams;
    }

    @AfterEach
    void stop() {
        if (streams != null) {
            streams.close(Duration.ofSeconds(10));
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void readersAndTheStreamThreadNeverBlockEachOther() throws Exception {
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong reads = new AtomicLong();
        AtomicBoolean sawAnEditInFlight = new AtomicBoolean();
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < READERS; r++) {
            int first = r;
            Thread reader = daemon("store-reader-" + r)
                    .newThread(() -> readUntilStopped(first, writing, reads, sawAnEditInFlight, errors));
            reader.start();
            readers.add(reader);
        }

        try {
            produceRounds();
            // checked on a thread of its own: a deadlocked read would block the test's main thread too
            ExecutorService checker = Executors.newSingleThreadExecutor(daemon("store-checker"));
            try {
                Future<?> lastRound = checker.submit(() -> {
                    awaitLastRound();
                    return null;
                });
                long until = System.nanoTime() + DEADLINE.toNanos();
                while (!lastRound.isDone()) {
                    if (ManagementFactory.getThreadMXBean().findDeadlockedThreads() != null
                            || System.nanoTime() > until) {
                        fail("the last round was not in the stores (a deadlock, or over " + DEADLINE.toSeconds()
                                + " s)\n" + threadDump());
                    }
                    Thread.sleep(500);
                }
                lastRound.get(); // rethrows what the checker threw
            } finally {
                checker.shutdownNow();
            }
        } finally {
            writing.set(false); // the readers stop whatever happened
        }
        for (Thread reader : readers) {
            reader.join(TimeUnit.SECONDS.toMillis(10));
            if (reader.isAlive()) {
                fail(reader.getName() + " still reading 10 s after the last round was stored\n" + threadDump());
            }
        }
        assertThat(errors).isEmpty();
        assertThat(reads.get()).as("reads").isGreaterThan(1_000);
        assertThat(sawAnEditInFlight).as("a reader saw a round between the first and the last: reads raced writes")
                .isTrue();
    }

    /** Every article {@link #ROUNDS} times, each round an edit of the last (its source names the round). */
    private void produceRounds() throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 5);
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (int round = 0; round < ROUNDS; round++) {
                for (int a = 0; a < ARTICLES; a++) {
                    ArticleAnalysis analysis = analysis(a, round);
                    producer.send(new ProducerRecord<>(ANALYSES, analysis.articleId(), MAPPER.writeValueAsBytes(analysis)));
                }
            }
            producer.flush();
        }
    }

    private static ArticleAnalysis analysis(int article, int round) {
        String leader = "leader-" + (article % LEADERS);
        double value = (round % 2 == 0 ? 0.5 : -0.5);
        return new ArticleAnalysis("article-" + article, null, Instant.parse("2026-12-01T00:00:00Z"), "round-" + round,
                "x", List.of(new Actor(leader, "Leader " + article % LEADERS, "PERSON", true, null, value, 0,
                        List.of(new Span(0, 1, "x")))),
                List.of(), List.of(), List.of(new Stance(leader, value, 1)), List.of());
    }

    /**
     * Returns once every article's last round is in the articles store and every leader counts its articles once;
     * runs until then (the caller bounds it).
     */
    private void awaitLastRound() throws InterruptedException {
        while (!lastRoundStored()) {
            Thread.sleep(100);
        }
    }

    private boolean lastRoundStored() {
        try {
            return everyArticleAndLeaderAtTheLastRound();
        } catch (StanceQueries.StoreUnavailableException e) {
            return false; // a task being restored: asked again
        }
    }

    private boolean everyArticleAndLeaderAtTheLastRound() {
        for (int a = 0; a < ARTICLES; a++) {
            ArticleAnalysis analysis = read(TopologyProducer.ARTICLES_STORE, "article-" + a);
            if (analysis == null || !analysis.source().equals("round-" + (ROUNDS - 1))) {
                return false;
            }
        }
        for (int l = 0; l < LEADERS; l++) {
            StanceAggregate leader = read(TopologyProducer.LEADERS_STORE, "leader-" + l);
            if (leader == null || leader.articles() != ARTICLES / LEADERS) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads the three stores in turn until told to stop; a store that cannot be read for a moment (a task restored
     * after an aborted transaction) is read again, as a client would retry its 503.
     */
    private void readUntilStopped(int first, AtomicBoolean writing, AtomicLong reads, AtomicBoolean sawAnEditInFlight,
            ConcurrentLinkedQueue<Throwable> errors) {
        try {
            for (int i = first; writing.get(); i++) {
                try {
                    ArticleAnalysis article = read(TopologyProducer.ARTICLES_STORE, "article-" + i % ARTICLES);
                    if (article != null && !article.source().equals("round-0")
                            && !article.source().equals("round-" + (ROUNDS - 1))) {
                        sawAnEditInFlight.set(true);
                    }
                    read(TopologyProducer.LEADERS_STORE, "leader-" + i % LEADERS);
                    read(TopologyProducer.RELATIONS_STORE, "leader-" + i % LEADERS);
                    reads.addAndGet(3);
                } catch (StanceQueries.StoreUnavailableException e) {
                    Thread.sleep(10);
                }
            }
        } catch (Throwable e) {
            errors.add(e);
        }
    }

    private <V> V read(String store, String key) {
        int partition = streams.queryMetadataForKey(store, key, Serdes.String().serializer()).partition();
        LocalStores.Read<V> read = stores.get(store, key, partition);
        assertThat(read.partitionHere()).as("the only instance holds partition %d of %s", partition, store).isTrue();
        return read.value();
    }

    /** The deadlocked threads if the JVM finds any, else every thread's stack. */
    private static String threadDump() {
        var threads = ManagementFactory.getThreadMXBean();
        long[] deadlocked = threads.findDeadlockedThreads();
        ThreadInfo[] infos = deadlocked != null ? threads.getThreadInfo(deadlocked, true, true)
                : threads.dumpAllThreads(true, true);
        return (deadlocked != null ? "DEADLOCKED:\n" : "no deadlock found; all threads:\n")
                + Arrays.stream(infos).map(LocalStoresConcurrencyTest::describe).collect(Collectors.joining("\n"));
    }

    private static String describe(ThreadInfo info) {
        return "\"" + info.getThreadName() + "\" " + info.getThreadState()
                + (info.getLockOwnerName() != null ? " waiting for " + info.getLockName() + " held by \""
                        + info.getLockOwnerName() + "\"" : "")
                + Arrays.stream(info.getStackTrace()).limit(25).map(frame -> "\n    at " + frame)
                        .collect(Collectors.joining());
    }

    private static ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true); // a deadlocked one must not keep the test JVM alive
            return thread;
        };
    }

}
