package io.stancewire.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import io.stancewire.analysis.ArticleAnalyzer;
import io.stancewire.analysis.portrayal.EncoderPortrayalModel;
import io.stancewire.analysis.portrayal.PortrayalReader;
import io.stancewire.analysis.portrayal.PortrayalReaders;
import io.stancewire.analysis.actors.LeaderRegistry;
import io.stancewire.analysis.model.Article;
import io.stancewire.analysis.parse.NlpPipeline;
import io.stancewire.eval.CoreNlpBaseline;
import io.stancewire.eval.WikinewsEvaluation.Item;
import io.stancewire.eval.WikinewsEvaluation.QuoteSystem;
import io.stancewire.eval.WikinewsEvaluation.Report;
import io.stancewire.eval.WikinewsEvaluation;

/**
 * Analysis throughput against CoreNLP's usual quote pipeline ({@code tokenize,ssplit,pos,lemma,ner,depparse,coref,
 * quote}, default options) on the Wikinews articles, in one JVM (same flags, same heap) so the ratios hold on a
 * noisy machine: articles and tokens per second with 1 and 2 worker threads after a warm-up, the quote-speaker
 * accuracy of both on the same articles (speed is never bought with quality unseen), load time and live heap.
 * Both systems share one pipeline between the two threads (CoreNLP's quote annotator is not thread-safe, which
 * only matters for its answers, not its speed; its accuracy comes from the one-thread pass).
 * <p>
 * Run with {@code scripts/benchmark analysis [--articles N] [--skip-baseline]}.
 */
public final class AnalysisBenchmark {

    private static final int WARM_UP = 8;

