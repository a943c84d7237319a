package io.stancewire.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.stancewire.analysis.ArticleAnalyzer;
import io.stancewire.analysis.actors.LeaderRegistry;
import io.stancewire.analysis.model.Article;
import io.stancewire.analysis.parse.Parser;
import io.stancewire.config.StancewireConfig;

/**
 * The budgeted runner on its own, without Quarkus or the models: a parser that takes its time stands in for CoreNLP
 * on a runaway input.
 */
class AnalysisRunnerTest {

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final CountDownLatch interrupted = new CountDownLatch(1);
    AnalysisRunner runner;

    /** A parser that never finishes unless interrupted (as CoreNLP checks between annotators). */
    Parser hanging() {
        return text -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("interrupted");
        };
    }

    AnalysisRunner runner(Parser parser, Duration budget, int kafkaWorkers) {
        AnalyzerHolder holder = mock(AnalyzerHolder.class);
        when(holder.analyzer()).thenReturn(new ArticleAnalyzer(parser, LeaderRegistry.load(Optional.empty())));
        StancewireConfig config = mock(StancewireConfig.class, RETURNS_DEEP_STUBS);
        when(config.analysis().timeout()).thenReturn(budget);
        runner = new AnalysisRunner(holder, config, new IngestMetrics(meters), kafkaWorkers);
        return runner;
    }

    static Article article() {
        return new Article("a-1", "Albin Kurti said it.", "A title", Instant.parse("2023-03-18T20:00:00Z"), "test",
                null, "en");
    }

    @AfterEach
    void stop() {
        if (runner != null) {
            runner.stop();
        }
    }

    @Test
    void anAnalysisOverItsBudgetIsInterruptedAndFailsAsATimeout() throws Exception {
        AnalysisRunner runner = runner(hanging(), Duration.ofMillis(300), 1);
        long started = System.nanoTime();
        assertThatThrownBy(() -> runner.analyzeWithinBudget(article())).isInstanceOf(AnalysisTimeoutException.class)
                .hasMessageStartingWith(AnalysisTimeoutException.REASON);
        assertThat((System.nanoTime() - started) / 1_000_000).isBetween(250L, 5_000L);
        assertThat(interrupted.await(5, TimeUnit.SECONDS)).as("the analysis thread was interrupted").isTrue();
    }

    @Test
    void theParsersOwnFailureReachesTheCallerAndIsTimed() {
        Parser failing = text -> {
            throw new IllegalArgumentException("no sentence in this text");
        };
        AnalysisRunner runner = runner(failing, Duration.ofSeconds(5), 1);
        assertThatThrownBy(() -> runner.analyzeWithinBudget(article())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no sentence in this text");
        assertThat(meters.find("stancewire.analysis.duration").timer().count()).as("a failed analysis is timed too")
                .isEqualTo(1);
    }
}
