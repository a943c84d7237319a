package io.stancewire.analysis.quotes;

import java.util.ArrayList;
import java.util.List;

import io.stancewire.analysis.model.Span;
import io.stancewire.analysis.parse.Paragraphs;

/**
 * Finds top-level quotations: curly and straight double marks, {@code ``...''} and {@code ''...''} (NYT style),
 * guillemets, low-high German marks, and single-quoted spans outside double quotes. Quotes nested inside a quote are
 * part of it. A quote left open at the end of a paragraph continues when the next paragraph opens with a quotation
 * mark (the news convention), unless that paragraph opens a transcript's new turn ("PENCE: …"), and otherwise ends
 * with its paragraph.
 */
public final class QuoteFinder {

    private static final int SINGLE_QUOTE_REACH = 300;

    private QuoteFinder() {
    }

    public static List<Span> find(String body) {
        List<Span> quotes = new ArrayList<>();
        Paragraphs paragraphs = Paragraphs.of(body);
        int i = 0;
        int n = body.length();
        while (i < n) {
            int markLength = doubleOpener(body, i);
            if (markLength > 0) {
                int end = closeDouble(body, paragraphs, i, markLength);
                if (!isNickname(body, i, end, markLength)) {
                    quotes.add(Span.of(body, i, end));
                }
                i = end;
                continue;
            }
            if (singleOpener(body, i)) {
                int close = closeSingle(body, paragraphs, i);
                if (close > 0) {
                    quotes.add(Span.of(body, i, close));
                    i = close;
                    continue;
                }
            }
            i++;
        }
        return quotes;
    }

    /**
     * Marcia "Cia" Price, Thomas "Tip" O'Neill: one or two capitalised words in quotation marks between two capitalised
     * words are a nickname inside a name, not a quote.
     */
    static boolean isNickname(String s, int open, int end, int markLength) {
        String inner = s.substring(open + markLength, Math.max(open + markLength, end - markLength));
        if (inner.isEmpty() || inner.length() > 20 || !inner.matches("\\p{Lu}[\\p{L}.'-]*( \\p{Lu}[\\p{L}.'-]*)?")) {
            return false;
        }
        return open >= 2 && s.charAt(open - 1) == ' ' && Character.isLowerCase(s.charAt(open - 2))
                && capitalisedWordEndsAt(s, open - 1) && end + 1 < s.length() && s.charAt(end) == ' '
                && Character.isUpperCase(s.charAt(end + 1));
    }

    /** Whether the word that ends right before {@code i} starts with a capital letter. */
    private static boolean capitalisedWordEndsAt(String s, int i) {
        int start = i;
        while (start > 0 && Character.isLetter(s.charAt(start - 1))) {
            start--;
        }
        return start < i && Character.isUpperCase(s.charAt(start));
    }

    /** Length of the double opening mark at {@code i}, or 0. */
    private static int doubleOpener(String s, int i) {
        char c = s.charAt(i);
        if (c == '“' || c == '„' || c == '«' || c == '"') {
            return 1;
        }
        if (c == '”' && opening(s, i) && Character.isLetterOrDigit(s.charAt(i + 1))
                && (i == 0 || s.charAt(i - 1) == '\n')) {
            return 1; // "”Mr. Trump embodies …”": a paragraph opened with the closing mark by mistake
        }
        if ((c == '`' || c == '\'') && i + 1 < s.length() && s.charAt(i + 1) == c && boundaryBefore(s, i)) {
            return 2;
        }
        return 0;
    }

