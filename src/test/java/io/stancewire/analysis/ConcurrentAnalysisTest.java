package io.stancewire.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;


import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.stancewire.analysis.model.Article;
import io.stancewire.analysis.model.ArticleAnalysis;
import io.stancewire.analysis.model.Quote;

/**
 * The worker pool analyses different articles at once through one shared pipeline: the results must be those of
 * one thread alone (CoreNLP's quote annotator, for one, gave wrong results this way; identical documents hide it).
 */
@Tag("integration") // loads the CoreNLP models
class ConcurrentAnalysisTest {

    final ArticleAnalyzer analysis = SharedAnalyzer.analyzer();

    @Test
    void concurrentAnalysesEqualSequentialOnes() throws Exception {
        List<Article> articles = List.of(
                TestArticles.article("ohrid", TestArticles.text("ohrid.txt")),
                TestArticles.article("short", "“We will never accept it,” Serbian President Aleksandar Vucic said. "
                        + "Kosovar Prime Minister Albin Kurti welcomed the talks, but he blamed Belgrade."),
                TestArticles.article("other", "German Chancellor Olaf Scholz praised the deal. “It is a good day "
                        + "for Europe,” he told reporters in Berlin, while the opposition condemned it."));
        List<ArticleAnalysis> sequential = articles.stream().map(analysis::analyze).toList();

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<ArticleAnalysis>> futures = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (Article article : articles) {
                    futures.add(pool.submit(() -> analysis.analyze(article)));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(sequential.get(i % articles.size()));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(sequential.get(1).quotes().get(0).speakerId()).isEqualTo("aleksandar-vucic");
        assertThat(sequential.get(2).quotes().stream().filter(q -> q.kind().equals(Quote.DIRECT)).findFirst()
                .orElseThrow().speakerId()).isEqualTo("olaf-scholz");
    }
}
