package io.stancewire.stance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

class ParsingCacheSerdeTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule());

    private static StanceAggregate aggregate(String article, double sum) {
        return StanceAggregate.empty().add(new LeaderContribution(article, "albin-kurti", "Albin Kurti",
                "Prime Minister", sum, 2, Instant.parse("2023-03-18T10:00:00Z")));
    }

    @Test
    void equalBytesGiveTheSameParsedObjectAndChangedBytesANewOne() {
        var serde = new ParsingCacheSerde<>(StanceAggregate.class, MAPPER, 1 << 20);
        Deserializer<StanceAggregate> deserializer = serde.deserializer();
        byte[] stored = new ParsingCacheSerde<>(StanceAggregate.class, MAPPER, 1 << 20).serializer()
                .serialize("t", aggregate("a-1", -0.5));

        StanceAggregate first = deserializer.deserialize("t", stored);
        StanceAggregate again = deserializer.deserialize("t", stored.clone());
        assertThat(again).isSameAs(first);
        assertThat(first.leaderId()).isEqualTo("albin-kurti");
        assertThat(first.sum()).isEqualTo(-0.5);

        byte[] changed = new ParsingCacheSerde<>(StanceAggregate.class, MAPPER, 1 << 20).serializer()
                .serialize("t", aggregate("a-2", 0.25));
        StanceAggregate other = deserializer.deserialize("t", changed);
        assertThat(other).isNotSameAs(first);
        assertThat(other.sum()).isEqualTo(0.25);
        assertThat(other.sources().get(0).articleId()).isEqualTo("a-2");
        assertThat(deserializer.deserialize("t", null)).isNull();
    }

    @Test
    void writtenValuesAreReadBackWithoutParsing() {
        var serde = new ParsingCacheSerde<>(StanceAggregate.class, MAPPER, 1 << 20);
        StanceAggregate written = aggregate("a-1", 1.0);
        byte[] bytes = serde.serializer().serialize("t", written);
        assertThat(serde.deserializer().deserialize("t", bytes)).isSameAs(written);
    }

    @Test
    void theCacheIsBoundedByTheBytesItKeys() {
        Serializer<StanceAggregate> writer = new ParsingCacheSerde<>(StanceAggregate.class, MAPPER, 1 << 20)
                .serializer();
        int size = writer.serialize("t", aggregate("a-0000", 0)).length;
        var serde = new ParsingCacheSerde<>(StanceAggregate.class, MAPPER, 10L * size);
        for (int i = 0; i < 1_000; i++) {
            StanceAggregate read = serde.deserializer().deserialize("t",
                    writer.serialize("t", aggregate(String.format("a-%04d", i), i)));
            assertThat(read.sum()).isEqualTo(i);
        }
        assertThat(serde.size()).isLessThanOrEqualTo(10);
    }
}
