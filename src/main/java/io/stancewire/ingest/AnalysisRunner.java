package io.stancewire.ingest;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.stancewire.analysis.ArticleAnalyzer;
import io.stancewire.analysis.model.Article;
import io.stancewire.analysis.model.ArticleAnalysis;
import io.stancewire.config.StancewireConfig;

/**
 * Runs analyses within a time budget ({@code stancewire.analysis.timeout}), for Kafka and HTTP alike: the analysis
 * runs on a thread of its own, the caller waits at most the budget, then interrupts it (CoreNLP checks interrupts
 * between annotators) and fails with {@link AnalysisTimeoutException}. At most as many analyses run at once as there
 * are Kafka workers and HTTP permits; an interrupted analysis that has not stopped yet still holds its place, so a
 * runaway input slows the service down instead of multiplying. Each analysis is timed ({@link IngestMetrics}) and
 * has its span; the analyzer comes from {@link AnalyzerHolder}.
 */
@Singleton
public class AnalysisRunner {

    private static final Logger LOG = Logger.getLogger(AnalysisRunner.class);
    /** The name of the span around one analysis. */
    public static final String SPAN = "stancewire analyse";
    static final long HTTP_WAIT_SECONDS = 30;

    private final AnalyzerHolder holder;
    private final StancewireConfig config;
    private final IngestMetrics metrics;
    private final int httpConcurrency = Runtime.getRuntime().availableProcessors();
    private final Semaphore httpPermits = new Semaphore(httpConcurrency);
    /** Places for running analyses, held until an analysis really ends (also after a timeout). */
    private final Semaphore analysisSlots;
    private final ExecutorService analysisThreads;

    @Inject
    public AnalysisRunner(AnalyzerHolder holder, StancewireConfig config, IngestMetrics metrics,
            @ConfigProperty(name = "smallrye.messaging.worker.analysis.max-concurrency") int kafkaWorkers) {
        this.holder = holder;
        this.config = config;
        this.metrics = metrics;
        this.analysisSlots = new Semaphore(kafkaWorkers + httpConcurrency);
        this.analysisThreads = Executors.newCachedThreadPool(new ThreadFactory() {
            private final AtomicInteger count = new AtomicInteger();

            @Override
            public Thread newThread(Runnable task) {
                Thread thread = new Thread(task, "analysis-budgeted-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            }
        });
    }

    @PreDestroy
    void stop() {
        analysisThreads.shutdownNow();
    }

    /**
     * Analyses one article for an HTTP caller, at most one per core at a time (the Kafka path has its own bounded
     * pool): more would only queue on the CPU and multiply the memory in use. Within the time budget.
     */
    @WithSpan(SPAN)
    public ArticleAnalysis analyzeNow(Article article) {
        describeSpan(article);
        acquire(httpPermits, HTTP_WAIT_SECONDS);
        try {
            return analyzeWithinBudget(article, HTTP_WAIT_SECONDS);
        } finally {
            httpPermits.release();
        }
    }

    /** Analyses one article from Kafka within the time budget, waiting for a free place as long as it takes. */
    @WithSpan(SPAN)
    public ArticleAnalysis analyzeWithinBudget(Article article) {
        describeSpan(article);
        return analyzeWithinBudget(article, Long.MAX_VALUE);
    }

    /** The span of one analysis (a child of the Kafka record's or the HTTP request's) names the article. */
    private static void describeSpan(Article article) {
        Span span = Span.current();
        span.setAttribute("stancewire.article.id", article.id() == null ? "" : article.id());
        span.setAttribute("stancewire.article.characters", article.body().length());
    }

    private ArticleAnalysis analyzeWithinBudget(Article article, long slotWaitSeconds) {
        ArticleAnalyzer analyzer = holder.analyzer();
        acquire(analysisSlots, slotWaitSeconds);
        Future<ArticleAnalysis> running;
        Map<String, Object> logContext = MDC.getMap(); // the article's id and record, on every line it logs
        try {
            running = analysisThreads.submit(Context.current().wrap(() -> {
                logContext.forEach(MDC::put);
                try {
                    return metrics.timeAnalysis(() -> analyzer.analyze(article));
                } finally {
                    MDC.clear();
                    analysisSlots.release();
                }
            }));
        } catch (RuntimeException e) {
            analysisSlots.release();
            throw e;
        }
        Duration budget = config.analysis().timeout();
        try {
            return running.get(budget.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            running.cancel(true);
            LOG.warnf("Analysis of article '%s' (%d characters) timed out after %s; interrupted", article.id(),
                    article.body().length(), budget);
            throw new AnalysisTimeoutException(budget);
        } catch (InterruptedException e) {
            running.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while analysing", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(String.valueOf(cause), cause);
        }
    }

    /** One place of {@code places}, waiting at most {@code seconds}; busy when none frees in time. */
    private static void acquire(Semaphore places, long seconds) {
        try {
            if (!places.tryAcquire(seconds, TimeUnit.SECONDS)) {
                throw new BusyException("every analysis thread is busy; try again shortly");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusyException("interrupted while waiting for an analysis thread");
        }
    }

    /** Analyses one article on the calling thread, without a time budget, waiting for the models if need be. */
    public ArticleAnalysis analyze(Article article) {
        ArticleAnalyzer analyzer = holder.analyzer();
        return metrics.timeAnalysis(() -> analyzer.analyze(article));
    }

    /** Too many HTTP analyses at once. */
    public static class BusyException extends RuntimeException {
        public BusyException(String message) {
            super(message);
        }
    }
}
