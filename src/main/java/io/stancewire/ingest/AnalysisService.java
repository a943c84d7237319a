package io.stancewire.ingest;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;
import io.stancewire.analysis.Article;
import io.stancewire.analysis.ArticleAnalysis;
import io.stancewire.analysis.ArticleAnalyzer;
import io.stancewire.analysis.LeaderRegistry;
import io.stancewire.analysis.NlpPipeline;
import io.stancewire.config.StancewireConfig;

/**
 * The one {@link ArticleAnalyzer} of this JVM. The CoreNLP models load in the background at start-up (about half a
 * minute), so HTTP answers at once and readiness turns up when they are loaded; callers wait for them.
 */
@Singleton
public class AnalysisService {

    private static final Logger LOG = Logger.getLogger(AnalysisService.class);
    static final long LOAD_WAIT_SECONDS = 300;
    static final long HTTP_WAIT_SECONDS = 30;

    private final CompletableFuture<ArticleAnalyzer> analyzer = new CompletableFuture<>();
    private final StancewireConfig config;
    private final ChannelRegistry channels;
    private final Timer analysisTime;
    private final Counter analysed;
    private final Counter deadLettered;
    private final Semaphore httpPermits = new Semaphore(Runtime.getRuntime().availableProcessors());
    private volatile boolean loading;

    @Inject
    public AnalysisService(StancewireConfig config, MeterRegistry registry, ChannelRegistry channels) {
        this.config = config;
        this.channels = channels;
        this.analysisTime = Timer.builder("stancewire.analysis.time").description("Time to analyse one article")
                .publishPercentiles(0.5, 0.95).register(registry);
        this.analysed = Counter.builder("stancewire.articles.analysed")
                .description("Articles analysed from Kafka").register(registry);
        this.deadLettered = Counter.builder("stancewire.articles.dead.lettered")
                .description("Records sent to the dead-letter topic").register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        if (config.analysis().eagerLoad()) {
            load();
        } else {
            resumeConsumption(); // the first article loads the models
        }
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
                ArticleAnalyzer loaded = new ArticleAnalyzer(new NlpPipeline(), registry);
                LOG.infof("CoreNLP models and %d registry entries loaded in %d ms", registry.size(),
                        (System.nanoTime() - started) / 1_000_000);
                analyzer.complete(loaded);
                resumeConsumption();
            } catch (Throwable e) {
                LOG.error("Could not load the analysis models", e);
                analyzer.completeExceptionally(e);
            }
        }, "corenlp-loader");
        loader.setDaemon(true);
        loader.start();
    }

    public boolean isReady() {
        return analyzer.isDone() && !analyzer.isCompletedExceptionally();
    }

    /**
     * Analyses one article for an HTTP caller, at most one per core at a time (the Kafka path has its own bounded
     * pool): more would only queue on the CPU and multiply the memory in use.
     */
    public ArticleAnalysis analyzeNow(Article article) {
        try {
            if (!httpPermits.tryAcquire(HTTP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new BusyException("every analysis thread is busy; try again shortly");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusyException("interrupted while waiting for an analysis thread");
        }
        try {
            return analyze(article);
        } finally {
            httpPermits.release();
        }
    }

    /** Analyses one article, waiting for the models if they are still loading. */
    public ArticleAnalysis analyze(Article article) {
        load();
        ArticleAnalyzer ready;
        try {
            ready = analyzer.get(LOAD_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelsUnavailableException("interrupted while waiting for the analysis models");
        } catch (ExecutionException | TimeoutException e) {
            throw new ModelsUnavailableException("the analysis models are not loaded: " + e.getMessage());
        }
        return analysisTime.record(() -> ready.analyze(article));
    }

    void countAnalysed() {
        analysed.increment();
    }

    void countDeadLettered() {
        deadLettered.increment();
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
}
