package io.stancewire.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.stancewire.analysis.ArticleAnalyzer;
import io.stancewire.analysis.actors.LeaderRegistry;
import io.stancewire.analysis.parse.NlpPipeline;
import io.stancewire.eval.NewsMtscEvaluation.FileReport;
import io.stancewire.eval.WikinewsEvaluation.Report;

/**
 * Measures the analysis on the annotated sets in {@code ../shared/datasets} (see {@code scripts/evaluate}) beside
 * CoreNLP's own quote attributor and an always-neutral baseline, prints a table and writes JSON reports to
 * {@code target/eval/}. Options: {@code --only wikinews|newsmtsc|example|polnear} (repeatable or
 * comma-separated), {@code --skip-baseline}, {@code --wikinews-limit N}, {@code --newsmtsc-limit N} (sentences per
 * file), {@code --datasets DIR}, {@code --polnear DIR} (the converted PolNeAR JSON lines, by default
 * {@code ../polnear-jsonl}; the section runs when the split's file is there), {@code --events FILE} (event sentences,
 * {@link EventEvaluation}; our own development set by default), {@code --polnear-split dev|train|test}
 * ({@code dev} by default; {@code test} is the held-out measure, read once to report), {@code --polnear-limit N}.
 */
public final class Evaluate {

    static final String WIKINEWS_LIMIT = "stancewire.eval.wikinews.limit";
    static final String NEWSMTSC_LIMIT = "stancewire.eval.newsmtsc.limit";
    static final String POLNEAR_LIMIT = "stancewire.eval.polnear.limit";
    static final List<String> SECTIONS = List.of("example", "wikinews", "newsmtsc", "events", "polnear");
    static final List<String> POLNEAR_SPLITS = List.of("dev", "train", "test");
    static final List<String> NEWSMTSC_FILES = List.of("dev-mt.jsonl", "dev-rw.jsonl");

    private Evaluate() {
    }

