package io.stancewire.analysis;

import java.util.Optional;

import io.stancewire.analysis.actors.LeaderRegistry;
import io.stancewire.analysis.parse.NlpPipeline;

/**
 * One CoreNLP pipeline and analyzer per test JVM for the plain JUnit analysis tests: loading the models takes seconds
 * and hundreds of MB, and surefire runs every test class in the same JVM.
 */
public final class SharedAnalyzer {

    private SharedAnalyzer() {
    }

    private static final class Loaded {
        static final NlpPipeline PIPELINE = new NlpPipeline();
        static final LeaderRegistry REGISTRY = LeaderRegistry.load(Optional.empty());
        static final ArticleAnalyzer ANALYZER = new ArticleAnalyzer(PIPELINE, REGISTRY);
    }

    public static NlpPipeline pipeline() {
        return Loaded.PIPELINE;
    }

    public static LeaderRegistry registry() {
        return Loaded.REGISTRY;
    }

    public static ArticleAnalyzer analyzer() {
        return Loaded.ANALYZER;
    }
}
