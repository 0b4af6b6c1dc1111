package dev.selvedge.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PosEventCheckTest {

    private static final PosTerminal TILL = new PosTerminal(1, "T1", 7, "BLR-01");

    private static PosEvent event(String type, String reason, PosEvent.Line... lines) {
        return new PosEvent(
                "e-1", "BLR-01", "T1", "2026-11-26T10:15:30+05:30", type, reason, List.of(lines));
    }

    private static PosEvent.Line sku(int quantity) {
        return new PosEvent.Line("SV00001-NVY-M", null, quantity, null);
    }

    @Test
    void acceptsAWellFormedEvent() {
        PosEventService.Checked checked = PosEventService.check(TILL, event("sale", null, sku(2)));
        assertThat(checked.type()).isEqualTo(PosEventType.SALE);
        assertThat(checked.occurredAt().getOffset().getTotalSeconds()).isEqualTo(19_800);
    }

    @Test
    void refusesWhatCannotBeApplied() {
        assertThatThrownBy(() -> PosEventService.check(TILL, event("SALE", null, sku(0))))
                .isInstanceOf(PosEventRejected.class)
                .hasMessageContaining("quantity");
        assertThatThrownBy(() -> PosEventService.check(TILL, event("ADJUSTMENT", " ", sku(-1))))
                .hasMessageContaining("reason");
        assertThatThrownBy(() -> PosEventService.check(TILL, event("REFUND", null, sku(1))))
                .hasMessageContaining("REFUND");
        assertThatThrownBy(
                        () ->
                                PosEventService.check(
                                        TILL,
                                        event(
                                                "SALE",
                                                null,
                                                new PosEvent.Line(
                                                        "SV00001-NVY-M",
                                                        "8900000000005",
                                                        1,
                                                        null))))
                .hasMessageContaining("either a sku or a barcode");
        assertThatThrownBy(
                        () ->
                                PosEventService.check(
                                        TILL,
                                        new PosEvent(
                                                "e-1",
                                                "MUM-01",
                                                "T1",
                                                "2026-11-26T10:15:30+05:30",
                                                "SALE",
                                                null,
                                                List.of(sku(1)))))
                .hasMessageContaining("not the store");
        assertThatThrownBy(
                        () ->
                                PosEventService.check(
                                        TILL,
                                        new PosEvent(
                                                "e 1",
                                                "BLR-01",
                                                "T1",
                                                "2026-11-26T10:15:30+05:30",
                                                "SALE",
                                                null,
                                                List.of(sku(1)))))
                .hasMessageContaining("eventId");
        assertThatThrownBy(() -> PosEventService.check(TILL, event("SALE", null)))
                .hasMessageContaining("lines");
    }

    @Test
    void allowsSignedAdjustmentsAndZeroCounts() {
        assertThat(PosEventService.check(TILL, event("ADJUSTMENT", "damaged", sku(-3))).type())
                .isEqualTo(PosEventType.ADJUSTMENT);
        assertThat(PosEventService.check(TILL, event("STOCK_COUNT", null, sku(0))).type())
                .isEqualTo(PosEventType.STOCK_COUNT);
        assertThat(PosEventType.SALE.delta(2)).isEqualTo(-2);
        assertThat(PosEventType.ADJUSTMENT.delta(-3)).isEqualTo(-3);
    }

    @Test
    void storesOnlyTheSha256OfAKey() {
        assertThat(PosTerminals.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
