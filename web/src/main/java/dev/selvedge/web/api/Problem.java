package dev.selvedge.web.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem details body. {@code type} names the kind of problem with a stable URI under
 * the API; {@code detail} says what was wrong with this request, in words a client developer can
 * act on.
 */
public record Problem(String type, String title, int status, String detail, String instance) {

    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");
    static final String TYPES = "https://selvedge.dev/problems/";

    public static Response response(
            int status, String kind, String title, String detail, String instance) {
        return Response.status(status)
                .type(MEDIA_TYPE)
                .entity(
                        new Problem(
                                TYPES + kind, title, status, shorten(detail), shorten(instance)))
                .build();
    }

    /** At most 300 characters of a message, without control characters: never echo a flood. */
    public static String shorten(String message) {
        if (message == null) {
            return null;
        }
        String clean = message.replaceAll("\\p{Cntrl}", " ");
        return clean.length() <= 300 ? clean : clean.substring(0, 300) + "...";
    }

    /** Fewer units left than asked for: which SKU, how many asked, how many there are. */
    public record SoldOut(
            String type,
            String title,
            int status,
            String detail,
            String instance,
            String sku,
            int requested,
            int available) {}

    /** Bad input: each wrong field with its own message. */
    public record InvalidFields(
            String type,
            String title,
            int status,
            String detail,
            String instance,
            java.util.Map<String, String> errors) {}

    /** A payment that did not go through; the order stays unpaid and its stock went back. */
    public record PaymentDeclined(
            String type,
            String title,
            int status,
            String detail,
            String instance,
            String orderNumber) {}
}
