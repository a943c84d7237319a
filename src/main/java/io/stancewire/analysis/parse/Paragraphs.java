package io.stancewire.analysis.parse;

/**
 * Where an article's paragraphs end. Most wire copy separates paragraphs with a blank line; some feeds put each
 * paragraph on a line of its own, and then every line break ends one. One owner for the
 * notion: the quote finder (a quote left open goes on in the next paragraph) and {@link ParsedText#paragraphOf}
 * both ask it.
 */
public final class Paragraphs {

    private final String body;
    private final boolean lineByLine;

    private Paragraphs(String body, boolean lineByLine) {
        this.body = body;
        this.lineByLine = lineByLine;
    }

    /**
     * The paragraphs of {@code body}: line by line when lines follow each other without a blank line between them
     * at least twice, and more than twice as often as blank lines come (a title set off by one blank line does not
     * make a line-by-line feed a blank-line one).
     */
    public static Paragraphs of(String body) {
        String[] lines = body.split("\n", -1);
        int adjacent = 0;
        int blank = 0;
        for (int n = 0; n + 1 < lines.length; n++) {
            if (lines[n].isBlank()) {
                blank++;
            } else if (!lines[n + 1].isBlank()) {
                adjacent++;
            }
        }
        return new Paragraphs(body, adjacent >= 2 && adjacent > 2 * blank);
    }

    /** Whether a paragraph ends at the line break at {@code i} (false when {@code i} holds no line break). */
    public boolean endsAt(int i) {
        return body.charAt(i) == '\n' && (lineByLine || blankLineAfter(body, i));
    }

    /** Whether a paragraph ends somewhere in [from, to). */
    public boolean endsWithin(int from, int to) {
        for (int i = from; i < to; i++) {
            if (endsAt(i)) {
                return true;
            }
        }
        return false;
    }

    /** The line that starts after the break at {@code i} holds nothing but white space up to the next break. */
    private static boolean blankLineAfter(String s, int i) {
        for (int j = i + 1; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == '\n') {
                return true;
            }
            if (!Character.isWhitespace(c)) {
                return false;
            }
        }
        return false;
    }
}
