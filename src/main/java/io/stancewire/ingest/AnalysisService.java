package io.stancewire.ingest;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;
import io.stancewire.analysis.ArticleAnalyzer;
import io.stancewire.analysis.actors.LeaderRegistry;
import io.stancewire.analysis.model.Article;
import io.stancewire.analysis.model.ArticleAnalysis;
import io.stancewire.analysis.parse.NlpPipeline;
import io.stancewire.config.StancewireConfig;
import io.stancewire.ingest.IngestMetrics.LoadKind;

/**
 * The one {@link ArticleAnalyzer} of this JVM. The CoreNLP models load in the background at start-up (about half a
 * minute), so HTTP answers at once and readiness turns up when they are loaded; callers wait for them.
 *
 * <p>Articles from Kafka and HTTP are analysed within a time budget ({@code stancewire.analysis.timeout}): the
 * analysis runs on a thread of its own, the caller waits at most the budget, then interrupts it (CoreNLP checks
 * interrupts between annotators) and fails with {@link AnalysisTimeoutException}. At most as many analyses run at
 * once as there are Kafka workers and HTTP permits; an interrupted analysis that has not stopped yet still holds its
 * place, so a runaway input slows the service down instead of multiplying.
 */
@Singleton
public class AnalysisService {

    private static final Logger LOG = Logger.getLogger(AnalysisService.class);
    /** The name of the span around one analysis. */
    public static final String SPAN = "stancewire analyse";
    static final long LOAD_WAIT_SECONDS = 300;
    static final long HTTP_WAIT_SECONDS = 30;

    private final CompletableFuture<ArticleAnalyzer> loaded = new CompletableFuture<>();
    private volatile ArticleAnalyzer current;
    private volatile NlpPipeline pipeline;
    private final StancewireConfig config;
    private final ChannelRegistry channels;
    private final IngestMetrics metrics;
    private final int httpConcurrency = Runtime.getRuntime().availableProcessors();
    private final Semaphore httpPermits = new Semaphore(httpConcurrency);
    /** Places for running analyses, held until an analysis really ends (also after a timeout). */
    private final Semaphore analysisSlots;
    private final ExecutorService analysisThreads;
    private volatile boolean loading;

    @Inject
    public AnalysisService(StancewireConfig config, IngestMetrics metrics, ChannelRegistry channels,
            @ConfigProperty(name = "smallrye.messaging.worker.analysis.max-concurrency") int kafkaWorkers) {
        this.config = config;
        this.channels = channels;
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

    void onStart(@Observes StartupEvent event) {
        if (config.analysis().eagerLoad()) {
            load();
        } else {
            resumeConsumption(); // the first article loads the models
        }
    }

    @PreDestroy
    void stop() {
        analysisThreads.shutdownNow();
    }

    /**
     * The articles channel starts paused: records are consumed only once the models are loaded, so a slow or failed
     * load never sends good articles to the dead-letter topic (they wait in Kafka instead).
     */
    private void resumeConsumption() {
        PausableChannel channel = channels.getPausable(ArticleConsumer.CHANNEL);
        if (channel != null) {
            channel.resume();
        } else {
            LOG.warnf("The %s channel is not pausable; it consumes without waiting for the models",
                    ArticleConsumer.CHANNEL);
        }
    }

    private synchronized void load() {
        if (loading) {
            return;
        }
        loading = true;
        Thread loader = new Thread(() -> {
            try {
                long started = System.nanoTime();
                LeaderRegistry registry = LeaderRegistry.load(config.analysis().registry());
                NlpPipeline nlp = new NlpPipeline();
                ArticleAnalyzer analyzer = new ArticleAnalyzer(nlp, registry);
                LOG.infof("CoreNLP models and %d registry entries loaded in %d ms", registry.size(),
                        (System.nanoTime() - started) / 1_000_000);
                pipeline = nlp;
                current = analyzer;
                metrics.loaded(LoadKind.MODELS, true);
                loaded.complete(analyzer);
                resumeConsumption();
            } catch (Throwable e) {
                LOG.error("Could not load the analysis models", e);
                metrics.loaded(LoadKind.MODELS, false);
                loaded.completeExceptionally(e);
            }
        }, "corenlp-loader");
        loader.setDaemon(true);
        loader.start();
    }

    public boolean isReady() {
        return loaded.isDone() && !loaded.isCompletedExceptionally();
    }

    /**
     * Reads the leader registry again (the configured file, or the jar's) and analyses every later article with it,
     * keeping the loaded CoreNLP models. Analyses already running finish with the old one.
     *
     * @return the number of registry entries
     */
    public synchronized int reloadRegistry() {
        ready();
        LeaderRegistry registry;
        try {
            registry = LeaderRegistry.load(config.analysis().registry());
        } catch (RuntimeException e) {
            LOG.error("Could not reload the leader registry; the previous one stays in use", e);
            metrics.loaded(LoadKind.REGISTRY, false);
            throw new RegistryReloadException("the leader registry could not be read; the previous one stays in use "
                    + "(see the service log)");
        }
        current = new ArticleAnalyzer(pipeline, registry);
        metrics.loaded(LoadKind.REGISTRY, true);
        LOG.infof("Leader registry reloaded: %d entries", registry.size());
        return registry.size();
    }

    /**
     * Analyses one article for an HTTP caller, at most one per core at a time (the Kafka path has its own bounded
     * pool): more would only queue on the CPU and multiply the memory in use. Within the time budget.
     */
    @WithSpan(SPAN)
    public ArticleAnalysis analyzeNow(Article article) {
        describeSpan(article);
        try {
            if (!httpPermits.tryAcquire(HTTP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new BusyException("every analysis thread is busy; try again shortly");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusyException("interrupted while waiting for an analysis thread");
        }
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
        ArticleAnalyzer analyzer = ready();
        try {
            if (!analysisSlots.tryAcquire(slotWaitSeconds, TimeUnit.SECONDS)) {
                throw new BusyException("every analysis thread is busy; try again shortly");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusyException("interrupted while waiting for an analysis thread");
        }
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

    /** Analyses one article on the calling thread, without a time budget, waiting for the models if need be. */
    public ArticleAnalysis analyze(Article article) {
        ArticleAnalyzer analyzer = ready();
        return metrics.timeAnalysis(() -> analyzer.analyze(article));
    }

    private ArticleAnalyzer ready() {
        load();
        try {
            loaded.get(LOAD_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelsUnavailableException("interrupted while waiting for the analysis models");
        } catch (ExecutionException | TimeoutException e) {
            throw new ModelsUnavailableException("the analysis models are not loaded");
        }
        return current;
    }

    /** Too many HTTP analyses at once. */
    public static class BusyException extends RuntimeException {
        public BusyException(String message) {
            super(message);
        }
    }

    /** The models could not be loaded (or not in time). */
    public static class ModelsUnavailableException extends RuntimeException {
        public ModelsUnavailableException(String message) {
            super(message);
        }
    }

    /** A registry reload that failed; the previous registry stays in use. */
    public static class RegistryReloadException extends RuntimeException {
        public RegistryReloadException(String message) {
            super(message);
        }
    }
}
