package dev.selvedge.shared;

/**
 * Text kept as it came from outside (refused events, webhooks), made storable: PostgreSQL refuses
 * NUL characters in text, so each becomes U+FFFD, and at most {@code max} characters are kept.
 */
public final class StorableText {

    private StorableText() {}

    public static String of(String text, int max) {
        if (text == null) {
            return null;
        }
        String clipped = text.length() <= max ? text : text.substring(0, max);
        return clipped.indexOf('\0') < 0 ? clipped : clipped.replace('\0', '\uFFFD');
    }
}
