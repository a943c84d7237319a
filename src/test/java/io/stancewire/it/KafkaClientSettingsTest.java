package io.stancewire.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.kafka.streams.runtime.KafkaStreamsProducer;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.stancewire.KafkaBrokerResource;
import io.stancewire.broker.KafkaInfrastructure;

/**
 * Kafka security settings are plain {@code kafka.*} properties: the test profile sets two of them
 * ({@code kafka.security.protocol=PLAINTEXT}, {@code kafka.ssl.truststore.type=PEM}), and every client the service
 * creates must have received them: the consumer, each channel producer, Kafka Streams (whose admin client and health
 * check derive from its settings) and the admin client that creates the topics. (The dead-letter producer is not
 * listed by KafkaClientService; SmallRye builds its settings from the consumer channel's, merged with the same
 * {@code default-kafka-broker} settings: KafkaDeadLetterQueue.Factory.)
 */
@QuarkusTest
@Tag("integration") // starts Quarkus and a Kafka broker
@WithTestResource(value = KafkaBrokerResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class KafkaClientSettingsTest {

    @Inject
    KafkaClientService clients;

    @Inject
    KafkaStreamsProducer streams;

    @Inject
    KafkaInfrastructure infrastructure;

    static void hasTheSecuritySettings(String client, Map<?, ?> settings) {
        assertThat(settings.get("security.protocol")).as(client + ": security.protocol").hasToString("PLAINTEXT");
        assertThat(settings.get("ssl.truststore.type")).as(client + ": ssl.truststore.type").hasToString("PEM");
    }

    @Test
    void everyKafkaClientGetsTheKafkaSecuritySettings() {
        hasTheSecuritySettings("consumer of 'articles'", clients.getConsumer("articles").configuration());
        assertThat(clients.getProducerChannels()).contains("article-analyses", "article-submissions");
        for (String channel : clients.getProducerChannels()) {
            hasTheSecuritySettings("producer of '" + channel + "'", clients.getProducer(channel).configuration());
        }
        hasTheSecuritySettings("Kafka Streams", streams.getStreamsConfig().originals());
        hasTheSecuritySettings("topic admin client", infrastructure.adminConfig("localhost:1"));
        assertThat(infrastructure.adminConfig("localhost:1")).containsEntry("bootstrap.servers", "localhost:1")
                .doesNotContainKey("group.id");
    }
}