    /** The end (exclusive, after the closing mark) of the quote opened at {@code open}. */
    private static int closeDouble(String s, Paragraphs paragraphs, int open, int markLength) {
        char opener = s.charAt(open) == '”' ? '“' : s.charAt(open);
        int i = open + markLength;
        int lastText = i;
        int depth = 0; // “ inside “: a nested quote in the same marks
        int other = 0; // "…" inside “…”, or “…” inside "…": a nested quote in the other style
        while (i < s.length()) {
            char c = s.charAt(i);
            if (paragraphs.endsAt(i)) {
                int next = skipSpace(s, i);
                if (next < s.length() && doubleOpener(s, next) > 0
                        && !transcriptLabel(s, next + doubleOpener(s, next))) {
                    i = next + doubleOpener(s, next); // the quote goes on in the next paragraph
                    continue;
                }
                return lastText;
            }
            // a curly quote closed by a straight mark, or the reverse ("“no evidence" yet", "\"We do not,” the
            // mayor said"): wire copy mixes them; a mark of the other style in opening position nests instead
            boolean straightInCurly = opener == '“' && c == '"';
            boolean curlyInStraight = opener == '"' && (c == '“' || c == '”');
            if (straightInCurly && opening(s, i) || opener == '"' && c == '“') {
                other++;
                i++;
                continue;
            }
            if ((straightInCurly && closing(s, i) || curlyInStraight) && other > 0) {
                other--;
                i++;
                continue;
            }
            boolean closes = switch (opener) {
                case '“' -> c == '”' || straightInCurly && closing(s, i);
                case '„' -> c == '“' || c == '”';
                case '«' -> c == '»';
                case '"' -> c == '"' || c == '”';
                default -> c == '\'' && i + 1 < s.length() && s.charAt(i + 1) == '\'';
            };
            if (opener == '“' && c == '“' || opener == '«' && c == '«') {
                depth++;
            } else if (closes && depth > 0) {
                depth--;
            } else if (closes) {
                return i + (markLength == 2 && c == '\'' ? 2 : 1);
            }
            if (!Character.isWhitespace(c)) {
                lastText = i + 1;
            }
            i++;
        }
        return lastText;
    }

    /**
     * Whether a speaker label in capitals and a colon starts at {@code i} ("WALLACE: …", "MS. CLINTON: …"): in a
     * transcript each turn is a quote of its own, even when the quotation goes on over the paragraphs.
     */
    static boolean transcriptLabel(String s, int i) {
        int colon = s.indexOf(':', i);
        if (colon < 0 || colon - i < 2 || colon - i > 30) {
            return false;
        }
        String label = s.substring(i, colon);
        return label.chars().anyMatch(Character::isLetter) && label.equals(label.toUpperCase(java.util.Locale.ROOT))
                && label.chars().allMatch(c -> Character.isLetter(c) || c == ' ' || c == '.' || c == '-');
    }

    private static boolean singleOpener(String s, int i) {
        char c = s.charAt(i);
        return (c == '‘' || c == '\'') && boundaryBefore(s, i) && i + 1 < s.length()
                && Character.isLetterOrDigit(s.charAt(i + 1));
    }

    /** The end of a single-quoted span opened at {@code open}, or -1 when no closing mark follows nearby. */
    private static int closeSingle(String s, Paragraphs paragraphs, int open) {
        for (int i = open + 1; i < s.length() && i < open + SINGLE_QUOTE_REACH; i++) {
            char c = s.charAt(i);
            if (paragraphs.endsAt(i) || c == '"' || c == '“' || c == '”') {
                return -1;
            }
            if ((c == '’' || c == '\'') && !Character.isWhitespace(s.charAt(i - 1)) && boundaryAfter(s, i + 1)) {
                return i + 1;
            }
        }
        return -1;
    }

    /** A straight mark that opens: after a boundary, before a word ("she said "no" to it"). */
    private static boolean opening(String s, int i) {
        return boundaryBefore(s, i) && i + 1 < s.length() && !Character.isWhitespace(s.charAt(i + 1));
    }

    /** A straight mark that closes: after a word or punctuation, before no letter or digit. */
    private static boolean closing(String s, int i) {
        return i > 0 && !Character.isWhitespace(s.charAt(i - 1)) && boundaryAfter(s, i + 1);
    }

    private static boolean boundaryBefore(String s, int i) {
        if (i == 0) {
            return true;
        }
        char p = s.charAt(i - 1);
        return Character.isWhitespace(p) || "([{—–-/:;".indexOf(p) >= 0;
    }

    private static boolean boundaryAfter(String s, int i) {
        return i >= s.length() || !Character.isLetterOrDigit(s.charAt(i));
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
