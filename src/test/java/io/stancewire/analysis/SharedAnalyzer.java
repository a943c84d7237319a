package io.stancewire.analysis;

import java.util.Optional;

import io.stancewire.analysis.actors.LeaderRegistry;
import io.stancewire.analysis.parse.NlpPipeline;

/**
 * One CoreNLP pipeline and analyzer per test JVM for the plain JUnit analysis tests that parse with the real models:
 * loading them takes seconds and hundreds of MB, and surefire runs every test class in the same JVM. Tests of rules
 * on sentences of their own read stored parses instead ({@link StoredParses}). The registry alone loads no model.
 */
public final class SharedAnalyzer {

    private SharedAnalyzer() {
    }

    private static final class Registry {
        static final LeaderRegistry REGISTRY = LeaderRegistry.load(Optional.empty());
    }

    private static final class Loaded {
        static final NlpPipeline PIPELINE = new NlpPipeline();
        static final ArticleAnalyzer ANALYZER = new ArticleAnalyzer(PIPELINE, Registry.REGISTRY);
    }

    public static NlpPipeline pipeline() {
        return Loaded.PIPELINE;
    }

    public static LeaderRegistry registry() {
        return Registry.REGISTRY;
    }

    public static ArticleAnalyzer analyzer() {
        return Loaded.ANALYZER;
    }
}
