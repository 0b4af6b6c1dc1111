package dev.selvedge.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The words the catalogue uses, for forgiving typos: a typed word that is neither a catalogue word
 * nor the start of one is replaced by the closest catalogue word within a small edit distance
 * ("shrit" becomes "shirt", "denm" becomes "denim").
 */
@ApplicationScoped
public class SearchWords {

    private static final String KNOWN = "SELECT 1 FROM search_word WHERE word LIKE ? LIMIT 1";

    /** Levenshtein distance first (typos), trigram similarity next, common words before rare. */
    private static final String CLOSEST =
            """
            SELECT word FROM search_word
            WHERE length(word) BETWEEN length(?) - 2 AND length(?) + 2
              AND levenshtein_less_equal(word, ?, ?) <= ?
            ORDER BY levenshtein(word, ?), similarity(word, ?) DESC, frequency DESC, word
            LIMIT 1
            """;

    private static final String REFRESH =
            """
            INSERT INTO search_word (word, frequency)
            SELECT word, ndoc FROM ts_stat('SELECT to_tsvector(''simple'', search_text) FROM product')
            WHERE length(word) BETWEEN 2 AND 80
            ON CONFLICT (word) DO UPDATE SET frequency = EXCLUDED.frequency
            """;

    /** The typed words with each unknown word replaced by its closest catalogue word, if any. */
    public List<String> correct(Connection connection, List<String> typed) throws SQLException {
        List<String> corrected = new ArrayList<>(typed.size());
        for (String word : typed) {
            corrected.add(correct(connection, word));
        }
        return corrected;
    }

    private String correct(Connection connection, String word) throws SQLException {
        if (word.length() < 3 || word.chars().allMatch(Character::isDigit)) {
            return word;
        }
        try (PreparedStatement known = connection.prepareStatement(KNOWN)) {
            known.setString(1, word + "%"); // words are [a-z0-9]+, so no LIKE wildcards
            try (ResultSet rs = known.executeQuery()) {
                if (rs.next()) {
                    return word;
                }
            }
        }
        int allowed = word.length() <= 4 ? 1 : 2;
        try (PreparedStatement closest = connection.prepareStatement(CLOSEST)) {
            closest.setString(1, word);
            closest.setString(2, word);
            closest.setString(3, word);
            closest.setInt(4, allowed);
            closest.setInt(5, allowed);
            closest.setString(6, word);
            closest.setString(7, word);
            try (ResultSet rs = closest.executeQuery()) {
                return rs.next() ? rs.getString(1) : word;
            }
        }
    }

    /** Rebuilds the dictionary from the products' search text; run after catalogue changes. */
    public int refresh(Connection connection) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(REFRESH)) {
            return st.executeUpdate();
        }
    }
}
