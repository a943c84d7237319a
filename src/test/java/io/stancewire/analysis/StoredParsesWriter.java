package io.stancewire.analysis;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import edu.stanford.nlp.pipeline.CoreNLPProtos;

/**
 * Writes the parses {@link StoredParses} reads, when the tests run with {@code -Dstored-parses.record=true}
 * ({@code scripts/store-parses}: the classes tagged {@value StoredParses#TAG}, with the real pipeline): once the
 * test session ends, it rewrites {@code src/test/resources/parses/<TestClass>.pb.gz} (or
 * {@code -Dstored-parses.directory}) from the texts those tests asked for, and deletes the file of a class that asked
 * for none. The texts are the tests' own sentences; no dataset text goes in. Registered with the JUnit Platform in
 * {@code META-INF/services}; in every other run it does nothing.
 */
public final class StoredParsesWriter implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (!StoredParses.Recorder.isRecording()) {
            return;
        }
        Map<String, List<CoreNLPProtos.Document>> recorded = StoredParses.Recorder.recorded();
        if (recorded.isEmpty()) {
            System.err.println("stored parses: no test asked for a parse, nothing written (run the classes tagged "
                    + StoredParses.TAG + ")");
            return;
        }
        try {
            write(Path.of(System.getProperty("stored-parses.directory", StoredParses.SOURCE_DIRECTORY)), recorded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path directory, Map<String, List<CoreNLPProtos.Document>> recorded)
            throws IOException {
        Files.createDirectories(directory);
        for (Map.Entry<String, List<CoreNLPProtos.Document>> entry : recorded.entrySet()) {
            Path file = directory.resolve(entry.getKey() + StoredParses.SUFFIX);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            StoredParses.write(entry.getValue(), bytes);
            boolean same = Files.exists(file) && Arrays.equals(Files.readAllBytes(file), bytes.toByteArray());
            if (!same) {
                Files.write(file, bytes.toByteArray());
            }
            System.out.printf("stored parses: %-40s %4d texts %7d bytes %s%n", file.getFileName(),
                    entry.getValue().size(), bytes.size(), same ? "unchanged" : "written");
        }
        List<Path> stale = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(f -> f.getFileName().toString().endsWith(StoredParses.SUFFIX))
                    .filter(f -> !recorded.containsKey(f.getFileName().toString().substring(0,
                            f.getFileName().toString().length() - StoredParses.SUFFIX.length())))
                    .forEach(stale::add);
        }
        for (Path file : stale) {
            Files.delete(file);
            System.out.println("stored parses: " + file.getFileName() + " deleted (no tagged class asked for it)");
        }
    }
}
