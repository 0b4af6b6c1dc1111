package dev.selvedge.inventory;

import java.time.Instant;

/** A POS message that could not be applied, kept for staff: what came, why it failed, when. */
public record PosDeadLetter(
        long id,
        String door,
        String eventId,
        String storeCode,
        String terminalId,
        String body,
        String reason,
        int attempts,
        Instant createdAt,
        Instant replayedAt,
        String replayedBy) {}
