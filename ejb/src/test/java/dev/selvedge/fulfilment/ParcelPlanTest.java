package dev.selvedge.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selvedge.fulfilment.ParcelPlan.Held;
import dev.selvedge.fulfilment.ParcelPlan.Part;
import dev.selvedge.fulfilment.ParcelPlan.Wanted;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParcelPlanTest {

    @Test
    void anOrderHeldAtOneLocationIsOneParcel() {
        ParcelPlan plan =
                ParcelPlan.of(
                        List.of(new Wanted(1, "A", 2), new Wanted(2, "B", 1)),
                        List.of(new Held("A", "WH", 2), new Held("B", "WH", 1)));
        assertThat(plan.problem()).isEmpty();
        assertThat(plan.parcels()).isEqualTo(Map.of("WH", List.of(new Part(1, 2), new Part(2, 1))));
    }

    @Test
    void aLineHeldAtTwoLocationsIsSplitOverTwoParcels() {
        ParcelPlan plan =
                ParcelPlan.of(
                        List.of(new Wanted(1, "A", 3), new Wanted(2, "B", 1)),
                        List.of(
                                new Held("A", "WH", 1),
                                new Held("A", "BLR", 2),
                                new Held("B", "BLR", 1)));
        assertThat(plan.problem()).isEmpty();
        assertThat(plan.parcels())
                .containsEntry("WH", List.of(new Part(1, 1)))
                .containsEntry("BLR", List.of(new Part(1, 2), new Part(2, 1)))
                .hasSize(2);
    }

    @Test
    void unitsNoLocationHoldsAreTheProblemStaffSee() {
        ParcelPlan plan =
                ParcelPlan.of(
                        List.of(new Wanted(1, "A", 3), new Wanted(2, "C", 1)),
                        List.of(new Held("A", "WH", 2)));
        assertThat(plan.problem()).contains("No location holds 1 of A, 1 of C for it");
        assertThat(plan.parcels()).containsEntry("WH", List.of(new Part(1, 2)));
    }

    @Test
    void twoLinesOfOneSkuDoNotTakeTheSameUnits() {
        ParcelPlan plan =
                ParcelPlan.of(
                        List.of(new Wanted(1, "A", 1), new Wanted(2, "A", 1)),
                        List.of(new Held("A", "WH", 1), new Held("A", "BLR", 1)));
        assertThat(plan.problem()).isEmpty();
        assertThat(plan.parcels())
                .containsEntry("WH", List.of(new Part(1, 1)))
                .containsEntry("BLR", List.of(new Part(2, 1)));
    }
}
