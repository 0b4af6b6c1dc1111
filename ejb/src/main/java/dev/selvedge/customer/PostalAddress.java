package dev.selvedge.customer;

import dev.selvedge.shared.InvalidFields;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A delivery address in India, where the shop delivers: a six-digit PIN code (not starting with 0),
 * a state or union territory, and a mobile number for the courier.
 */
public record PostalAddress(
        String name,
        String line1,
        String line2,
        String city,
        String state,
        String postalCode,
        String country,
        String phone) {

    public static final Set<String> STATES =
            Set.of(
                    "Andaman and Nicobar Islands",
                    "Andhra Pradesh",
                    "Arunachal Pradesh",
                    "Assam",
                    "Bihar",
                    "Chandigarh",
                    "Chhattisgarh",
                    "Dadra and Nagar Haveli and Daman and Diu",
                    "Delhi",
                    "Goa",
                    "Gujarat",
                    "Haryana",
                    "Himachal Pradesh",
                    "Jammu and Kashmir",
                    "Jharkhand",
                    "Karnataka",
                    "Kerala",
                    "Ladakh",
                    "Lakshadweep",
                    "Madhya Pradesh",
                    "Maharashtra",
                    "Manipur",
                    "Meghalaya",
                    "Mizoram",
                    "Nagaland",
                    "Odisha",
                    "Puducherry",
                    "Punjab",
                    "Rajasthan",
                    "Sikkim",
                    "Tamil Nadu",
                    "Telangana",
                    "Tripura",
                    "Uttar Pradesh",
                    "Uttarakhand",
                    "West Bengal");

    /** The same address with spaces trimmed, the country upper-case and the phone compact. */
    public PostalAddress normalised() {
        return new PostalAddress(
                strip(name),
                strip(line1),
                strip(line2),
                strip(city),
                strip(state),
                strip(postalCode) == null ? null : postalCode.replace(" ", ""),
                strip(country) == null ? "IN" : country.strip().toUpperCase(Locale.ROOT),
                strip(phone) == null ? null : phone.replaceAll("[\\s()-]", ""));
    }

    /** Field name to what is wrong with it; empty when the address is fine. */
    public Map<String, String> problems() {
        PostalAddress a = normalised();
        Map<String, String> problems = new LinkedHashMap<>();
        require(
                problems,
                "name",
                a.name,
                120,
                "Enter the name of the person who receives the parcel.");
        require(problems, "line1", a.line1, 200, "Enter the house or flat number and street.");
        if (a.line2 != null && a.line2.length() > 200) {
            problems.put("line2", "Use at most 200 characters.");
        }
        require(problems, "city", a.city, 100, "Enter the town or city.");
        if (a.state == null || !STATES.contains(a.state)) {
            problems.put("state", "Choose a state or union territory of India.");
        }
        if (a.postalCode == null || !a.postalCode.matches("[1-9][0-9]{5}")) {
            problems.put("postalCode", "Enter a 6-digit PIN code, like 560001.");
        }
        if (!"IN".equals(a.country)) {
            problems.put("country", "We deliver within India only (country IN).");
        }
        if (a.phone == null || !a.phone.matches("(\\+91|0)?[6-9][0-9]{9}")) {
            problems.put("phone", "Enter a 10-digit Indian mobile number, like 98450 12345.");
        }
        return problems;
    }

    /** This address, normalised, or {@link InvalidFields} naming each wrong field. */
    public PostalAddress checked() {
        Map<String, String> problems = problems();
        if (!problems.isEmpty()) {
            throw new InvalidFields(problems);
        }
        return normalised();
    }

    private static void require(
            Map<String, String> problems, String field, String value, int max, String message) {
        if (value == null) {
            problems.put(field, message);
        } else if (value.length() > max) {
            problems.put(field, "Use at most " + max + " characters.");
        }
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
