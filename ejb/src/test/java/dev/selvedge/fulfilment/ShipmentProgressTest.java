package dev.selvedge.fulfilment;

import static dev.selvedge.fulfilment.ShipmentStatus.BOOKED;
import static dev.selvedge.fulfilment.ShipmentStatus.CANCELLED;
import static dev.selvedge.fulfilment.ShipmentStatus.COLLECTED;
import static dev.selvedge.fulfilment.ShipmentStatus.DELIVERED;
import static dev.selvedge.fulfilment.ShipmentStatus.DELIVERY_FAILED;
import static dev.selvedge.fulfilment.ShipmentStatus.NOT_COLLECTED;
import static dev.selvedge.fulfilment.ShipmentStatus.OUT_FOR_DELIVERY;
import static dev.selvedge.fulfilment.ShipmentStatus.PICKING;
import static dev.selvedge.fulfilment.ShipmentStatus.READY_FOR_PICKUP;
import static dev.selvedge.fulfilment.ShipmentStatus.SHIPPED;
import static dev.selvedge.fulfilment.ShipmentStatus.TO_PICK;
import static dev.selvedge.fulfilment.ShipmentStatus.TO_STORE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.selvedge.ordering.OrderStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShipmentProgressTest {

    private static OrderStatus of(ShipmentStatus... parcels) {
        return ShipmentProgress.orderStatus(List.of(parcels)).orElse(null);
    }

    @Test
    void anOrderIsAsFarAsItsLeastAdvancedParcel() {
        assertThat(of(TO_PICK, TO_PICK)).isEqualTo(OrderStatus.ALLOCATED);
        assertThat(of(TO_PICK, PICKING)).isEqualTo(OrderStatus.PICKING);
        assertThat(of(SHIPPED, BOOKED)).isEqualTo(OrderStatus.PACKED);
        assertThat(of(SHIPPED, DELIVERED)).isEqualTo(OrderStatus.SHIPPED);
        assertThat(of(DELIVERED, DELIVERED, CANCELLED)).isEqualTo(OrderStatus.DELIVERED);
        assertThat(of(DELIVERED, DELIVERY_FAILED)).isEqualTo(OrderStatus.DELIVERY_FAILED);
        assertThat(of(CANCELLED)).isNull();
    }

    @Test
    void clickAndCollectIsReadyOnlyWhenEveryParcelWaitsAtTheStore() {
        assertThat(of(TO_STORE)).isEqualTo(OrderStatus.PICKING);
        assertThat(of(READY_FOR_PICKUP, TO_STORE)).isEqualTo(OrderStatus.PICKING);
        assertThat(of(READY_FOR_PICKUP, TO_PICK)).isEqualTo(OrderStatus.PICKING);
        assertThat(of(READY_FOR_PICKUP, READY_FOR_PICKUP)).isEqualTo(OrderStatus.READY_FOR_PICKUP);
        assertThat(of(COLLECTED, COLLECTED)).isEqualTo(OrderStatus.COLLECTED);
        assertThat(of(NOT_COLLECTED)).isEqualTo(OrderStatus.NOT_COLLECTED);
    }

    @Test
    void aParcelOnlyMovesForwardAndEndsWhereItEnds() {
        assertThat(ShipmentProgress.isAhead(OUT_FOR_DELIVERY, SHIPPED)).isTrue();
        assertThat(ShipmentProgress.isAhead(SHIPPED, OUT_FOR_DELIVERY)).isFalse();
        assertThat(ShipmentProgress.isAhead(DELIVERY_FAILED, OUT_FOR_DELIVERY)).isTrue();
        assertThat(ShipmentProgress.isAhead(OUT_FOR_DELIVERY, DELIVERY_FAILED)).isTrue();
        assertThat(ShipmentProgress.isAhead(READY_FOR_PICKUP, TO_STORE)).isTrue();
        assertThat(ShipmentProgress.isAhead(SHIPPED, DELIVERED)).isFalse();
        assertThat(ShipmentProgress.isAhead(READY_FOR_PICKUP, COLLECTED)).isFalse();
        assertThat(ShipmentProgress.isAhead(READY_FOR_PICKUP, NOT_COLLECTED)).isFalse();
    }

    @Test
    void theWayForwardGoesOneAllowedStepAtATime() {
        assertThat(ShipmentProgress.nextStep(OrderStatus.PACKED, OrderStatus.OUT_FOR_DELIVERY))
                .contains(OrderStatus.SHIPPED);
        assertThat(ShipmentProgress.nextStep(OrderStatus.DELIVERED, OrderStatus.SHIPPED)).isEmpty();
    }
}
