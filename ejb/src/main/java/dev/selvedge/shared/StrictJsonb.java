package dev.selvedge.shared;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;
import java.math.BigDecimal;

/**
 * JSON binding stricter than JSON-B's defaults, for everything that comes from outside: a whole
 * number must be one ({@code 1.5} and {@code 1e10} are refused rather than cut to {@code 1} and
 * {@code 1410065408}), and no text may carry a NUL character, which PostgreSQL cannot store. A
 * refusal is a {@link JsonbException} naming what was expected.
 */
public final class StrictJsonb {

    private StrictJsonb() {}

    public static Jsonb create() {
        return JsonbBuilder.create(
                new JsonbConfig().withDeserializers(new WholeNumber(), new TextWithoutNul()));
    }

    /** An integer field takes a JSON number with no fraction, within the range of an int. */
    public static final class WholeNumber implements JsonbDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            if (value.getValueType() == JsonValue.ValueType.NULL) {
                return null;
            }
            if (!(value instanceof JsonNumber json)) {
                throw new JsonbException("a whole number was expected");
            }
            BigDecimal number = json.bigDecimalValue();
            try {
                return number.intValueExact();
            } catch (ArithmeticException e) {
                throw new JsonbException(
                        "a whole number from "
                                + Integer.MIN_VALUE
                                + " to "
                                + Integer.MAX_VALUE
                                + " was expected");
            }
        }
    }

    /** A text field takes a JSON string without NUL characters. */
    public static final class TextWithoutNul implements JsonbDeserializer<String> {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            if (value.getValueType() == JsonValue.ValueType.NULL) {
                return null;
            }
            if (!(value instanceof JsonString json)) {
                throw new JsonbException("a string was expected");
            }
            String text = json.getString();
            if (text.indexOf('\0') >= 0) {
                throw new JsonbException("text may not contain NUL characters");
            }
            return text;
        }
    }
}
