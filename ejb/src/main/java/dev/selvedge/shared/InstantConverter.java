package dev.selvedge.shared;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Stores {@link Instant}s as TIMESTAMPTZ; JPA 3.1 (EclipseLink 4) has no built-in mapping for them.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, Timestamp> {

    @Override
    public Timestamp convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    @Override
    public Instant convertToEntityAttribute(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** A TIMESTAMPTZ read by a native query (the driver gives a Timestamp or an OffsetDateTime). */
    public static Instant instantOf(Object column) {
        if (column == null) {
            return null;
        }
        return column instanceof Timestamp t
                ? t.toInstant()
                : ((java.time.OffsetDateTime) column).toInstant();
    }
}
