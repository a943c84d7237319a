package io.stancewire.analysis.lexicons;

import java.text.Normalizer;
import java.util.Locale;

/** Actor ids: lower-case ASCII slugs of canonical names ({@code Aleksandar Vučić -> aleksandar-vucic}). */
public final class Slug {

    private Slug() {
    }

    public static String of(String name) {
        String slug = fold(name).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.isEmpty() ? "actor" : slug;
    }

    /** Lower case without diacritics: the form used to compare names ("Vučić" and "Vucic" fold alike). */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D').replace('ł', 'l')
                .replace('Ł', 'L').replace('ı', 'i'), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT).trim();
    }
}
