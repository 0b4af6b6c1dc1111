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
        String replayedBy,
        boolean senderVerified) {

    /** What a list shows of the message: its start, and how long it is when that is not all. */
    public String bodyPreview() {
        return body.length() <= 600
                ? body
                : body.substring(0, 600) + " … (" + body.length() + " characters in all)";
    }
}
