package io.stancewire.analysis;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import edu.stanford.nlp.pipeline.CoreNLPProtos;

/**
 * Writes the parses {@link StoredParses} reads: runs every test class tagged {@value StoredParses#TAG} once, in this
 * JVM, with the real {@link io.stancewire.analysis.parse.NlpPipeline} (the models load), records each text they ask
 * for, and rewrites {@code src/test/resources/parses/<TestClass>.pb.gz} from those texts only: a sentence removed
 * from a test leaves its file, and the file of a class no longer tagged is deleted. The texts are the tests' own
 * sentences; no dataset text goes in. Run by {@code scripts/store-parses}; the optional argument is the directory to
 * write (by default {@value StoredParses#SOURCE_DIRECTORY}). Exits with 1, after writing, when a test failed on the
 * fresh parses, and with 2 when nothing was recorded.
 */
public final class StoreParses {

    private StoreParses() {
    }

    public static void main(String[] args) throws IOException, URISyntaxException {
        Path directory = Path.of(args.length > 0 ? args[0] : StoredParses.SOURCE_DIRECTORY);
        Path testClasses = Path.of(StoreParses.class.getProtectionDomain().getCodeSource().getLocation().toURI());

        StoredParses.Recorder.start();
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClasspathRoots(Set.of(testClasses)))
                .filters(ClassNameFilter.includeClassNamePatterns(".*Test"), TagFilter.includeTags(StoredParses.TAG))
                // quarkus-junit's default class orderer needs the Quarkus test configuration, not set up here
                .configurationParameter("junit.jupiter.testclass.order.default",
                        "org.junit.jupiter.api.ClassOrderer$ClassName")
                .build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        long start = System.nanoTime();
        // without the listeners other jars register (quarkus-junit's would build the application for the @QuarkusTest
        // classes it discovers): the tagged tests are plain JUnit ones
        LauncherConfig config = LauncherConfig.builder().enableLauncherSessionListenerAutoRegistration(false)
                .enableLauncherDiscoveryListenerAutoRegistration(false)
                .enableTestExecutionListenerAutoRegistration(false).build();
        LauncherFactory.create(config).execute(request, listener);
        TestExecutionSummary summary = listener.getSummary();
        System.out.printf("ran %d tests tagged %s with the CoreNLP models in %.1f s: %d failed%n",
                summary.getTestsStartedCount(), StoredParses.TAG, (System.nanoTime() - start) / 1e9,
                summary.getTotalFailureCount());

        Map<String, List<CoreNLPProtos.Document>> recorded = StoredParses.Recorder.recorded();
        if (recorded.isEmpty()) {
            System.err.println("no test asked for a parse: nothing written (are the tests compiled, and tagged "
                    + StoredParses.TAG + "?)");
            System.exit(2);
        }
        Files.createDirectories(directory);
        for (Map.Entry<String, List<CoreNLPProtos.Document>> entry : recorded.entrySet()) {
            Path file = directory.resolve(entry.getKey() + StoredParses.SUFFIX);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            StoredParses.write(entry.getValue(), bytes);
            boolean same = Files.exists(file) && Arrays.equals(Files.readAllBytes(file), bytes.toByteArray());
            if (!same) {
                Files.write(file, bytes.toByteArray());
            }
            System.out.printf("%-40s %4d texts %7d bytes %s%n", file.getFileName(), entry.getValue().size(),
                    bytes.size(), same ? "unchanged" : "written");
        }
        List<Path> stale = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(f -> f.getFileName().toString().endsWith(StoredParses.SUFFIX))
                    .filter(f -> !recorded.containsKey(f.getFileName().toString()
                            .substring(0, f.getFileName().toString().length() - StoredParses.SUFFIX.length())))
                    .forEach(stale::add);
        }
        for (Path file : stale) {
            Files.delete(file);
            System.out.println(file.getFileName() + " deleted: no tagged test class of that name asked for a parse");
        }
        if (summary.getTotalFailureCount() > 0) {
            PrintWriter err = new PrintWriter(System.err, true);
            summary.printFailuresTo(err, 20);
            System.err.println("some tests failed on fresh parses (above): the parses are written, the tests need a"
                    + " look");
            System.exit(1);
        }
        System.exit(0);
    }
}
