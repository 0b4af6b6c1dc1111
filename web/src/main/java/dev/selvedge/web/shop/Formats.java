package dev.selvedge.web.shop;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/** Formatting for pages: prices as Indian shoppers read them (₹1,499 or ₹1,499.50). */
@Named
@ApplicationScoped
public class Formats {

    private static final Locale INDIA = Locale.forLanguageTag("en-IN");

    private static final java.time.format.DateTimeFormatter TIME =
            java.time.format.DateTimeFormatter.ofPattern(
                    "d MMM yyyy, HH:mm:ss", java.util.Locale.ENGLISH);

    @jakarta.inject.Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(
            name = "selvedge.timezone",
            defaultValue = "Asia/Kolkata")
    private String timezone;

    /** A moment in the shop's time zone, to the second; empty for none. */
    public String time(java.time.Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(java.time.ZoneId.of(timezone)));
    }

    private static final java.time.format.DateTimeFormatter DAY_TIME =
            java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy, h:mm a", Locale.ENGLISH);

    /** A moment as a shopper reads it: "5 Dec 2026, 2:32 PM"; empty for none. */
    public String when(java.time.Instant instant) {
        return instant == null
                ? ""
                : DAY_TIME.format(instant.atZone(java.time.ZoneId.of(timezone)));
    }

    private static final java.time.format.DateTimeFormatter DAY =
            java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

    /** A day as a shopper reads it: "Monday 14 December"; empty for none. */
    public String day(java.time.Instant instant) {
        return instant == null ? "" : DAY.format(instant.atZone(java.time.ZoneId.of(timezone)));
    }

    public String price(Long minor) {
        if (minor == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(INDIA);
        format.setMinimumFractionDigits(minor % 100 == 0 ? 0 : 2);
        return format.format(BigDecimal.valueOf(minor, 2));
    }

    /** Whole rupees for form fields (paise rounded down): 179900 is "1799". */
    public String wholeRupees(Long minor) {
        return minor == null ? "" : Long.toString(minor / 100);
    }

    /** Percentage saved by a sale price, rounded down. */
    public long percentOff(long price, Long sale) {
        return sale == null || price == 0 ? 0 : (price - sale) * 100 / price;
    }

    public String srcset(long imageId) {
        return dev.selvedge.web.api.MediaPaths.srcset(imageId);
    }

    public String image(long imageId, int width) {
        return dev.selvedge.web.api.MediaPaths.of(imageId, width);
    }
}
