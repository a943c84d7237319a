package io.stancewire.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Where the datasets and reports live, JSON Lines in, indented JSON out, and code-point to UTF-16 offsets. */
final class EvalIo {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    static final Path REPORTS = Path.of("target", "eval");

    private EvalIo() {
    }

    /** {@code -Dstancewire.datasets}, by default {@code ../shared/datasets} relative to the project directory. */
    static Path datasets() {
        return Path.of(System.getProperty("stancewire.datasets", "../shared/datasets")).toAbsolutePath().normalize();
    }

    /** {@code -D<name>=N}: a cap for quick runs; absent or non-positive means no cap. */
    static int limit(String property) {
        int value = Integer.getInteger(property, 0);
        return value > 0 ? value : Integer.MAX_VALUE;
    }

    static List<JsonNode> readJsonl(Path file) {
        try {
            List<JsonNode> rows = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    rows.add(JSON.readTree(line));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static void write(String name, Object report) {
        try {
            Files.createDirectories(REPORTS);
            JSON.writeValue(REPORTS.resolve(name).toFile(), report);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + name, e);
        }
    }

    /** Python offsets count code points; Java strings count UTF-16 units. */
    static int utf16(String text, int codePoints) {
        return text.offsetByCodePoints(0, codePoints);
    }

    static String abbreviate(String text, int max) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
    }
}
