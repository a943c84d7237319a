package io.stancewire.analysis.lexicons;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Actor ids: lower-case ASCII slugs of canonical names ({@code Aleksandar Vučić -> aleksandar-vucic}). */
public final class Slug {

    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");
    private static final Pattern EDGE_DASHES = Pattern.compile("(^-+|-+$)");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Slug() {
    }

    public static String of(String name) {
        String slug = EDGE_DASHES.matcher(NOT_SLUG.matcher(fold(name)).replaceAll("-")).replaceAll("");
        return slug.isEmpty() ? "actor" : slug;
    }

    /** Lower case without diacritics: the form used to compare names ("Vučić" and "Vucic" fold alike). */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D').replace('ł', 'l')
                .replace('Ł', 'L').replace('ı', 'i'), Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT).trim();
    }
}
