package io.stancewire.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.stancewire.analysis.portrayal.PortrayalReader;
import io.smallrye.config.ConfigMapping;

/** The service's own settings ({@code stancewire.*}); defaults live in application.properties. */
@ConfigMapping(prefix = "stancewire")
public interface StancewireConfig {

    /** Where the embedded broker and Kafka Streams keep their data. */
    Path dataDir();

    /** The Kafka cluster every client uses: {@code kafka.bootstrap.servers}, else the embedded broker. */
    String bootstrapServers();

    Topics topics();

    Analysis analysis();

    EmbeddedBroker broker();

    Security security();

    Stores stores();

    Stream stream();

    Peers peers();

    /** Every topic the service reads or writes. */
    interface Topics {
        /** Input articles (contract: {@code articles}). */
        String articles();

        /** Records that could not be processed, unchanged, with a {@code dead-letter-reason} header. */
        String deadLetters();

        /** One analysis per article id, compacted (contract: {@code article-analyses}). */
        String analyses();

        /**
         * Every changed leader stance, keyed by leader id, compacted; a tombstone when a leader loses its last
         * article (contract: {@code leader-stances}).
         */
        String leaderStances();

        /** Partitions of topics the service creates: the most consumer instances that can share the work. */
        int partitions();

        short replicationFactor();
    }

    interface Analysis {
        /** A leader registry YAML file replacing the one in the jar. */
        Optional<Path> registry();

        /** Longest article body accepted, in characters (UTF-16 code units, the unit of the contract's offsets). */
        int maxBodyChars();

        /** Time budget of one analysis (Kafka and HTTP); longer ones are interrupted and dead-lettered. */
        Duration timeout();

        /** Load the CoreNLP models at start-up (otherwise at the first article). */
        boolean eagerLoad();

        /**
         * Detect the language of an article that declares none, and turn it away when it is surely not English
         * ({@code io.stancewire.ingest.LanguageDetection}).
         */
        boolean detectLanguage();

        /**
         * What reads portrayal: {@code encoder} (the fine-tuned sentence encoder, the better reading) or
         * {@code lexicon} (the logistic regression: lighter, weaker).
         */
        PortrayalReader portrayal();

        /**
         * Sentences whose encoder readings are kept, least recently used out first (about 600 bytes each), so that a
         * sentence seen again (an article re-sent or edited, wire copy that several outlets run) costs no encoder
         * pass; 0 keeps none. Not used by {@code portrayal=lexicon}.
         */
        int portrayalCacheSentences();
    }

    /** The Kafka Streams state stores behind the REST reads. */
    /** {@code GET /leaders/stream}. */
    interface Stream {
        /** How often an idle stream sends a heartbeat (a comment), so that proxies keep it open. */
        java.time.Duration heartbeat();
    }

    interface Stores {
        /**
         * Bytes of stored JSON whose parsed value each store remembers ({@code articles-store}, {@code leaders-store}),
         * so that reads of unchanged values skip the JSON parse.
         */
        MemorySize parsedCacheSize();
    }

    /** Who may write, administer and read (see docs/reliability.md). */
    interface Security {
        /**
         * API keys, each {@code name:role[+role...]:key}, e.g. {@code ci:writer:3f9a...}; roles {@code reader},
         * {@code writer}, {@code admin}. None configured: writes and admin calls answer 401.
         */
        Optional<List<String>> apiKeys();

        /** Reads ({@code GET}s and {@code POST /analyze}) need no credentials. */
        boolean readsOpen();
    }

    /** How this instance asks the others for data they hold ({@code io.stancewire.api.PeerForwarder}). */
    interface Peers {
        /** The longest wait for other instances: one forwarded request, or all of them for {@code GET /leaders}. */
        Duration timeout();

        /**
         * A TLS configuration of the Quarkus TLS registry ({@code quarkus.tls.<name>.*}): when set, the other
         * instances are called over {@code https} with it.
         */
        Optional<String> tlsConfigurationName();

        /** The API key ({@code X-API-Key}) this instance presents to the others: needed when reads are closed. */
        Optional<String> apiKey();

        /** Pass the caller's own {@code X-API-Key} and {@code Authorization} on to the other instance. */
        boolean forwardCallerCredentials();
    }

    /** The single-node KRaft broker started when no {@code kafka.bootstrap.servers} is configured. */
    interface EmbeddedBroker {
        Path dataDir();

        int port();

        int controllerPort();
    }
}
