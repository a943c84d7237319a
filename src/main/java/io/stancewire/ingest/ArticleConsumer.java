package io.stancewire.ingest;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Outgoing;
import org.jboss.logging.Logger;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.Record;
import io.stancewire.analysis.model.Article;
import io.stancewire.analysis.model.ArticleAnalysis;

/**
 * Articles in, analyses out. Runs on the bounded {@code analysis} worker pool (one thread per core), never on the
 * event loop; each analysis has the time budget {@code stancewire.analysis.timeout}. A record that fails throws: the
 * connector's dead-letter strategy then sends it, unchanged, to {@code articles.dlq} with the exception message as
 * {@code dead-letter-reason}, counts it in {@code stancewire.articles.dead.lettered{reason}}, and consumption goes on.
 */
@ApplicationScoped
public class ArticleConsumer {

    /** The input channel (topic {@code stancewire.topics.articles}). */
    public static final String CHANNEL = "articles";

    private static final Logger LOG = Logger.getLogger(ArticleConsumer.class);

    @Inject
    ArticleReader reader;

    @Inject
    AnalysisRunner analysis;

    @Inject
    IngestMetrics metrics;

    @Incoming(CHANNEL)
    @Outgoing("article-analyses")
    @Blocking(value = "analysis", ordered = false)
    public Record<String, ArticleAnalysis> analyse(ConsumerRecord<String, byte[]> record) {
        RecordLogContext.put(record);
        try {
            return analyseRecord(record);
        } catch (InvalidArticleException e) {
            LOG.warnf("Dead-lettering record %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            metrics.deadLettered(e.reason());
            metrics.refused(e);
            throw e;
        } catch (AnalysisTimeoutException e) {
            LOG.warnf("Dead-lettering record %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            metrics.deadLettered(DeadLetterReason.ANALYSIS_TIMED_OUT);
            throw e;
        } catch (RuntimeException e) {
            LOG.errorf(e, "Analysis failed for record %s-%d@%d", record.topic(), record.partition(), record.offset());
            metrics.deadLettered(DeadLetterReason.ANALYSIS_FAILED);
            throw new IllegalStateException("analysis failed: " + e, e);
        } finally {
            RecordLogContext.clear();
        }
    }

    private Record<String, ArticleAnalysis> analyseRecord(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            if (record.key() == null) {
                throw new InvalidArticleException(DeadLetterReason.TOMBSTONE_WITHOUT_KEY,
                        "a tombstone (null value) needs the article id as its key, and this record has none");
            }
            return Record.of(record.key(), null); // withdraws the article from every score
        }
        Instant timestamp = Instant.ofEpochMilli(record.timestamp());
        Article article = reader.read(record.value(), record.key(), true, timestamp);
        ArticleAnalysis result = analysis.analyzeWithinBudget(article);
        metrics.analysed(timestamp);
        LOG.infof("Analysed article '%s': %d actors, %d quotes, %d tone cues", article.id(), result.actors().size(),
                result.quotes().size(), result.tones().size());
        return Record.of(article.id(), result);
    }
}
