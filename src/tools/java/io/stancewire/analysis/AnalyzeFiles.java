package io.stancewire.analysis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.stancewire.analysis.actors.LeaderRegistry;
import io.stancewire.analysis.model.Article;
import io.stancewire.analysis.model.ArticleAnalysis;
import io.stancewire.analysis.parse.NlpPipeline;

/** Developer tool: prints the analysis JSON of each text file given (one CoreNLP load for all). */
public final class AnalyzeFiles {

    public static void main(String[] args) throws Exception {
        ArticleAnalyzer analyzer = new ArticleAnalyzer(new NlpPipeline(), LeaderRegistry.load(Optional.empty()));
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);
        for (String file : args) {
            String body = Files.readString(Path.of(file));
            long started = System.nanoTime();
            ArticleAnalysis analysis = analyzer.analyze(
                    new Article(file, body, null, Instant.parse("2023-03-18T20:00:00Z"), "test", null, "en"));
            System.out.println(mapper.writeValueAsString(analysis));
            System.err.printf("%s analysed in %d ms%n", file, (System.nanoTime() - started) / 1_000_000);
        }
    }
}
