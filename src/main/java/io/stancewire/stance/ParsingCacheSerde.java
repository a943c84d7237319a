package io.stancewire.stance;

import java.util.Arrays;
import java.util.zip.CRC32C;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.kafka.client.serialization.ObjectMapperSerde;

/**
 * The JSON serde of a state store whose deserializer remembers what it parsed, keyed by the bytes: a REST read of an
 * unchanged value costs a hash and a comparison of its bytes instead of a Jackson parse, and returns the same
 * (immutable) object, so what is rendered from it can be cached by identity too. Values written through
 * {@link #serializer()} are remembered as well. The cache is bounded by the total size of the bytes it keys.
 */
public final class ParsingCacheSerde<T> implements Serde<T> {

    private final ObjectMapperSerde<T> json;
    private final Cache<Bytes, T> parsed;

    public ParsingCacheSerde(Class<T> type, ObjectMapper mapper, long maxBytes) {
        this.json = new ObjectMapperSerde<>(type, mapper);
        this.parsed = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .<Bytes, T> weigher((key, value) -> key.bytes.length)
                .build();
    }

    @Override
    public Serializer<T> serializer() {
        Serializer<T> delegate = json.serializer();
        return (topic, value) -> {
            byte[] bytes = delegate.serialize(topic, value);
            if (bytes != null && value != null) {
                parsed.put(new Bytes(bytes), value);
            }
            return bytes;
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        Deserializer<T> delegate = json.deserializer();
        return (topic, bytes) -> bytes == null ? null
                : parsed.get(new Bytes(bytes), key -> delegate.deserialize(topic, key.bytes));
    }

    /** How many parsed values are remembered (for tests). */
    long size() {
        parsed.cleanUp();
        return parsed.estimatedSize();
    }

    /** A byte array as a map key: equal contents, equal keys. Kafka does not change arrays it has handed over. */
    private static final class Bytes {
        final byte[] bytes;
        final int hash;

        Bytes(byte[] bytes) {
            this.bytes = bytes;
            CRC32C crc = new CRC32C(); // an intrinsic: several times faster than Arrays.hashCode on JDK 17
            crc.update(bytes);
            this.hash = (int) crc.getValue();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Bytes that && hash == that.hash && Arrays.equals(bytes, that.bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
