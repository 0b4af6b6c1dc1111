package dev.selvedge.shared;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A form or request with fields that are wrong: each field's own message, for the page or API. */
public class InvalidFields extends Rejected {

    private final Map<String, String> fields;

    public InvalidFields(Map<String, String> fields) {
        super(400, "Some fields need correcting: " + String.join(", ", fields.keySet()));
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** Field name to message, in the order of the form. */
    public Map<String, String> fields() {
        return fields;
    }
}
