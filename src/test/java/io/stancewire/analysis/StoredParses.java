package io.stancewire.analysis;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Tag;

import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreNLPProtos;
import edu.stanford.nlp.pipeline.ProtobufAnnotationSerializer;
import io.stancewire.analysis.parse.NlpPipeline;
import io.stancewire.analysis.parse.Parser;

/**
 * The parses of the sentences a rule test writes, stored once from the real {@link NlpPipeline} so that the test runs
 * without loading the CoreNLP models (seconds and about 1 GB). One resource per test class,
 * {@code src/test/resources/parses/<TestClass>.pb.gz}: the gzipped CoreNLP documents in CoreNLP's protocol buffer
 * form ({@link ProtobufAnnotationSerializer}, which keeps every annotation the pipeline sets: tokens with offsets,
 * POS, lemma, NER with {@code TitleTagger}'s titles and demonyms, sentences, the basic and enhanced++ graphs), one per
 * text, found by the exact text. A text that is not stored (a sentence of the test new or changed since) fails with
 * the way to store it again: {@code scripts/store-parses} ({@link StoredParsesWriter}), which runs every test class tagged
 * {@value #TAG} with the models and rewrites the resources from the texts they ask for.
 *
 * <p>
 * Usage in a test class tagged {@code @Tag(StoredParses.TAG)}: {@code StoredParses.of(MyTest.class)}, then
 * {@link #annotate(String)} where the test parsed a text, or {@link #analyzer()} where it analysed an article.
 * {@code StoredParsesEquivalenceTest} checks, with the models, that every stored parse is what the pipeline parses
 * now and that the analysis reads the same from both.
 */
public final class StoredParses implements Parser {

    /** The JUnit tag of the test classes whose parses are stored: {@code scripts/store-parses} runs those. */
    public static final String TAG = "stored-parses";
    static final String RESOURCE_DIRECTORY = "parses";
    static final String SOURCE_DIRECTORY = "src/test/resources/" + RESOURCE_DIRECTORY;
    static final String SUFFIX = ".pb.gz";
    private static final String HOW_TO_STORE = "Store the parses again with scripts/store-parses (it runs the test"
            + " classes tagged \"" + TAG + "\" once with the CoreNLP models and rewrites " + SOURCE_DIRECTORY + ").";

    private static final Map<String, StoredParses> STORES = new ConcurrentHashMap<>();
    /** Reading needs no lossless check; writing ({@link Recorder}) does. */
    private static final ProtobufAnnotationSerializer SERIALIZER = new ProtobufAnnotationSerializer(false);

    private final String name;
    private volatile Map<String, CoreNLPProtos.Document> parses;
    private volatile ArticleAnalyzer analyzer;

    private StoredParses(String name) {
        this.name = name;
    }

    /** The stored parses of the texts of {@code testClass}, which must be tagged {@value #TAG}. */
    public static StoredParses of(Class<?> testClass) {
        if (Arrays.stream(testClass.getAnnotationsByType(Tag.class)).noneMatch(t -> t.value().equals(TAG))) {
            throw new IllegalArgumentException(testClass.getName() + " must carry @Tag(StoredParses.TAG):"
                    + " scripts/store-parses stores the parses of the test classes with that tag only");
        }
        return STORES.computeIfAbsent(testClass.getSimpleName(), StoredParses::new);
    }

    /** The resource this reads, relative to the test classpath. */
    public String resource() {
        return RESOURCE_DIRECTORY + "/" + name + SUFFIX;
    }

    /**
     * A new document (its own tokens and graphs: a test may change them) parsed from exactly {@code text}; while
     * {@code scripts/store-parses} runs, parsed by the real pipeline and recorded.
     *
     * @throws IllegalStateException when no parse of {@code text} is stored
     */
    @Override
    public CoreDocument annotate(String text) {
        if (Recorder.recording) {
            return Recorder.parse(name, text);
        }
        CoreNLPProtos.Document stored = parses().get(text);
        if (stored == null) {
            throw new IllegalStateException(missing(text));
        }
        CoreDocument document = new CoreDocument(SERIALIZER.fromProto(stored));
        if (!text.equals(document.text())) {
            throw new IllegalStateException("The parse stored in " + resource() + " for \"" + text
                    + "\" is of another text, \"" + document.text() + "\". " + HOW_TO_STORE);
        }
        return document;
    }

    /** An analyzer that reads these parses, with the leader registry of {@link SharedAnalyzer#registry()}. */
    public ArticleAnalyzer analyzer() {
        ArticleAnalyzer current = analyzer;
        if (current == null) {
            synchronized (this) {
                if (analyzer == null) {
                    analyzer = new ArticleAnalyzer(this, SharedAnalyzer.registry());
                }
                current = analyzer;
            }
        }
        return current;
    }

