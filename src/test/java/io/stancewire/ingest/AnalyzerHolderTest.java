package io.stancewire.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import edu.stanford.nlp.pipeline.CoreDocument;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;
import io.stancewire.analysis.ArticleAnalyzer;
import io.stancewire.analysis.parse.Parser;
import io.stancewire.analysis.portrayal.PortrayalReader;
import io.stancewire.config.StancewireConfig;

/**
 * The holder of the analyzer on its own, without Quarkus or the models: a stand-in for the CoreNLP load that can be
 * held back or fail.
 */
class AnalyzerHolderTest {

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final StancewireConfig config = mock(StancewireConfig.class, RETURNS_DEEP_STUBS);
    final ChannelRegistry channels = mock(ChannelRegistry.class);
    final PausableChannel articles = mock(PausableChannel.class);
    final Parser parser = text -> new CoreDocument(text);

    AnalyzerHolder holder(Supplier<Parser> models) {
        when(config.analysis().eagerLoad()).thenReturn(true);
        when(config.analysis().registry()).thenReturn(Optional.empty());
        // doReturn: a deep stub of an enum with bodies (sealed) cannot be made
        StancewireConfig.Analysis analysis = config.analysis();
        doReturn(PortrayalReader.LEXICON).when(analysis).portrayal();
        when(channels.getPausable(ArticleConsumer.CHANNEL)).thenReturn(articles);
        return new AnalyzerHolder(config, new IngestMetrics(meters), channels, models);
    }

    double loads(String kind, String outcome) {
        var counter = meters.find("stancewire.models.loads").tag("kind", kind).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Starts the holder and checks a failed load: not ready, the channel never resumed, the failure counted. */
    void assertTheLoadFailsAndTheArticlesStayInKafka(AnalyzerHolder holder) {
        holder.startLoading(null);
        holder.onChannelsWired(null);
        assertThatThrownBy(holder::analyzer).isInstanceOf(AnalyzerHolder.ModelsUnavailableException.class);
        assertThat(holder.isReady()).isFalse();
        verify(articles, never()).resume();
        await().atMost(Duration.ofSeconds(5)).until(() -> loads("models", "failure") == 1);
    }

    @Test
    void theModelsLoadInTheBackgroundAndOnlyThenDoesConsumptionResume() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AnalyzerHolder holder = holder(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return parser;
        });
        holder.startLoading(null);
        holder.onChannelsWired(null);
        Thread.sleep(200);
        assertThat(holder.isReady()).isFalse();
        verify(articles, never()).resume();

        release.countDown();
        ArticleAnalyzer analyzer = holder.analyzer(); // waits for the load
        assertThat(analyzer).isNotNull();
        assertThat(holder.isReady()).isTrue();
        // resumed by the loader thread right after it hands out the analyzer
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> verify(articles).resume());
        assertThat(loads("models", "success")).isEqualTo(1);
    }

    @Test
    void modelsLoadedBeforeTheChannelsExistResumeConsumptionOnceTheyDo() {
        AnalyzerHolder holder = holder(() -> parser);
        holder.startLoading(null); // first thing at start-up, before messaging wires its channels
        assertThat(holder.analyzer()).isNotNull();
        assertThat(holder.isReady()).isTrue();
        verify(articles, never()).resume();

        holder.onChannelsWired(null);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> verify(articles).resume());
    }

    @Test
    void withoutEagerLoadConsumptionResumesAtOnceAndTheFirstArticleLoadsTheModels() {
        int[] loads = {0};
        AnalyzerHolder holder = holder(() -> {
            loads[0]++;
            return parser;
        });
        when(config.analysis().eagerLoad()).thenReturn(false);
        holder.startLoading(null);
        holder.onChannelsWired(null);
        verify(articles).resume();
        assertThat(holder.isReady()).isFalse();
        assertThat(loads[0]).isZero();

        assertThat(holder.analyzer()).isNotNull();
        assertThat(holder.isReady()).isTrue();
        assertThat(loads[0]).isEqualTo(1);
    }

    @Test
    void aRegistryThatFailsBesideTheModelsFailsTheLoad() {
        AnalyzerHolder holder = holder(() -> parser);
        when(config.analysis().registry()).thenReturn(Optional.of(Path.of("/nonexistent/leaders.yaml")));
        assertTheLoadFailsAndTheArticlesStayInKafka(holder);
    }

    @Test
    void aFailedLoadLeavesTheServiceNotReadyAndTheArticlesInKafka() {
        AnalyzerHolder holder = holder(() -> {
            throw new IllegalStateException("models jar missing");
        });
        assertTheLoadFailsAndTheArticlesStayInKafka(holder);
    }

    @Test
    void aNegativeEncoderCacheIsRefusedAtStartUpBeforeAnyLoad() {
        int[] loadsTried = {0};
        AnalyzerHolder holder = holder(() -> {
            loadsTried[0]++;
            return parser;
        });
        when(config.analysis().portrayalCacheSentences()).thenReturn(-1);
        assertThatThrownBy(() -> holder.startLoading(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stancewire.analysis.portrayal-cache-sentences is -1");
        assertThat(loadsTried[0]).isZero();
        verify(articles, never()).resume();
    }

    @Test
    void aRegistryThatCannotBeReadKeepsThePreviousOne() {
        AnalyzerHolder holder = holder(() -> parser);
        ArticleAnalyzer first = holder.analyzer();

        when(config.analysis().registry()).thenReturn(Optional.of(Path.of("/nonexistent/leaders.yaml")));
        assertThatThrownBy(holder::reloadRegistry).isInstanceOf(AnalyzerHolder.RegistryReloadException.class);
        assertThat(holder.analyzer()).isSameAs(first);
        assertThat(loads("registry", "failure")).isEqualTo(1);

        when(config.analysis().registry()).thenReturn(Optional.empty());
        assertThat(holder.reloadRegistry()).isPositive();
        assertThat(holder.analyzer()).isNotSameAs(first);
        assertThat(loads("registry", "success")).isEqualTo(1);
        assertThat(loads("models", "success")).as("the models stay loaded").isEqualTo(1);
    }
}
