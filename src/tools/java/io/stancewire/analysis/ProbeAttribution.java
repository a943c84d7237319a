package io.stancewire.analysis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import io.stancewire.analysis.actors.LeaderRegistry;
import io.stancewire.analysis.model.Article;
import io.stancewire.analysis.model.ArticleAnalysis;
import io.stancewire.analysis.model.Quote;
import io.stancewire.analysis.parse.NlpPipeline;
import io.stancewire.analysis.parse.ParsedText;

/**
 * Developer tool: analyses each block of a text file (blocks separated by a line "===") as one article and prints its
 * quotes, direct and reported, with their speakers; with {@code --parse}, also the dependency parse of each sentence.
 */
public final class ProbeAttribution {

    public static void main(String[] args) throws Exception {
        boolean parse = args.length > 1 && args[1].equals("--parse");
        NlpPipeline pipeline = new NlpPipeline();
        ArticleAnalyzer analyzer = new ArticleAnalyzer(pipeline, LeaderRegistry.load(Optional.empty()));
        int n = 0;
        for (String block : Files.readString(Path.of(args[0])).split("\n===\n")) {
            if (block.isBlank()) {
                continue;
            }
            System.out.println("######## " + block.strip().replace('\n', '¶'));
            ArticleAnalysis analysis = analyzer.analyze(new Article("probe-" + n++, block, null,
                    Instant.parse("2023-03-18T20:00:00Z"), "test", null, "en"));
            for (Quote q : analysis.quotes()) {
                System.out.printf("  %-8s %-24s %-20s %-20s | %s%n", q.kind(), q.speakerName(),
                        q.speakerMention() == null ? null : q.speakerMention().text(),
                        q.sourceMention() == null ? null : q.sourceMention().text(), abbreviate(q.text()));
            }
            if (parse) {
                ParsedText text = new ParsedText(block, pipeline.annotate(block));
                for (int i = 0; i < text.size(); i++) {
                    int g = text.governor(i);
                    System.out.printf("    %3d %-14s %-10s %-5s %-12s %-12s <- %s%n", i, text.word(i), text.lemma(i),
                            text.tag(i), text.ner(i), text.relation(i), g < 0 ? "-" : g + ":" + text.word(g));
                }
            }
        }
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= 90 ? flat : flat.substring(0, 89) + "…";
    }
}
