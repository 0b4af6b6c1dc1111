package dev.selvedge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.selvedge.ordering.OrderStatus;
import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An order's timeline and the moves the database allows (issue #12's ground): every change of an
 * order's status is recorded with who and why, and a move that makes no sense is refused whoever
 * asks for it.
 */
class OrderTimelineIT extends ShopDeployment {

    private CatalogueFixture fixture;
    private String sku;

    @BeforeEach
    void data() throws Exception {
        fixture = CatalogueFixture.create();
        sku = fixture.sku(fixture.oxfordShirt, "Navy", "L");
        fixture.stockAt(sku, fixture.storeCode(), 5);
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    private String order(String token) {
        Http.Reply placed =
                Http.post(
                        "/api/v1/checkout",
                        """
                        {"email":"timeline-%s@example.in",
                         "shippingAddress":{"name":"Asha Rao","line1":"12, 4th Cross","city":"Bengaluru",
                           "state":"Karnataka","postalCode":"560038","country":"IN","phone":"9845012345"},
                         "shippingMethod":"standard",
                         "lines":[{"sku":"%s","quantity":1,"unitPrice":1}],
                         "payment":{"method":"test","token":"%s"},
                         "total":1, "currency":"USD"}
                        """
                                .formatted(fixture.token, sku, token),
                        "Idempotency-Key",
                        UUID.randomUUID().toString());
        assertThat(placed.status()).as(placed.body()).isIn(201, 402);
        return placed.json().getString("orderNumber");
    }

    /** The moves as "from>to", oldest first ("-" for none). */
    private String moves(String number) throws SQLException {
        return fixture.single(
                "SELECT string_agg(COALESCE(e.from_status, '-') || '>' || e.to_status, ',' ORDER BY e.at)"
                        + " FROM order_event e JOIN customer_order o ON o.id = e.order_id WHERE o.order_number = ?",
                number);
    }

    private static void assertAChain(String moves, String last) {
        String[] steps = moves.split(",");
        assertThat(steps[0]).startsWith("->");
        for (int i = 1; i < steps.length; i++) {
            assertThat(steps[i].split(">")[0])
                    .as("each move starts where the one before ended: " + moves)
                    .isEqualTo(steps[i - 1].split(">")[1]);
        }
        assertThat(steps[steps.length - 1]).endsWith(">" + last);
    }

    @Test
    void everyMoveOfAnOrderIsRecordedAndOnlyMovesThatMakeSenseAreAllowed() throws Exception {
        String paid = order("tok_ok");
        // Fulfilment allocates a paid order at once (FulfilmentIT): wait for it.
        long deadline = System.currentTimeMillis() + 15_000;
        while (!moves(paid).endsWith(">ALLOCATED") && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertAChain(moves(paid), "ALLOCATED");
        assertThat(moves(paid)).contains("PENDING_PAYMENT>CONFIRMED,CONFIRMED>ALLOCATED");
        String declined = order("tok_declined");
        assertAChain(moves(declined), "PAYMENT_FAILED");

        // Delivered before it was even picked: refused by the database, nothing changes.
        assertThatThrownBy(
                        () ->
                                fixture.single(
                                        "UPDATE customer_order SET status = 'DELIVERED' WHERE order_number = ? RETURNING status",
                                        paid))
                .hasMessageContaining("cannot go from ALLOCATED to DELIVERED");
        assertThat(fixture.single("SELECT status FROM customer_order WHERE order_number = ?", paid))
                .isEqualTo("ALLOCATED");

        // A move staff make is recorded with who and why.
        fixture.single(
                "UPDATE customer_order SET status = 'PICKING' WHERE order_number = ?"
                        + " AND set_config('selvedge.order_actor_kind', 'STAFF', true) IS NOT NULL"
                        + " AND set_config('selvedge.order_actor', 'packer@selvedge.example', true) IS NOT NULL"
                        + " AND set_config('selvedge.order_reason', 'picking started', true) IS NOT NULL"
                        + " RETURNING status",
                paid);
        assertAChain(moves(paid), "PICKING");
        assertThat(
                        fixture.single(
                                "SELECT actor_kind || ' ' || actor || ' ' || reason FROM order_event e"
                                        + " JOIN customer_order o ON o.id = e.order_id WHERE o.order_number = ?"
                                        + " ORDER BY e.at DESC LIMIT 1",
                                paid))
                .isEqualTo("STAFF packer@selvedge.example picking started");

        // A failed payment cannot be shipped, and the timeline cannot be rewritten.
        assertThatThrownBy(
                        () ->
                                fixture.single(
                                        "UPDATE customer_order SET status = 'SHIPPED' WHERE order_number = ? RETURNING status",
                                        declined))
                .hasMessageContaining("cannot go from PAYMENT_FAILED to SHIPPED");
        assertThatThrownBy(
                        () ->
                                fixture.single(
                                        "DELETE FROM order_event WHERE order_id ="
                                                + " (SELECT id FROM customer_order WHERE order_number = ?) RETURNING event_id",
                                        paid))
                .hasMessageContaining("append-only");
    }

    @Test
    void theCodeKnowsTheSameMovesAsTheDatabase() throws Exception {
        Set<String> database =
                new TreeSet<>(
                        Set.of(
                                fixture.single(
                                                "SELECT string_agg(from_status || '>' || to_status, ',')"
                                                        + " FROM order_transition")
                                        .split(",")));
        assertThat(OrderStatus.moves()).isEqualTo(database);
        assertThat(OrderStatus.CONFIRMED.canGoTo(OrderStatus.ALLOCATED)).isTrue();
        assertThat(OrderStatus.SHIPPED.canGoTo(OrderStatus.CANCELLED)).isFalse();
    }
}