    /** The stored texts, sorted. */
    public Set<String> texts() {
        return Collections.unmodifiableSet(parses().keySet());
    }

    private Map<String, CoreNLPProtos.Document> parses() {
        Map<String, CoreNLPProtos.Document> current = parses;
        if (current == null) {
            try (InputStream in = StoredParses.class.getClassLoader().getResourceAsStream(resource())) {
                if (in == null) {
                    throw new IllegalStateException("No stored parses for " + name + ": " + SOURCE_DIRECTORY + "/"
                            + name + SUFFIX + " is missing. " + HOW_TO_STORE);
                }
                current = read(in, resource());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource(), e);
            }
            parses = current;
        }
        return current;
    }

    private String missing(String text) {
        String nearest = null;
        int common = -1;
        for (String stored : parses().keySet()) {
            int prefix = commonPrefix(stored, text);
            if (prefix > common) {
                nearest = stored;
                common = prefix;
            }
        }
        return "No stored parse of \"" + text + "\" in " + resource() + " (" + parses().size() + " texts): the"
                + " test asks for a text that is new or has changed since the parses were stored. " + HOW_TO_STORE
                + (nearest == null ? "" : " The nearest stored text, the same up to character " + common + ": \""
                        + nearest + "\"");
    }

    private static int commonPrefix(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    // ---- the file format: gzip of delimited CoreNLP Document messages, sorted by text ----

    /** The documents of one stored file, by text (sorted). */
    static SortedMap<String, CoreNLPProtos.Document> read(InputStream in, String source) throws IOException {
        SortedMap<String, CoreNLPProtos.Document> documents = new TreeMap<>();
        try (InputStream gzip = new GZIPInputStream(new BufferedInputStream(in))) {
            CoreNLPProtos.Document document;
            while ((document = CoreNLPProtos.Document.parseDelimitedFrom(gzip)) != null) {
                if (documents.put(document.getText(), document) != null) {
                    throw new IllegalStateException(source + " stores \"" + document.getText() + "\" twice. "
                            + HOW_TO_STORE);
                }
            }
        }
        return documents;
    }

    /** Writes the documents in the order given (gzip without a time stamp: the same parses give the same bytes). */
    static void write(Collection<CoreNLPProtos.Document> documents, OutputStream out) throws IOException {
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            for (CoreNLPProtos.Document document : documents) {
                document.writeDelimitedTo(gzip);
            }
        }
    }

    /** The names of the stored files on the test classpath (test class names), sorted. */
    static List<String> storedNames() {
        URL directory = StoredParses.class.getClassLoader().getResource(RESOURCE_DIRECTORY);
        if (directory == null) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(Path.of(directory.toURI()))) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(SUFFIX))
                    .map(f -> f.substring(0, f.length() - SUFFIX.length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored parses of the test class {@code name} (simple name), for the equivalence test. */
    static StoredParses named(String name) {
        return STORES.computeIfAbsent(name, StoredParses::new);
    }

    /**
     * While {@code scripts/store-parses} runs the tagged tests ({@code -Dstored-parses.record=true}): every text asked
     * for is parsed by the real pipeline and its document kept, by test class, for {@link StoredParsesWriter} to write
     * once the tests are done.
     */
    static final class Recorder {

        /** {@code -Dstored-parses.record=true}: {@code scripts/store-parses} runs the tagged tests to store them. */
        private static final boolean recording = Boolean.getBoolean("stored-parses.record");
        /** Fails on an annotation the protocol buffer form cannot keep, rather than storing a parse without it. */
        private static final ProtobufAnnotationSerializer LOSSLESS = new ProtobufAnnotationSerializer(true);
        private static final Map<String, SortedMap<String, CoreNLPProtos.Document>> RECORDED = new LinkedHashMap<>();

        private Recorder() {
        }

        static boolean isRecording() {
            return recording;
        }

        static CoreDocument parse(String name, String text) {
            CoreDocument document = SharedAnalyzer.pipeline().annotate(text);
            CoreNLPProtos.Document proto = LOSSLESS.toProto(document.annotation());
            synchronized (RECORDED) {
                RECORDED.computeIfAbsent(name, n -> new TreeMap<>()).put(text, proto);
            }
            return document;
        }

        /** The recorded documents by test class name, each sorted by text. */
        static Map<String, List<CoreNLPProtos.Document>> recorded() {
            synchronized (RECORDED) {
                Map<String, List<CoreNLPProtos.Document>> out = new TreeMap<>();
                RECORDED.forEach((name, documents) -> out.put(name, new ArrayList<>(documents.values())));
                return out;
            }
        }
    }
}
