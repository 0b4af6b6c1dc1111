package dev.selvedge.web.api;

import dev.selvedge.catalog.SizeMeasurement;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** Conversions for JSON: paise to rupees, centimetres to inches. */
final class Prices {

    private Prices() {}

    static BigDecimal major(Long minor) {
        return minor == null ? null : BigDecimal.valueOf(minor, 2);
    }

    static Map<String, Map<String, BigDecimal>> inches(Map<String, Map<String, BigDecimal>> cm) {
        Map<String, Map<String, BigDecimal>> inches = new LinkedHashMap<>();
        cm.forEach(
                (size, row) -> {
                    Map<String, BigDecimal> converted = new LinkedHashMap<>();
                    row.forEach(
                            (measure, value) ->
                                    converted.put(measure, SizeMeasurement.toInches(value)));
                    inches.put(size, converted);
                });
        return inches;
    }
}
