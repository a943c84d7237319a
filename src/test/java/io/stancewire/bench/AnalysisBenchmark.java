package io.stancewire.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import io.stancewire.analysis.Article;
import io.stancewire.analysis.ArticleAnalyzer;
import io.stancewire.analysis.LeaderRegistry;
import io.stancewire.analysis.NlpPipeline;

/**
 * Speed and memory of the analysis, as ratios against baselines measured in the same run (the machines are
 * shared and noisy): our full analysis against CoreNLP's out-of-the-box quote pipeline on the same articles, our
 * CoreNLP annotation alone against our full analysis (the cost of our own rules), and two threads against one.
 * Articles: the example plus the first Wikinews dev articles. Run with {@code scripts/benchmark [articles] [rounds]}.
 */
public final class AnalysisBenchmark {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        String datasets = System.getProperty("stancewire.datasets", "../shared/datasets");
        List<Article> articles = articles(Path.of(datasets, "wikinews", "articles.jsonl"), count);
        long tokens = articles.stream().mapToLong(a -> a.body().split("\\s+").length).sum();
        System.out.printf("%d articles, %d words, %d rounds%n", articles.size(), tokens, rounds);

        long heapBefore = liveHeap();
        long start = System.nanoTime();
        NlpPipeline pipeline = new NlpPipeline();
        ArticleAnalyzer analyzer = new ArticleAnalyzer(pipeline, LeaderRegistry.load(Optional.empty()));
        double loadSeconds = seconds(start);
        long ourHeap = liveHeap() - heapBefore;

        articles.subList(0, Math.min(3, articles.size())).forEach(analyzer::analyze); // warm-up
        double oursOne = best(rounds, () -> articles.forEach(analyzer::analyze));
        double annotateOnly = best(rounds, () -> articles.forEach(a -> pipeline.annotate(a.body())));
        double oursTwo = best(rounds, () -> parallel(articles, 2, analyzer::analyze));

        heapBefore = liveHeap();
        start = System.nanoTime();
        Properties props = new Properties();
        props.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner,depparse,coref,quote");
        StanfordCoreNLP baseline = new StanfordCoreNLP(props);
        double baselineLoad = seconds(start);
        long baselineHeap = liveHeap() - heapBefore;
        articles.subList(0, Math.min(3, articles.size())).forEach(a -> baseline.annotate(new CoreDocument(a.body())));
        double baselineOne = best(rounds, () -> articles.forEach(a -> baseline.annotate(new CoreDocument(a.body()))));

        int n = articles.size();
        System.out.println();
        System.out.printf("%-52s %10s %12s %10s%n", "measure", "value", "words/s", "ratio");
        row("stancewire analysis, 1 thread (s/article)", oursOne / n, tokens / oursOne, "1.00 (baseline)");
        row("  CoreNLP annotation alone, our pipeline", annotateOnly / n, tokens / annotateOnly,
                String.format("%.2f of full", annotateOnly / oursOne));
        row("  stancewire analysis, 2 threads (s/article)", oursTwo / n, tokens / oursTwo,
                String.format("%.2fx throughput", oursOne / oursTwo));
        row("CoreNLP default quote pipeline, 1 thread", baselineOne / n, tokens / baselineOne,
                String.format("%.2fx slower", baselineOne / oursOne));
        System.out.printf("%-52s %10.1f %12s %10s%n", "stancewire load (s)", loadSeconds, "", "");
        System.out.printf("%-52s %10.1f %12s %10s%n", "CoreNLP default load (s)", baselineLoad, "", "");
        System.out.printf("%-52s %10d %12s %10s%n", "stancewire live heap after load (MB)", ourHeap >> 20, "", "");
        System.out.printf("%-52s %10d %12s %10s%n", "CoreNLP default live heap after load (MB)", baselineHeap >> 20, "",
                String.format("%.2fx ours", (double) baselineHeap / ourHeap));
    }

    private static void row(String name, double seconds, double wordsPerSecond, String ratio) {
        System.out.printf("%-52s %10.3f %12.0f %10s%n", name, seconds, wordsPerSecond, ratio);
    }

    private static List<Article> articles(Path wikinews, int count) throws IOException {
        List<Article> out = new ArrayList<>();
        String example = Files.readString(Path.of("src/test/resources/articles/ohrid.txt"));
        out.add(new Article("ohrid", example, null, null, null, null, "en"));
        ObjectMapper mapper = new ObjectMapper();
        for (String line : Files.readAllLines(wikinews)) {
            if (out.size() >= count) {
                break;
            }
            JsonNode json = mapper.readTree(line);
            out.add(new Article(json.get("id").asText(), json.get("body").asText(), null, null, null, null, "en"));
        }
        return out;
    }

    private static void parallel(List<Article> articles, int threads, Consumer<Article> work) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            articles.forEach(a -> futures.add(pool.submit(() -> work.accept(a))));
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdown();
        }
    }

    /** The fastest of {@code rounds} runs, in seconds. */
    private static double best(int rounds, Runnable run) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            run.run();
            best = Math.min(best, seconds(start));
        }
        return best;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static long liveHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return MEMORY.getHeapMemoryUsage().getUsed();
    }
}
