package dev.selvedge.inventory;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a till reports: {@code {eventId, storeCode, terminalId, occurredAt, type, reason?,
 * lines:[{sku or barcode, quantity, unitPrice?}]}}. Quantities are positive except in an
 * ADJUSTMENT, where the sign says which way; a STOCK_COUNT line gives the absolute count.
 */
public record PosEvent(
        String eventId,
        String storeCode,
        String terminalId,
        String occurredAt,
        String type,
        String reason,
        List<Line> lines) {

    public record Line(String sku, String barcode, Integer quantity, BigDecimal unitPrice) {}
}
