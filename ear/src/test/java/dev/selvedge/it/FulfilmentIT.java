package dev.selvedge.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hand-off from a confirmed order to its parcels (issue #12): the fulfilment request and every
 * status change leave through the order outbox with the move that caused them (and not at all when
 * it rolls back), the consumer allocates one parcel per location the units left stock at, and a
 * request that cannot be handled is parked for staff instead of lost.
 */
class FulfilmentIT extends ShopDeployment {

    private CatalogueFixture fixture;
    private JMSContext jms;
    private String sku;
    private String warehouse;

    @BeforeEach
    void data() throws Exception {
        fixture = CatalogueFixture.create();
        sku = fixture.sku(fixture.oxfordShirt, "Navy", "L");
        warehouse = fixture.addWarehouse();
        fixture.stockAt(sku, warehouse, 1);
        fixture.stockAt(sku, fixture.storeCode(), 5);
        jms = Broker.connect().createContext(Broker.storeUser(), Broker.storePassword());
    }

    @AfterEach
    void close() throws Exception {
        jms.close();
        fixture.close();
    }

    private String order(int quantity, String paymentToken) {
        Http.Reply placed =
                Http.post(
                        "/api/v1/checkout",
                        """
                        {"email":"fulfil-%s@example.in",
                         "shippingAddress":{"name":"Asha Rao","line1":"12, 4th Cross","city":"Bengaluru",
                           "state":"Karnataka","postalCode":"560038","country":"IN","phone":"9845012345"},
                         "shippingMethod":"standard",
                         "lines":[{"sku":"%s","quantity":%d,"unitPrice":1}],
                         "payment":{"method":"test","token":"%s"},
                         "total":1, "currency":"USD"}
                        """
                                .formatted(fixture.token, sku, quantity, paymentToken),
                        "Idempotency-Key",
                        UUID.randomUUID().toString());
        assertThat(placed.status()).as(placed.body()).isIn(201, 402);
        return placed.json().getString("orderNumber");
    }

    private String status(String number) throws SQLException {
        return fixture.single("SELECT status FROM customer_order WHERE order_number = ?", number);
    }

    private String awaitStatus(String number, String expected) throws Exception {
        long deadline = System.currentTimeMillis() + 15_000;
        String now = status(number);
        while (!expected.equals(now) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            now = status(number);
        }
        return now;
    }

    /** Status messages of one order read from the topic until one reaches {@code last}. */
    private static List<JsonObject> movesOf(JMSConsumer topic, String number, String last)
            throws Exception {
        List<JsonObject> moves = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            TextMessage m = (TextMessage) topic.receive(500);
            if (m == null) {
                continue;
            }
            JsonObject json = Json.createReader(new StringReader(m.getText())).readObject();
            if (json.getString("orderNumber").equals(number)) {
                moves.add(json);
                if (json.getString("to").equals(last)) {
                    break;
                }
            }
        }
        return moves;
    }

    @Test
    void aPaidOrderIsAllocatedToOneParcelPerLocationAndEveryMoveIsPublished() throws Exception {
        try (JMSConsumer topic = jms.createConsumer(jms.createTopic("OrderStatus"))) {
            String number = order(6, "tok_ok");

            assertThat(awaitStatus(number, "ALLOCATED")).isEqualTo("ALLOCATED");
            // No location has all six: warehouse first, then the store, one parcel each.
            assertThat(
                            fixture.single(
                                    "SELECT string_agg(l.code || ':' || s.status || ':' || sl.quantity, ','"
                                            + " ORDER BY l.kind DESC) FROM shipment s"
                                            + " JOIN customer_order o ON o.id = s.order_id"
                                            + " JOIN location l ON l.id = s.location_id"
                                            + " JOIN shipment_line sl ON sl.shipment_id = s.id"
                                            + " WHERE o.order_number = ?",
                                    number))
                    .isEqualTo(warehouse + ":TO_PICK:1," + fixture.storeCode() + ":TO_PICK:5");
            assertThat(
                            fixture.single(
                                    "SELECT actor_kind || ' ' || actor || ' ' || reason FROM order_event e"
                                            + " JOIN customer_order o ON o.id = e.order_id"
                                            + " WHERE o.order_number = ? AND e.to_status = 'ALLOCATED'",
                                    number))
                    .isEqualTo(
                            "SYSTEM fulfilment 2 parcels: "
                                    + warehouse
                                    + " (1 unit), "
                                    + fixture.storeCode()
                                    + " (5 units)");

            List<JsonObject> moves = movesOf(topic, number, "ALLOCATED");
            assertThat(moves)
                    .extracting(m -> m.get("from").toString() + ">" + m.getString("to"))
                    .containsExactly(
                            "null>PENDING_PAYMENT",
                            "\"PENDING_PAYMENT\">CONFIRMED",
                            "\"CONFIRMED\">ALLOCATED");
            JsonObject allocated = moves.get(2);
            assertThat(allocated.getString("type")).isEqualTo("ORDER_STATUS_CHANGED");
            assertThat(allocated.getString("actorKind")).isEqualTo("SYSTEM");
            assertThat(allocated.getString("occurredAt")).endsWith("Z");
            assertThat(UUID.fromString(allocated.getString("eventId"))).isNotNull();
            // Each sent exactly once by now, and nothing left waiting in the outbox for it.
            assertThat(
                            fixture.single(
                                    "SELECT count(*) FROM order_outbox WHERE payload LIKE ?",
                                    "%" + number + "%"))
                    .isEqualTo("0");
        }
    }

    private String parcelsOf(String number) throws SQLException {
        return fixture.single(
                "SELECT string_agg(l.code || ':' || sl.quantity, ',' ORDER BY l.kind DESC) FROM shipment s"
                        + " JOIN customer_order o ON o.id = s.order_id"
                        + " JOIN location l ON l.id = s.location_id"
                        + " JOIN shipment_line sl ON sl.shipment_id = s.id"
                        + " WHERE o.order_number = ?",
                number);
    }

    @Test
    void oneLocationThatHasEverythingSendsItAllAndAStoreThatDoesNotShipGivesNothing()
            throws Exception {
        // Two units: only the store has both, so the store sends both (one parcel, not two).
        String two = order(2, "tok_ok");
        assertThat(awaitStatus(two, "ALLOCATED")).isEqualTo("ALLOCATED");
        assertThat(parcelsOf(two)).isEqualTo(fixture.storeCode() + ":2");
        // One unit: both have it, and the warehouse comes first.
        String one = order(1, "tok_ok");
        assertThat(awaitStatus(one, "ALLOCATED")).isEqualTo("ALLOCATED");
        assertThat(parcelsOf(one)).isEqualTo(warehouse + ":1");

        // A store that only serves click and collect gives nothing to a delivery: sold out.
        try (var st =
                fixture.connection()
                        .prepareStatement(
                                "UPDATE location SET ships_online = false WHERE code = ?")) {
            st.setString(1, fixture.storeCode());
            st.executeUpdate();
        }
        Http.Reply refused =
                Http.post(
                        "/api/v1/checkout",
                        """
                        {"email":"fulfil-%s@example.in",
                         "shippingAddress":{"name":"Asha Rao","line1":"12, 4th Cross","city":"Bengaluru",
                           "state":"Karnataka","postalCode":"560038","country":"IN","phone":"9845012345"},
                         "shippingMethod":"standard",
                         "lines":[{"sku":"%s","quantity":1,"unitPrice":1}],
                         "payment":{"method":"test","token":"tok_ok"},
                         "total":1, "currency":"USD"}
                        """
                                .formatted(fixture.token, sku),
                        "Idempotency-Key",
                        UUID.randomUUID().toString());
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(fixture.level(sku, fixture.storeCode())).containsExactly(3, 0);
    }

    @Test
    void aConfirmationThatRollsBackSendsNothingAndACommittedOneAlwaysGoes() throws Exception {
        String declined = order(1, "tok_declined");
        String marker = order(1, "tok_declined");
        try (JMSConsumer topic = jms.createConsumer(jms.createTopic("OrderStatus"))) {
            Connection db = fixture.connection();
            db.setAutoCommit(false);
            try {
                fixture.single(
                        "UPDATE customer_order SET status = 'CONFIRMED' WHERE order_number = ? RETURNING status",
                        declined);
                db.rollback();
            } finally {
                db.setAutoCommit(true);
            }
            // A later move that commits: its message comes, the rolled-back one never did.
            fixture.single(
                    "UPDATE customer_order SET status = 'CANCELLED' WHERE order_number = ? RETURNING status",
                    marker);
            List<String> seen = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 15_000;
            while (!seen.contains(marker + ">CANCELLED") && System.currentTimeMillis() < deadline) {
                TextMessage m = (TextMessage) topic.receive(500);
                if (m != null) {
                    JsonObject json = Json.createReader(new StringReader(m.getText())).readObject();
                    seen.add(json.getString("orderNumber") + ">" + json.getString("to"));
                }
            }
            assertThat(seen)
                    .contains(marker + ">CANCELLED")
                    .doesNotContain(declined + ">CONFIRMED");
            assertThat(status(declined)).isEqualTo("PAYMENT_FAILED");
            assertThat(
                            fixture.single(
                                    "SELECT count(*) FROM shipment s JOIN customer_order o ON o.id = s.order_id"
                                            + " WHERE o.order_number = ?",
                                    declined))
                    .isEqualTo("0");

            // What is committed in the outbox goes even without the database's wake-up call (as
            // after a crash between commit and send): the relay looks at least once a second.
            UUID eventId = UUID.randomUUID();
            fixture.single(
                    "INSERT INTO order_outbox (destination, payload) VALUES ('STATUS', ?) RETURNING id",
                    Json.createObjectBuilder()
                            .add("eventId", eventId.toString())
                            .add("type", "ORDER_STATUS_CHANGED")
                            .add("orderNumber", marker)
                            .add("from", "CANCELLED")
                            .add("to", "CANCELLED")
                            .build()
                            .toString());
            boolean delivered = false;
            deadline = System.currentTimeMillis() + 15_000;
            while (!delivered && System.currentTimeMillis() < deadline) {
                TextMessage m = (TextMessage) topic.receive(500);
                delivered = m != null && m.getText().contains(eventId.toString());
            }
            assertThat(delivered).as("the committed message reached the topic").isTrue();
        }
    }

    @Test
    void aRequestThatCannotBeHandledIsParkedWithItsReasonAndChangesNothing() throws Exception {
        String paid = order(1, "tok_ok");
        assertThat(awaitStatus(paid, "ALLOCATED")).isEqualTo("ALLOCATED");
        String shipments =
                "SELECT count(*) FROM shipment s JOIN customer_order o ON o.id = s.order_id"
                        + " WHERE o.order_number = ?";
        assertThat(fixture.single(shipments, paid)).isEqualTo("1");

        String unknown = "SV-NOPE-" + fixture.token;
        UUID again = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        for (String body :
                List.of(
                        "{\"type\":\"FULFILMENT_REQUESTED\",\"eventId\":\""
                                + again
                                + "\",\"orderNumber\":\""
                                + unknown
                                + "\"}",
                        "{\"type\":\"FULFILMENT_REQUESTED\",\"eventId\":\"not-a-uuid\",\"orderNumber\":\""
                                + paid
                                + "\"}",
                        "{\"type\":\"FULFILMENT_REQUESTED\",\"eventId\":\""
                                + late
                                + "\",\"orderNumber\":\""
                                + paid
                                + "\"}")) {
            fixture.single(
                    "INSERT INTO order_outbox (destination, payload) VALUES ('FULFILMENT', ?) RETURNING id",
                    body);
        }
        long deadline = System.currentTimeMillis() + 15_000;
        String parked = null;
        while (System.currentTimeMillis() < deadline) {
            parked =
                    fixture.single(
                            "SELECT string_agg(reason, ' | ' ORDER BY id) FROM parked_message"
                                    + " WHERE body LIKE ? OR body LIKE ?",
                            "%" + unknown + "%",
                            "%not-a-uuid%" + paid + "%");
            if (parked != null && parked.contains("|")) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(parked)
                .contains("There is no order " + unknown)
                .contains("Not a fulfilment request: eventId is not a UUID");
        // A request for an order already allocated changes nothing (no second set of parcels).
        assertThat(awaitSeen(late)).isTrue();
        assertThat(fixture.single(shipments, paid)).isEqualTo("1");
        assertThat(status(paid)).isEqualTo("ALLOCATED");
    }

    private boolean awaitSeen(UUID eventId) throws Exception {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            if ("1"
                    .equals(
                            fixture.single(
                                    "SELECT count(*) FROM order_message_seen WHERE event_id = ?::uuid",
                                    eventId.toString()))) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