    public static void main(String[] args) {
        Set<String> only = new LinkedHashSet<>();
        boolean baseline = true;
        String polnearSplit = "dev";
        Path events = EventEvaluation.DEV;
        String polnearDir = System.getProperty("stancewire.polnear", System.getenv().getOrDefault("STANCEWIRE_POLNEAR",
                "../polnear-jsonl"));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--only" -> only.addAll(List.of(value(args, ++i).split(",")));
                case "--skip-baseline" -> baseline = false;
                case "--wikinews-limit" -> System.setProperty(WIKINEWS_LIMIT, value(args, ++i));
                case "--newsmtsc-limit" -> System.setProperty(NEWSMTSC_LIMIT, value(args, ++i));
                case "--datasets" -> System.setProperty("stancewire.datasets", value(args, ++i));
                case "--polnear" -> polnearDir = value(args, ++i);
                case "--polnear-split" -> polnearSplit = value(args, ++i);
                case "--polnear-limit" -> System.setProperty(POLNEAR_LIMIT, value(args, ++i));
                case "--events" -> events = Path.of(value(args, ++i));
                default -> usage("unknown option " + args[i]);
            }
        }
        if (!SECTIONS.containsAll(only)) {
            usage("--only takes " + String.join(", ", SECTIONS));
        }
        if (!POLNEAR_SPLITS.contains(polnearSplit)) {
            usage("--polnear-split takes " + String.join(", ", POLNEAR_SPLITS));
        }
        Path polnear = Path.of(polnearDir).toAbsolutePath().normalize();
        boolean polnearPresent = Files.isRegularFile(polnear.resolve(polnearSplit + ".jsonl"));
        if (only.contains("polnear") && !polnearPresent) {
            usage("no " + polnear.resolve(polnearSplit + ".jsonl") + ": PolNeAR is not in the repository (no licence);"
                    + " docs/quality.md says how to get and convert it, --polnear DIR where it is");
        }
        List<String> sections = only.isEmpty()
                ? SECTIONS.stream().filter(s -> !s.equals("polnear") || polnearPresent).toList()
                : SECTIONS.stream().filter(only::contains).toList();
        if (polnearSplit.equals("test") && sections.contains("polnear")) {
            System.err.println("PolNeAR TEST split: the held-out measure. Read it once, to report; never to choose"
                    + " rules, words or thresholds.");
        }
        Path datasets = EvalIo.datasets();

        long started = System.nanoTime();
        ArticleAnalyzer analyzer = new ArticleAnalyzer(new NlpPipeline(), LeaderRegistry.load(Optional.empty()));
        double loadSeconds = seconds(started);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("datasets", datasets.toString());
        summary.put("limits", ordered("wikinewsArticles", System.getProperty(WIKINEWS_LIMIT, "none"),
                "newsmtscSentencesPerFile", System.getProperty(NEWSMTSC_LIMIT, "none")));
        summary.put("stancewireLoadSeconds", Scores.round(loadSeconds));
        List<String[]> table = new ArrayList<>();

        if (sections.contains("example")) {
            ExampleEvaluation.Report example = ExampleEvaluation.evaluate(analyzer);
            EvalIo.write("example.json", example);
            ExampleEvaluation.print(example);
            summary.put("example", ordered("passed", example.passed(), "total", example.total(), "failed",
                    example.checks().stream().filter(c -> !c.pass()).map(ExampleEvaluation.Check::expectation)
                            .toList()));
            table.add(row("example", "issue-2 expectations passed", example.passed() + "/" + example.total(), "-",
                    "all"));
        }
        if (sections.contains("wikinews")) {
            List<WikinewsEvaluation.Item> items = WikinewsEvaluation.load(datasets.resolve("wikinews"),
                    EvalIo.limit(WIKINEWS_LIMIT));
            Report ours = WikinewsEvaluation.evaluate(WikinewsEvaluation.stancewire(analyzer), items);
            EvalIo.write("wikinews.json", ours);
            Report theirs = null;
            Double baselineLoad = null;
            if (baseline) {
                long loading = System.nanoTime();
                CoreNlpBaseline corenlp = new CoreNlpBaseline();
                baselineLoad = Scores.round(seconds(loading));
                theirs = WikinewsEvaluation.evaluate(corenlp, items);
                EvalIo.write("wikinews-corenlp.json", theirs);
            }
            summary.put("wikinews", wikinewsSummary(ours, theirs, baselineLoad));
            table.add(row("wikinews", "articles", ours.articles(), theirs == null ? "-" : theirs.articles(), ""));
            table.add(row("", "quote precision", ours.detection().precision(), fig(theirs, r -> r.detection().precision()), ""));
            table.add(row("", "quote recall", ours.detection().recall(), fig(theirs, r -> r.detection().recall()), ""));
            table.add(row("", "quote F1 (gold " + (ours.detection().tp() + ours.detection().fn()) + ")",
                    ours.detection().f1(), fig(theirs, r -> r.detection().f1()), ">= 0.95"));
            table.add(row("", "speaker accuracy (n=" + ours.speaker().total() + ")", ours.speaker().value(),
                    fig(theirs, r -> r.speaker().value()), ">= 0.90"));
            table.add(row("", "speaker-mention accuracy (n=" + ours.mention().total() + ")", ours.mention().value(),
                    fig(theirs, r -> r.mention().value()), ""));
            table.add(row("", "speed (articles/s)", ours.articlesPerSecond(), fig(theirs, Report::articlesPerSecond),
                    ""));
        }
        if (sections.contains("newsmtsc")) {
            NewsMtscEvaluation.Report report = NewsMtscEvaluation.evaluate(analyzer, datasets.resolve("newsmtsc"),
                    NEWSMTSC_FILES, EvalIo.limit(NEWSMTSC_LIMIT));
            EvalIo.write("newsmtsc.json", report);
            Map<String, Object> files = new LinkedHashMap<>();
            for (FileReport file : report.files()) {
                String name = file.file().replace(".jsonl", "");
                files.put(name, ordered("sentences", file.sentences(), "targets", file.targets(), "covered",
                        file.covered(), "macroF1", file.stancewire().macroF1(), "accuracy",
                        file.stancewire().accuracy(), "alwaysNeutralMacroF1", file.alwaysNeutral().macroF1(),
                        "sentencesPerSecond", file.sentencesPerSecond()));
                table.add(row("newsmtsc", name + " macro-F1 (n=" + file.targets() + ")", file.stancewire().macroF1(),
                        file.alwaysNeutral().macroF1(), ">= 0.65"));
                table.add(row("", name + " accuracy", file.stancewire().accuracy(), file.alwaysNeutral().accuracy(),
                        ""));
                table.add(row("", name + " targets with an actor", file.covered() + "/" + file.targets(), "-", ""));
                table.add(row("", name + " speed (sentences/s)", file.sentencesPerSecond(), "-", ""));
            }
            summary.put("newsmtsc", ordered("files", files));
        }
        if (sections.contains("events")) {
            EventEvaluation.Report report = EventEvaluation.evaluate(analyzer, events);
            EvalIo.write("events.json", report);
            summary.put("events", ordered("file", report.file(), "events", report.events(), "found",
                    report.foundRate(), "wrongSign", report.wrongSignRate()));
            table.add(row("events", "agent -> target, right sign (n=" + report.events() + ")", report.foundRate(), "-",
                    ">= 0.50"));
            table.add(row("", "wrong sign", report.wrongSignRate(), "-", "<= 0.05"));
        }
        if (sections.contains("polnear")) {
            polnear(analyzer, baseline, polnear, polnearSplit, summary, table);
        }
        EvalIo.write("summary.json", summary);
        printTable(table, loadSeconds);
    }

    private static void polnear(ArticleAnalyzer analyzer, boolean baseline, Path dir, String split,
            Map<String, Object> summary, List<String[]> table) {
        List<PolnearEvaluation.Item> items = PolnearEvaluation.load(dir, split, EvalIo.limit(POLNEAR_LIMIT));
        PolnearEvaluation.Report ours = PolnearEvaluation.evaluate(PolnearEvaluation.stancewire(analyzer), split, items);
        EvalIo.write("polnear-" + split + ".json", ours);
        PolnearEvaluation.Report theirs = null;
        if (baseline) {
            theirs = PolnearEvaluation.evaluate(PolnearEvaluation.corenlp(new CoreNlpBaseline()), split, items);
            EvalIo.write("polnear-" + split + "-corenlp.json", theirs);
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("split", split);
        figures.put("articles", ours.articles());
        figures.put("stancewire", ours.figures());
        figures.put("stancewireReportedPrecision", ours.reportedPrecision());
        figures.put("stancewireArticlesPerSecond", ours.articlesPerSecond());
        if (theirs != null) {
            figures.put("corenlp", theirs.figures());
            figures.put("corenlpArticlesPerSecond", theirs.articlesPerSecond());
        }
        summary.put("polnear", figures);
        PolnearEvaluation.Report base = theirs;
        var d = PolnearEvaluation.GoldKind.DIRECT;
        var p = PolnearEvaluation.GoldKind.PARTIAL;
        var r = PolnearEvaluation.GoldKind.INDIRECT;
        table.add(row("polnear", split + ": articles", ours.articles(), base == null ? "-" : base.articles(), ""));
        table.add(row("", "direct quotes found (n=" + ours.figures().get(d).gold() + ")",
                ours.figures().get(d).found().value(), pfig(base, d, true), ">= 0.98"));
        table.add(row("", "direct speaker right, end to end", ours.figures().get(d).sourceRight().value(),
                pfig(base, d, false), ">= 0.90"));
        table.add(row("", "partial quotes found (n=" + ours.figures().get(p).gold() + ")",
                ours.figures().get(p).found().value(), pfig(base, p, true), ""));
        table.add(row("", "partial speaker right, end to end", ours.figures().get(p).sourceRight().value(),
                pfig(base, p, false), ""));
        table.add(row("", "reported found (n=" + ours.figures().get(r).gold() + ")",
                ours.figures().get(r).found().value(), pfig(base, r, true), ">= 0.60"));
        table.add(row("", "reported precision (n=" + ours.reportedPrecision().total() + ")",
                ours.reportedPrecision().value(), base == null ? "-" : base.reportedPrecision().value(), ">= 0.85"));
        table.add(row("", "reported source right, end to end", ours.figures().get(r).sourceRight().value(),
                pfig(base, r, false), ">= 0.50"));
        table.add(row("", "direct / reported source named (any kind)", ours.figures().get(d).sourceNamed().value()
                + " / " + ours.figures().get(r).sourceNamed().value(), "-", ""));
        table.add(row("", "speed (articles/s)", ours.articlesPerSecond(), base == null ? "-" : base.articlesPerSecond(),
                ""));
    }

    private static Object pfig(PolnearEvaluation.Report report, PolnearEvaluation.GoldKind kind, boolean found) {
        if (report == null) {
            return "-";
        }
        PolnearEvaluation.KindFigures figures = report.figures().get(kind);
        return found ? figures.found().value() : figures.sourceRight().value();
    }

    private static Map<String, Object> wikinewsSummary(Report ours, Report theirs, Double baselineLoad) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("articles", ours.articles());
        result.put("stancewire", figures(ours));
        if (theirs != null) {
            result.put("corenlp", figures(theirs));
            result.put("corenlpLoadSeconds", baselineLoad);
        }
        return result;
    }

    private static Map<String, Object> figures(Report report) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("quotePrecision", report.detection().precision());
        figures.put("quoteRecall", report.detection().recall());
        figures.put("quoteF1", report.detection().f1());
        figures.put("speakerAccuracy", report.speaker().value());
        figures.put("speakerMentionAccuracy", report.mention().value());
        figures.put("articlesPerSecond", report.articlesPerSecond());
        return figures;
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static void printTable(List<String[]> table, double loadSeconds) {
        System.out.println();
        System.out.printf("%-9s %-40s %11s %11s %9s%n", "set", "figure", "stancewire", "baseline", "target");
        System.out.println("-".repeat(84));
        for (String[] r : table) {
            System.out.printf("%-9s %-40s %11s %11s %9s%n", (Object[]) r);
        }
        System.out.println("-".repeat(84));
        String limits = System.getProperty(WIKINEWS_LIMIT, "") + System.getProperty(NEWSMTSC_LIMIT, "");
        if (!limits.isEmpty()) {
            System.out.println("PARTIAL RUN: wikinews limit " + System.getProperty(WIKINEWS_LIMIT, "none")
                    + ", newsmtsc limit " + System.getProperty(NEWSMTSC_LIMIT, "none") + " sentences per file");
        }
        System.out.println("baseline: CoreNLP " + CoreNlpBaseline.ANNOTATORS + " (wikinews); always neutral"
                + " (newsmtsc). Stancewire pipeline loaded in " + String.format("%.1f s", loadSeconds)
                + ". Reports: " + EvalIo.REPORTS.toAbsolutePath());
    }

    private static String[] row(String set, String figure, Object ours, Object baseline, String target) {
        return new String[] {set, figure, format(ours), format(baseline), target};
    }

    private static String format(Object value) {
        return value instanceof Double d ? String.format("%.3f", d) : String.valueOf(value);
    }

    private static Object fig(Report report, java.util.function.Function<Report, Object> figure) {
        return report == null ? "-" : figure.apply(report);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            usage(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: scripts/evaluate [--only example|wikinews|newsmtsc|polnear] [--skip-baseline]"
                + " [--wikinews-limit N] [--newsmtsc-limit N] [--datasets DIR]"
                + " [--polnear DIR] [--polnear-split dev|train|test] [--polnear-limit N]");
        System.exit(2);
    }
}