    public static void main(String[] args) throws Exception {
        int limit = Integer.MAX_VALUE;
        boolean baseline = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--articles" -> limit = Integer.parseInt(args[++i]);
                case "--skip-baseline" -> baseline = false;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (use --articles N, --skip-baseline)");
            }
        }
        Path datasets = Path.of(System.getProperty("stancewire.datasets", "../shared/datasets"));
        List<Item> items = WikinewsEvaluation.load(datasets.resolve("wikinews"), limit);
        List<Article> articles = items.stream().map(Item::article).toList();
        long tokens = tokens(articles);
        System.out.printf("%d Wikinews articles, %d tokens; %d cores; JVM %s, max heap %d MB%n", articles.size(),
                tokens, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20);

        List<Row> rows = new ArrayList<>();
        long heapBefore = liveHeap();
        long started = System.nanoTime();
        // -Dbench.portrayal=lexicon measures the service as stancewire.analysis.portrayal=lexicon runs it
        PortrayalReader portrayal = PortrayalReader.valueOf(
                System.getProperty("bench.portrayal", "encoder").toUpperCase(java.util.Locale.ROOT));
        System.out.println("portrayal: " + portrayal.name().toLowerCase(java.util.Locale.ROOT));
        // the encoder as PortrayalReader.ENCODER reads, without its sentence cache: the 2-thread pass must not
        // reuse the readings of the 1-thread pass over the same articles
        EncoderPortrayalModel encoder = portrayal == PortrayalReader.ENCODER
                ? EncoderPortrayalModel.loadUncached() : null;
        PortrayalReaders readers = encoder != null ? portrayal.load().withPeople(encoder) : portrayal.load();
        ArticleAnalyzer analyzer = new ArticleAnalyzer(new NlpPipeline(), LeaderRegistry.load(Optional.empty()),
                readers);
        Footprint ours = new Footprint(seconds(started), liveHeap() - heapBefore);
        rows.addAll(measure("stancewire", WikinewsEvaluation.stancewire(analyzer), analyzer::analyze, items, tokens));
        long oursSteadyHeap = liveHeap() - heapBefore;

        Footprint theirs = null;
        if (baseline) {
            analyzer = null;
            heapBefore = liveHeap();
            started = System.nanoTime();
            CoreNlpBaseline corenlp = new CoreNlpBaseline();
            theirs = new Footprint(seconds(started), liveHeap() - heapBefore);
            rows.addAll(measure("corenlp", corenlp, article -> {
                try {
                    corenlp.quotes(article);
                } catch (RuntimeException e) {
                    // its quote annotator is not thread-safe: on two threads it sometimes fails in its last step
                    System.err.printf("corenlp failed on %s: %s%n", article.id(), e);
                }
            }, items, tokens));
        }

        System.out.println();
        System.out.printf("%-36s %9s %9s %10s %9s%n", "system, threads", "articles/s", "tokens/s", "speakers",
                "ratio");
        Row ourOne = rows.get(0);
        for (Row row : rows) {
            Row same = rows.stream().filter(r -> r.system.equals("corenlp") && r.threads == row.threads).findFirst()
                    .orElse(null);
            String ratio = row.system.equals("stancewire") && same != null
                    ? String.format("%.1fx", row.articlesPerSecond / same.articlesPerSecond)
                    : row.system.equals("corenlp") ? "1x" : "";
            System.out.printf("%-36s %9.2f %9.0f %10s %9s%n", row.system + ", " + row.threads + " thread"
                    + (row.threads > 1 ? "s" : ""), row.articlesPerSecond, row.articlesPerSecond * tokens
                    / articles.size(), row.speakers == null ? "" : String.format("%.3f", row.speakers), ratio);
        }
        Row ourTwo = rows.get(1);
        System.out.printf("%nstancewire scaling, 2 threads / 1 thread: %.2fx%n",
                ourTwo.articlesPerSecond / ourOne.articlesPerSecond);
        System.out.printf("stancewire load %.1f s, live heap after load %d MB, after the 2-thread run %d MB%n",
                ours.loadSeconds, ours.heap >> 20, oursSteadyHeap >> 20);
        if (encoder != null) {
            System.out.printf("portrayal encoder (warm-up and both runs): %d passes, %d rows%n", encoder.passes(),
                    encoder.rows());
        }
        if (theirs != null) {
            System.out.printf("corenlp    load %.1f s, live heap after load %d MB (%.2fx stancewire's)%n",
                    theirs.loadSeconds, theirs.heap >> 20, (double) theirs.heap / ours.heap);
            System.out.printf("ratio stancewire / corenlp, articles per second: 1 thread %.1fx, 2 threads %.1fx%n",
                    ourOne.articlesPerSecond / rows.get(2).articlesPerSecond,
                    ourTwo.articlesPerSecond / rows.get(3).articlesPerSecond);
        }
    }

    private record Row(String system, int threads, double articlesPerSecond, Double speakers) {
    }

    private record Footprint(double loadSeconds, long heap) {
    }

    /**
     * Warm-up, then one pass on one thread (with the speaker accuracy) and one on two threads. A pass runs whole rounds
     * over the articles until it has lasted {@code -Dbench.min-pass-seconds} (default 20), the same rule for both
     * systems: CoreNLP's passes take longer than that in one round, ours take a few seconds, and a pass of a few
     * seconds measures a moment of a shared machine rather than the system.
     */
    private static List<Row> measure(String name, QuoteSystem system, Consumer<Article> work, List<Item> items,
            long tokens) {
        List<Article> articles = items.stream().map(Item::article).toList();
        articles.subList(0, Math.min(WARM_UP, articles.size())).forEach(work);
        System.err.printf("%s: warmed up%n", name);
        double minSeconds = Double.parseDouble(System.getProperty("bench.min-pass-seconds", "20"));
        long started = System.nanoTime();
        Report report = WikinewsEvaluation.evaluate(system, items);
        int rounds = 1;
        for (; seconds(started) < minSeconds; rounds++) {
            articles.forEach(work);
        }
        double one = seconds(started);
        System.err.printf("%s, 1 thread: %d round(s) in %.1f s%n", name, rounds, one);
        Row oneThread = new Row(name, 1, rounds * articles.size() / one, report.speaker().value());
        started = System.nanoTime();
        rounds = 0;
        do {
            parallel(articles, 2, work);
            rounds++;
        } while (seconds(started) < minSeconds);
        double two = seconds(started);
        System.err.printf("%s, 2 threads: %d round(s) in %.1f s%n", name, rounds, two);
        return List.of(oneThread, new Row(name, 2, rounds * articles.size() / two, null));
    }

    private static long tokens(List<Article> articles) {
        Properties props = new Properties();
        props.setProperty("annotators", "tokenize");
        StanfordCoreNLP tokenizer = new StanfordCoreNLP(props);
        long count = 0;
        for (Article article : articles) {
            CoreDocument document = new CoreDocument(article.body());
            tokenizer.annotate(document);
            count += document.tokens().size();
        }
        return count;
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

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    static long liveHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
