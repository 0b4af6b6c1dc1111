package dev.selvedge.shared;

import java.text.Normalizer;
import java.util.Locale;

/** URL slugs: lower-case ASCII letters and digits joined by single hyphens. */
public final class Slugs {

    private Slugs() {}

    public static String of(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT)
                        .replace("'", "")
                        .replaceAll("[^a-z0-9]+", "-")
                        .replaceAll("(^-|-$)", "");
        if (slug.isEmpty()) {
            throw new IllegalArgumentException("No slug can be made of '" + text + "'");
        }
        return slug;
    }

    public static boolean isSlug(String text) {
        return text != null && text.matches("[a-z0-9]+(-[a-z0-9]+)*");
    }
}
