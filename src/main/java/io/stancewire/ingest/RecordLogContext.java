package io.stancewire.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.MDC;

/**
 * The logging context (MDC) of one Kafka record: every line logged while it is processed, the analysis thread's
 * included, carries {@code articleId} (the record key), {@code topic}, {@code partition} and {@code offset}. JSON logs
 * show them under {@code mdc}; the plain-text format prints them after the thread name.
 */
public final class RecordLogContext {

    public static final String ARTICLE_ID = "articleId";
    public static final String TOPIC = "topic";
    public static final String PARTITION = "partition";
    public static final String OFFSET = "offset";

    private RecordLogContext() {
    }

    public static void put(ConsumerRecord<String, ?> record) {
        if (record.key() != null) {
            MDC.put(ARTICLE_ID, record.key());
        }
        MDC.put(TOPIC, record.topic());
        MDC.put(PARTITION, String.valueOf(record.partition()));
        MDC.put(OFFSET, String.valueOf(record.offset()));
    }

    public static void clear() {
        MDC.remove(ARTICLE_ID);
        MDC.remove(TOPIC);
        MDC.remove(PARTITION);
        MDC.remove(OFFSET);
    }
}
