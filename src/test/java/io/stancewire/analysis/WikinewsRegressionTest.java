package io.stancewire.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;


import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.stancewire.analysis.lexicons.Slug;
import io.stancewire.analysis.model.ArticleAnalysis;
import io.stancewire.analysis.model.Quote;

/**
 * Three Wikinews articles whose every quotation the analysis attributes as a human annotator did
 * ({@code articles/wikinews-speakers.tsv}): a change that breaks one of them is a regression.
 */
@Tag("integration") // loads the CoreNLP models
class WikinewsRegressionTest {

    final ArticleAnalyzer analysis = SharedAnalyzer.analyzer();

    @Test
    void everyQuotationGoesToTheAnnotatedSpeaker() {
        Map<String, ArticleAnalysis> analyses = new HashMap<>();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (String line : TestArticles.text("wikinews-speakers.tsv").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] row = line.split("\t");
            ArticleAnalysis result = analyses.computeIfAbsent(row[0],
                    file -> analysis.analyze(TestArticles.article(file, TestArticles.text(file))));
            int start = Integer.parseInt(row[1]);
            Quote quote = result.quotes().stream()
                    .filter(q -> q.kind().equals(Quote.DIRECT) && q.start() <= start + 1 && q.end() > start)
                    .findFirst().orElse(null);
            checked++;
            if (quote == null) {
                wrong.add(line + " -> no quote found");
            } else if (!matches(row[2], quote.speakerName())) {
                wrong.add(line + " -> " + quote.speakerName() + " (" + quote.text() + ")");
            }
        }
        assertThat(checked).isEqualTo(26);
        assertThat(wrong).isEmpty();
    }

    private static boolean matches(String expected, String speakerName) {
        if (expected.equals("-")) {
            return speakerName == null;
        }
        if (speakerName == null) {
            return false;
        }
        String predicted = Slug.fold(speakerName);
        String[] words = predicted.split("\\s+");
        return words[words.length - 1].equals(expected) || predicted.contains(expected) || expected.contains(predicted);
    }
}
