package dev.selvedge.web.api;

import java.math.BigDecimal;
import java.util.Locale;

/** Parses query parameters strictly: a value that is not what the API documents is a 400. */
final class QueryParams {

    private QueryParams() {}

    static int integer(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed < min || parsed > max) {
                throw new BadRequestException(
                        name + " must be between " + min + " and " + max + ", got " + parsed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new BadRequestException(name + " must be a whole number, got '" + value + "'");
        }
    }

    /** A price in rupees ("1499" or "1499.50") as paise; null when absent. */
    static Long rupeesAsMinor(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            BigDecimal rupees = new BigDecimal(value.strip());
            if (rupees.signum() < 0
                    || rupees.scale() > 2
                    || rupees.compareTo(BigDecimal.valueOf(10_000_000)) > 0) {
                throw new BadRequestException(
                        name
                                + " must be an amount in rupees between 0 and 10000000 with at most 2 decimals, got '"
                                + value
                                + "'");
            }
            return rupees.movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new BadRequestException(
                    name
                            + " must be an amount in rupees such as 1499 or 1499.50, got '"
                            + value
                            + "'");
        }
    }

    static boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default ->
                    throw new BadRequestException(
                            name + " must be true or false, got '" + value + "'");
        };
    }
}
