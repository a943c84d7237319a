package io.stancewire.ingest;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;
import io.stancewire.analysis.ArticleAnalyzer;
import io.stancewire.analysis.LoadingThread;
import io.stancewire.analysis.actors.LeaderRegistry;
import io.stancewire.analysis.parse.NlpPipeline;
import io.stancewire.analysis.parse.Parser;
import io.stancewire.analysis.portrayal.PortrayalReaders;
import io.stancewire.config.StancewireConfig;
import io.stancewire.ingest.IngestMetrics.LoadKind;

/**
 * The one {@link ArticleAnalyzer} of this JVM and its readiness. The CoreNLP models load in the background at
 * start-up (5-20 s on 2 cores), so HTTP answers at once and readiness turns up when they are loaded; callers of
 * {@link #analyzer()} wait for them. The load starts first thing at start-up, before the embedded broker, the
 * messaging channels and Kafka Streams start, so that their start-up runs beside it rather than before it, and the
 * portrayal model and the registry load on a second thread beside the CoreNLP models. The articles channel starts
 * paused and is resumed once the models are loaded and the channel exists, so a slow or failed load never sends good
 * articles to the dead-letter topic (they wait in Kafka instead). The leader registry can be reloaded while the
 * models stay.
 */
@Singleton
public class AnalyzerHolder {

    private static final Logger LOG = Logger.getLogger(AnalyzerHolder.class);
    static final long LOAD_WAIT_SECONDS = 300;

    private final CompletableFuture<ArticleAnalyzer> loaded = new CompletableFuture<>();
    /** Completed once the messaging channels exist, so the articles channel can be resumed. */
    private final CompletableFuture<Void> channelsWired = new CompletableFuture<>();
    private volatile ArticleAnalyzer current;
    private volatile Parser pipeline;
    private volatile boolean loading;
    private final StancewireConfig config;
    private final ChannelRegistry channels;
    private final IngestMetrics metrics;
    /** Loads the CoreNLP models: {@link NlpPipeline}'s constructor, or a stand-in in tests. */
    private final Supplier<Parser> models;

    @Inject
    public AnalyzerHolder(StancewireConfig config, IngestMetrics metrics, ChannelRegistry channels) {
        this(config, metrics, channels, NlpPipeline::new);
    }

    AnalyzerHolder(StancewireConfig config, IngestMetrics metrics, ChannelRegistry channels, Supplier<Parser> models) {
        this.config = config;
        this.metrics = metrics;
        this.channels = channels;
        this.models = models;
    }

    /**
     * Starts the load before any other start-up work (the embedded broker starts at
     * {@link Interceptor.Priority#PLATFORM_BEFORE}), so the two run side by side.
     */
    void startLoading(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE - 1) StartupEvent event) {
        int cached = config.analysis().portrayalCacheSentences();
        if (cached < 0) { // refused at start-up, not on the loader thread after the CoreNLP load
            throw new IllegalStateException("stancewire.analysis.portrayal-cache-sentences is " + cached
                    + ": the sentences the portrayal encoder keeps are 0 (none) or more");
        }
        if (config.analysis().eagerLoad()) {
            load();
        }
    }

    /** The messaging channels exist now: the articles channel is resumed once the models are loaded (or at once). */
    void onChannelsWired(@Observes StartupEvent event) {
        channelsWired.complete(null);
        if (!config.analysis().eagerLoad()) {
            resumeConsumption(); // the first article loads the models
        }
    }

    /** The models are loaded: the service can analyse. */
    public boolean isReady() {
        return loaded.isDone() && !loaded.isCompletedExceptionally();
    }

    /**
     * The analyzer with the registry in use now, loading the models first if nothing did yet and waiting for them
     * (at most {@value #LOAD_WAIT_SECONDS} s).
     *
     * @throws ModelsUnavailableException when they could not be loaded, or not in time
     */
    public ArticleAnalyzer analyzer() {
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

    /**
     * Reads the leader registry again (the configured file, or the jar's) and analyses every later article with it,
     * keeping the loaded CoreNLP models. Analyses already running finish with the old one.
     *
     * @return the number of registry entries
     */
    public synchronized int reloadRegistry() {
        analyzer();
        LeaderRegistry registry;
        try {
            registry = LeaderRegistry.load(config.analysis().registry());
        } catch (RuntimeException e) {
            LOG.error("Could not reload the leader registry; the previous one stays in use", e);
            metrics.loaded(LoadKind.REGISTRY, false);
            throw new RegistryReloadException("the leader registry could not be read; the previous one stays in use "
                    + "(see the service log)");
        }
        current = new ArticleAnalyzer(pipeline, registry, portrayalReaders());
        metrics.loaded(LoadKind.REGISTRY, true);
        LOG.infof("Leader registry reloaded: %d entries", registry.size());
        return registry.size();
    }

    private PortrayalReaders portrayalReaders() {
        return config.analysis().portrayal().load(config.analysis().portrayalCacheSentences());
    }

    private synchronized void load() {
        if (loading) {
            return;
        }
        loading = true;
        LoadingThread.run("corenlp-loader", this::loadModels);
    }

    private void loadModels() {
        try {
            long started = System.nanoTime();
            CompletableFuture<LoadedBeside> beside = LoadingThread.start("portrayal-loader",
                    () -> new LoadedBeside(LeaderRegistry.load(config.analysis().registry()), portrayalReaders()));
            Parser nlp = models.get();
            LoadedBeside other = LoadingThread.join(beside);
            ArticleAnalyzer analyzer = new ArticleAnalyzer(nlp, other.registry(), other.portrayal());
            LOG.infof("CoreNLP models and %d registry entries loaded in %d ms", other.registry().size(),
                    (System.nanoTime() - started) / 1_000_000);
            pipeline = nlp;
            current = analyzer;
            metrics.loaded(LoadKind.MODELS, true);
            loaded.complete(analyzer);
            channelsWired.thenRun(this::resumeConsumption).exceptionally(e -> {
                LOG.error("Could not resume the articles channel after the models loaded", e);
                return null;
            });
        } catch (Throwable e) {
            LOG.error("Could not load the analysis models", e);
            metrics.loaded(LoadKind.MODELS, false);
            loaded.completeExceptionally(e);
        }
    }

    /** What loads on a second thread while the CoreNLP models load. */
    private record LoadedBeside(LeaderRegistry registry, PortrayalReaders portrayal) {
    }

    private void resumeConsumption() {
        PausableChannel channel = channels.getPausable(ArticleConsumer.CHANNEL);
        if (channel != null) {
            channel.resume();
        } else {
            LOG.warnf("The %s channel is not pausable; it consumes without waiting for the models",
                    ArticleConsumer.CHANNEL);
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
