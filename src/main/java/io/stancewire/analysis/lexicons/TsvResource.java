package io.stancewire.analysis.lexicons;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the tab-separated lexicon files under {@code analysis/} ({@code #} starts a comment line), and opens any
 * other resource of the analysis with the same error when it is missing.
 */
public final class TsvResource {

    private TsvResource() {
    }

    /** A resource of the analysis (a lexicon, a model), or an error naming it when the jar lacks it. */
    public static InputStream open(String resource) {
        InputStream in = TsvResource.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing resource " + resource);
        }
        return in;
    }

    public static List<String[]> read(String resource, int minColumns) {
        InputStream in = open(resource);
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                if (columns.length < minColumns) {
                    throw new IllegalStateException(resource + ":" + number + ": expected " + minColumns
                            + " tab-separated columns: " + line);
                }
                for (int i = 0; i < columns.length; i++) {
                    columns[i] = columns[i].trim();
                }
                rows.add(columns);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
