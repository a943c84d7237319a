package io.stancewire.broker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.stancewire.config.StancewireConfig;

/**
 * Before any Kafka client starts: runs the embedded broker when no {@code kafka.bootstrap.servers} is configured,
 * then creates the service's topics where they are missing (the analyses and leader stances topics compacted). Its admin client takes the
 * same {@code kafka.*} settings (security protocol, SASL, TLS) as every other client of the service.
 */
@Singleton
public class KafkaInfrastructure {

    private static final Logger LOG = Logger.getLogger(KafkaInfrastructure.class);

    @Inject
    StancewireConfig config;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    Optional<String> externalServers;

    /** Every {@code kafka.*} property (and {@code KAFKA_*} variable), as Quarkus hands them to its Kafka clients. */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaSettings;

    /** Largest record the service's topics accept: a 1,000,000-character body in JSON, with room to spare. */
    static final String MAX_MESSAGE_BYTES = Integer.toString(8 * 1024 * 1024);
    /** The dead-letter topic takes any input record plus its dead-letter headers. */
    static final String MAX_DEAD_LETTER_BYTES = Integer.toString(9 * 1024 * 1024);

    private EmbeddedKafkaBroker broker;
    /** The cluster's address, once known (external, or the embedded broker's). */
    private volatile String servers;

    void start(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        String servers;
        if (externalServers.isPresent()) {
            servers = externalServers.get();
            LOG.infof("Using the Kafka cluster at %s", servers);
        } else {
            long started = System.nanoTime();
            broker = new EmbeddedKafkaBroker(config.broker().dataDir(), config.broker().port(),
                    config.broker().controllerPort()).start();
            servers = broker.bootstrapServers();
            LOG.infof("Started the embedded Kafka broker on %s (data in %s) in %d ms", servers,
                    config.broker().dataDir().toAbsolutePath(), (System.nanoTime() - started) / 1_000_000);
        }
        this.servers = servers;
        createTopics(servers);
    }

    /**
     * Settings for a consumer of our own (a stream of {@code leader-stances}): the {@code kafka.*} ones a consumer
     * knows, the cluster's address, committed records only (the topology writes in transactions), no group.
     */
    public Map<String, Object> consumerConfig() {
        Map<String, Object> settings = settingsKnownTo(ConsumerConfig.configNames());
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return settings;
    }

    private void createTopics(String servers) {
        StancewireConfig.Topics topics = config.topics();
        List<NewTopic> wanted = new ArrayList<>();
        wanted.add(new NewTopic(topics.articles(), topics.partitions(), topics.replicationFactor())
                .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, MAX_MESSAGE_BYTES)));
        wanted.add(new NewTopic(topics.deadLetters(), topics.partitions(), topics.replicationFactor())
                .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, MAX_DEAD_LETTER_BYTES)));
        wanted.add(new NewTopic(topics.analyses(), topics.partitions(), topics.replicationFactor())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                        TopicConfig.MAX_MESSAGE_BYTES_CONFIG, MAX_MESSAGE_BYTES)));
        wanted.add(new NewTopic(topics.leaderStances(), topics.partitions(), topics.replicationFactor())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        try (Admin admin = Admin.create(adminConfig(servers))) {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            List<NewTopic> missing = wanted.stream().filter(t -> !existing.contains(t.name())).toList();
            if (missing.isEmpty()) {
                return;
            }
            for (var entry : admin.createTopics(missing).values().entrySet()) {
                try {
                    entry.getValue().get(60, TimeUnit.SECONDS);
                    LOG.infof("Created topic %s", entry.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // the clients will keep retrying; Kafka Streams waits for its topics before it starts
            LOG.errorf(e, "Could not check or create the topics on %s", servers);
        }
    }

    /** The admin client's settings: the {@code kafka.*} ones an admin client knows, and the cluster's address. */
    public Map<String, Object> adminConfig(String servers) {
        Map<String, Object> settings = settingsKnownTo(AdminClientConfig.configNames());
        settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        settings.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000);
        return settings;
    }

    /** The {@code kafka.*} settings a client of that kind knows. */
    private Map<String, Object> settingsKnownTo(Set<String> names) {
        Map<String, Object> settings = new HashMap<>();
        kafkaSettings.forEach((name, value) -> {
            if (names.contains(name)) {
                settings.put(name, value);
            }
        });
        return settings;
    }

    @PreDestroy
    void stop() {
        if (broker != null) {
            broker.close();
        }
    }
}
