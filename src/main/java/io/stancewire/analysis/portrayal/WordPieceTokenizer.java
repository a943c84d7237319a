package io.stancewire.analysis.portrayal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import io.stancewire.analysis.lexicons.TsvResource;

/**
 * The BERT uncased tokenizer of the portrayal encoder, as its {@code tokenizer.json} describes it: clean the text
 * (drop control characters), lowercase and strip accents (NFD, non-spacing marks dropped), split on white space and
 * on each punctuation mark or CJK ideograph, then greedy longest-match word pieces with {@code ##} continuations,
 * {@code [UNK]} for a word with a piece the vocabulary lacks or longer than 100 characters. {@code [CLS]} opens and
 * {@code [SEP]} closes every sequence. The same rules as the trainer's ({@code src/tools/python/finetune_portrayal.py});
 * {@code WordPieceTokenizerTest} holds it to HuggingFace's tokenizer on NewsMTSC. Immutable and thread-safe.
 */
public final class WordPieceTokenizer {

    /** Pieces and the character range of the word each comes from ({@code -1} for {@code [CLS]} and {@code [SEP]}). */
    public record Pieces(long[] ids, int[] starts, int[] ends) {
        public int size() {
            return ids.length;
        }
    }

    private static final int MAX_WORD_CHARS = 100;
    private static final String[] ASCII_LOWER = new String[0x80];

    static {
        for (int c = 0; c < ASCII_LOWER.length; c++) {
            ASCII_LOWER[c] = String.valueOf(Character.toLowerCase((char) c));
        }
    }

    private final Map<String, Integer> vocabulary;
    private final int unknown;
    private final int cls;
    private final int sep;

    WordPieceTokenizer(Map<String, Integer> vocabulary) {
        this.vocabulary = Map.copyOf(vocabulary);
        this.unknown = id("[UNK]");
        this.cls = id("[CLS]");
        this.sep = id("[SEP]");
    }

    /** The vocabulary resource: one piece a line, its id the line's index from 0. */
    static WordPieceTokenizer read(String resource) {
        Map<String, Integer> vocabulary = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(TsvResource.open(resource),
                StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                vocabulary.put(line, vocabulary.size());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new WordPieceTokenizer(vocabulary);
    }

    /** The id of a piece of the vocabulary (a marker the model was trained with, say). */
    int id(String piece) {
        Integer id = vocabulary.get(piece);
        if (id == null) {
            throw new IllegalStateException("the vocabulary has no " + piece);
        }
        return id;
    }

    /** The pieces of {@code text}, at most {@code maxPieces} with {@code [CLS]} and {@code [SEP]} (the rest cut). */
    public Pieces encode(String text, int maxPieces) {
        long[] ids = new long[maxPieces];
        int[] starts = new int[maxPieces];
        int[] ends = new int[maxPieces];
        ids[0] = cls;
        starts[0] = -1;
        ends[0] = -1;
        int n = 1;
        StringBuilder word = new StringBuilder();
        int wordStart = -1;
        for (int i = 0; i <= text.length() && n < maxPieces - 1; ) {
            int cp = i < text.length() ? text.codePointAt(i) : ' ';
            int next = i + Character.charCount(cp);
            if (i == text.length() || isSpace(cp) || isPunctuation(cp) || isIdeograph(cp)) {
                n = pieces(word, wordStart, i, ids, starts, ends, n, maxPieces - 1);
                word.setLength(0);
                wordStart = -1;
                if (i < text.length() && !isSpace(cp) && !isIgnored(cp)) {
                    word.append(normalised(cp));
                    n = pieces(word, i, next, ids, starts, ends, n, maxPieces - 1);
                    word.setLength(0);
                }
            } else if (!isIgnored(cp)) {
                String norm = normalised(cp);
                if (!norm.isEmpty()) {
                    if (wordStart < 0) {
                        wordStart = i;
                    }
                    word.append(norm);
                }
            }
            if (i == text.length()) {
                break;
            }
            i = next;
        }
        ids[n] = sep;
        starts[n] = -1;
        ends[n] = -1;
        n++;
        return new Pieces(Arrays.copyOf(ids, n), Arrays.copyOf(starts, n),
                Arrays.copyOf(ends, n));
    }

    /** Appends the word pieces of {@code word} (its characters {@code [start, end)}), up to {@code limit} in all. */
    private int pieces(CharSequence word, int start, int end, long[] ids, int[] starts, int[] ends, int n, int limit) {
        if (word.length() == 0) {
            return n;
        }
        int before = n;
        String w = word.toString();
        if (w.codePointCount(0, w.length()) > MAX_WORD_CHARS) {
            return append(unknown, start, end, ids, starts, ends, n, limit);
        }
        for (int from = 0; from < w.length(); ) {
            int to = w.length();
            Integer found = null;
            while (from < to) {
                found = vocabulary.get(from == 0 ? w.substring(0, to) : "##" + w.substring(from, to));
                if (found != null) {
                    break;
                }
                to = w.offsetByCodePoints(to, -1);
            }
            if (found == null) {
                return append(unknown, start, end, ids, starts, ends, before, limit);
            }
            n = append(found, start, end, ids, starts, ends, n, limit);
            from = to;
        }
        return n;
    }

    private static int append(int id, int start, int end, long[] ids, int[] starts, int[] ends, int n, int limit) {
        if (n >= limit) {
            return n;
        }
        ids[n] = id;
        starts[n] = start;
        ends[n] = end;
        return n + 1;
    }

    /** Lowercased, decomposed, accents dropped. */
    private static String normalised(int cp) {
        if (cp < 0x80) { // ASCII: lowercasing is all there is, and the common case on the hot path
            return ASCII_LOWER[cp];
        }
        String lower = new String(Character.toChars(cp)).toLowerCase(Locale.ROOT);
        String nfd = Normalizer.normalize(lower, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(nfd.length());
        nfd.codePoints().filter(c -> Character.getType(c) != Character.NON_SPACING_MARK).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static boolean isIgnored(int cp) {
        if (cp == '\t' || cp == '\n' || cp == '\r') {
            return false;
        }
        int type = Character.getType(cp);
        return cp == 0 || cp == 0xFFFD || type == Character.CONTROL || type == Character.FORMAT;
    }

    private static boolean isSpace(int cp) {
        return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || Character.getType(cp) == Character.SPACE_SEPARATOR;
    }

    private static boolean isPunctuation(int cp) {
        if (cp >= 33 && cp <= 47 || cp >= 58 && cp <= 64 || cp >= 91 && cp <= 96 || cp >= 123 && cp <= 126) {
            return true;
        }
        switch (Character.getType(cp)) {
            case Character.CONNECTOR_PUNCTUATION:
            case Character.DASH_PUNCTUATION:
            case Character.START_PUNCTUATION:
            case Character.END_PUNCTUATION:
            case Character.INITIAL_QUOTE_PUNCTUATION:
            case Character.FINAL_QUOTE_PUNCTUATION:
            case Character.OTHER_PUNCTUATION:
                return true;
            default:
                return false;
        }
    }

    private static boolean isIdeograph(int cp) {
        return cp >= 0x4E00 && cp <= 0x9FFF || cp >= 0x3400 && cp <= 0x4DBF || cp >= 0x20000 && cp <= 0x2A6DF
                || cp >= 0x2A700 && cp <= 0x2B73F || cp >= 0x2B740 && cp <= 0x2B81F || cp >= 0x2B820 && cp <= 0x2CEAF
                || cp >= 0xF900 && cp <= 0xFAFF || cp >= 0x2F800 && cp <= 0x2FA1F;
    }
}
