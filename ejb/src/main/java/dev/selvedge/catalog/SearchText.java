package dev.selvedge.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns what a shopper typed into search words: lower-case letters and digits only. Quotes,
 * operators, markup and SQL fragments become separators, so nothing typed reaches a query as
 * syntax.
 */
public final class SearchText {

    static final int MAX_WORDS = 8;

    private SearchText() {}

    public static List<String> words(String typed) {
        List<String> words = new ArrayList<>();
        if (typed == null) {
            return words;
        }
        String folded =
                java.text.Normalizer.normalize(typed, java.text.Normalizer.Form.NFD)
                        .replaceAll("\\p{M}", "")
                        .toLowerCase(Locale.ROOT)
                        .replace("'", "");
        for (String word : folded.split("[^a-z0-9]+")) {
            if (!word.isEmpty() && words.size() < MAX_WORDS) {
                words.add(word.length() > 40 ? word.substring(0, 40) : word);
            }
        }
        return words;
    }

    /** A tsquery of the words, each as a prefix, all required; the words are [a-z0-9]+ only. */
    public static String prefixQuery(List<String> words) {
        return String.join(" & ", words.stream().map(w -> w + ":*").toList());
    }
}
