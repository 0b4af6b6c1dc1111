package dev.selvedge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Holding stock for checkouts against the real server and database: all or nothing, never more than
 * there is (also when 200 checkouts race the till for the last units), given back on release and on
 * expiry, and moved or flagged when the till sells what an online order held.
 */
class ReservationsIT extends ShopDeployment {

    private CatalogueFixture fixture;
    private String key;

    @BeforeEach
    void data() throws Exception {
        fixture = CatalogueFixture.create();
        key = fixture.issueTerminal("T1");
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    private Http.Reply hold(String reference, String... skuQuantity) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < skuQuantity.length; i += 2) {
            lines.append(i == 0 ? "" : ",")
                    .append("{\"sku\":\"")
                    .append(skuQuantity[i])
                    .append("\",\"quantity\":")
                    .append(skuQuantity[i + 1])
                    .append('}');
        }
        return Http.post(
                "/api/v1/reservations",
                "{\"reference\":\"" + reference + "\",\"lines\":[" + lines + "]}",
                "Authorization",
                "Bearer " + key);
    }

    private Http.Reply reservation(String token) {
        return Http.get("/api/v1/reservations/" + token, "Authorization", "Bearer " + key);
    }

    private Http.Reply release(String token) {
        return Http.delete("/api/v1/reservations/" + token, "Authorization", "Bearer " + key);
    }

    private Http.Reply tillSale(String eventId, String sku, int quantity) {
        return fixture.tillSale(key, eventId, sku, quantity);
    }

    private String ref(String name) {
        return fixture.token + "-" + name;
    }

    private static int available(String sku) {
        return Http.get("/api/v1/inventory/" + sku).json().getInt("available");
    }

    @Test
    void holdsAllLinesOrNoneAndNamesTheSkuThatIsShort() throws SQLException {
        String navyS = fixture.sku(fixture.linenShirt, "Navy", "S"); // 3 in the store
        String whiteS = fixture.sku(fixture.linenShirt, "White", "S"); // 3
        fixture.stockAt(whiteS, fixture.storeCode(), 1);

        Http.Reply refused = hold(ref("short"), navyS, "2", whiteS, "2");
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().getString("type")).endsWith("/sold-out");
        assertThat(refused.json().getString("sku")).isEqualTo(whiteS);
        assertThat(refused.json().getInt("requested")).isEqualTo(2);
        assertThat(refused.json().getInt("available")).isEqualTo(1);
        assertThat(fixture.level(navyS, fixture.storeCode())[1]).as("nothing held").isZero();

        // The same SKU on two lines counts as one line of the sum.
        Http.Reply held = hold(ref("ok"), navyS, "1", whiteS, "1", navyS, "1");
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        assertThat(held.header("Location")).endsWith(held.json().getString("token"));
        assertThat(held.json().getString("status")).isEqualTo("HELD");
        assertThat(lines(held.json()))
                .containsExactlyInAnyOrder(
                        navyS + "@" + fixture.storeCode() + "x2 HELD",
                        whiteS + "@" + fixture.storeCode() + "x1 HELD");
        assertThat(fixture.level(navyS, fixture.storeCode())).containsExactly(3, 2);
        assertThat(available(navyS)).isEqualTo(1);

        // Asking again with the same reference holds nothing more.
        Http.Reply again = hold(ref("ok"), navyS, "1", whiteS, "1", navyS, "1");
        assertThat(again.json().getString("token")).isEqualTo(held.json().getString("token"));
        assertThat(fixture.level(navyS, fixture.storeCode())).containsExactly(3, 2);

        Http.Reply bad = hold(ref("bad"), navyS, "0");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().getString("detail")).contains("quantity 0 must be 1 or more");
        assertThat(hold(ref("unknown"), "NO-SUCH-SKU", "1").json().getString("detail"))
                .contains("Unknown sku NO-SUCH-SKU");
    }

    @Test
    void splitsAQuantityOverLocationsWarehouseFirst() throws SQLException {
        String navyL = fixture.sku(fixture.linenShirt, "Navy", "L"); // 3 in the store
        String warehouse = fixture.addWarehouse();
        fixture.stockAt(navyL, warehouse, 2);

        Http.Reply held = hold(ref("split"), navyL, "4");
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        assertThat(lines(held.json()))
                .containsExactly(
                        navyL + "@" + warehouse + "x2 HELD",
                        navyL + "@" + fixture.storeCode() + "x2 HELD");
        assertThat(available(navyL)).isEqualTo(1);
    }

    @Test
    void releaseAndExpiryGiveTheUnitsBack() throws Exception {
        String whiteM = fixture.sku(fixture.linenShirt, "White", "M"); // 3
        Http.Reply first = hold(ref("cancel"), whiteM, "2");
        Http.Reply second = hold(ref("expire"), whiteM, "1");
        assertThat(available(whiteM)).isZero();

        Http.Reply released = release(first.json().getString("token"));
        assertThat(released.json().getString("status")).isEqualTo("RELEASED");
        assertThat(available(whiteM)).isEqualTo(2);
        // Releasing twice gives back nothing more.
        release(first.json().getString("token"));
        assertThat(fixture.level(whiteM, fixture.storeCode())).containsExactly(3, 1);

        // Nobody comes back for the second one: the timer gives its unit back after expiry.
        fixture.connection()
                .createStatement()
                .executeUpdate(
                        "UPDATE reservation SET expires_at = now() - interval '1 second' WHERE reference = '"
                                + ref("expire")
                                + "'");
        String token = second.json().getString("token");
        long deadline = System.currentTimeMillis() + 20_000;
        while (!reservation(token).json().getString("status").equals("EXPIRED")
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
        }
        assertThat(reservation(token).json().getString("status")).isEqualTo("EXPIRED");
        assertThat(available(whiteM)).isEqualTo(3);
        assertThat(
                        fixture.single(
                                "SELECT string_agg(m.event_type || ':' || (m.reserved_after - m.reserved_before), ',' ORDER BY m.id)"
                                        + " FROM stock_movement m JOIN variant v ON v.id = m.variant_id"
                                        + " WHERE v.sku = ? AND m.channel = 'ONLINE'",
                                whiteM))
                .isEqualTo("RESERVE:2,RESERVE:1,RELEASE:-2,EXPIRE:-1");
    }

    @Test
    void aTillSaleOfHeldUnitsMovesTheNewestOrderElsewhereAndFlagsWhatCannotMove()
            throws SQLException {
        String navyS = fixture.sku(fixture.oxfordShirt, "Navy", "M"); // 2 in the store
        String older = hold(ref("older"), navyS, "1").json().getString("token");
        String newer = hold(ref("newer"), navyS, "1").json().getString("token");
        String warehouse = fixture.addWarehouse();
        fixture.stockAt(navyS, warehouse, 1);

        Http.Reply sale = tillSale(ref("till"), navyS, 2);
        assertThat(sale.status()).as(sale.body()).isEqualTo(200);
        assertThat(sale.json().getInt("discrepancies")).as("the till had 2").isZero();

        JsonObject moved = reservation(newer).json();
        assertThat(lines(moved))
                .containsExactly(
                        navyS + "@" + fixture.storeCode() + "x1 MOVED",
                        navyS + "@" + warehouse + "x1 HELD");
        JsonObject flagged = reservation(older).json();
        assertThat(lines(flagged)).containsExactly(navyS + "@" + fixture.storeCode() + "x1 SHORT");
        assertThat(flagged.getJsonArray("lines").getJsonObject(0).getString("note"))
                .contains("no other location had stock");
        assertThat(fixture.level(navyS, fixture.storeCode())).containsExactly(0, 0);
        assertThat(fixture.level(navyS, warehouse)).containsExactly(1, 1);
    }

    @Test
    void theDatabaseRefusesToHoldMoreThanIsOnHand() throws SQLException {
        String navyS = fixture.sku(fixture.linenShirt, "Navy", "S");
        assertThatThrownBy(() -> fixture.setStock(fixture.linenShirt, "Navy", "S", 1, 2))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("stock_level_reserved_on_hand");
        assertThat(fixture.level(navyS, fixture.storeCode())).containsExactly(3, 0);
    }

    @Test
    void twoHundredCheckoutsRacingTheTillSellExactlyTheUnitsThatExist() throws Exception {
        String sku = fixture.sku(fixture.denimJeans, "Indigo", "30");
        String store = fixture.storeCode();
        fixture.stockAt(sku, store, 5);
        int tillSales = 3;
        ExecutorService pool = Executors.newFixedThreadPool(40);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Http.Reply>> checkouts = new ArrayList<>();
        List<Future<Http.Reply>> sales = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int n = i;
            checkouts.add(
                    pool.submit(
                            () -> {
                                start.await();
                                return switch (n % 10) {
                                    case 0 -> hold(ref("race-" + n), sku, "2");
                                    case 1 -> hold(ref("race-" + n), sku, "1", sku, "1");
                                    default -> hold(ref("race-" + n), sku, "1");
                                };
                            }));
            if (i % 60 == 30) {
                sales.add(
                        pool.submit(
                                () -> {
                                    start.await();
                                    return tillSale(ref("race-till-" + n), sku, 1);
                                }));
            }
        }
        start.countDown();
        int granted = 0;
        int soldOut = 0;
        for (Future<Http.Reply> checkout : checkouts) {
            Http.Reply reply = checkout.get(60, TimeUnit.SECONDS);
            if (reply.status() == 201) {
                granted +=
                        reply.json().getJsonArray("lines").stream()
                                .mapToInt(l -> l.asJsonObject().getInt("quantity"))
                                .sum();
            } else {
                assertThat(reply.status()).as(reply.body()).isEqualTo(409);
                assertThat(reply.json().getString("type")).endsWith("/sold-out");
                assertThat(reply.json().getString("sku")).isEqualTo(sku);
                soldOut++;
            }
        }
        for (Future<Http.Reply> sale : sales) {
            assertThat(sale.get(60, TimeUnit.SECONDS).status()).isEqualTo(200);
        }
        pool.shutdown();
        assertThat(sales).hasSize(tillSales);

        int[] level = fixture.level(sku, store);
        int heldNow =
                Integer.parseInt(
                        fixture.single(
                                "SELECT COALESCE(SUM(l.quantity), 0) FROM reservation_line l JOIN reservation r ON r.id = l.reservation_id"
                                        + " JOIN variant v ON v.id = l.variant_id WHERE v.sku = ? AND l.status = 'HELD' AND r.status = 'HELD'",
                                sku));
        int flagged =
                Integer.parseInt(
                        fixture.single(
                                "SELECT COALESCE(SUM(l.quantity), 0) FROM reservation_line l JOIN variant v ON v.id = l.variant_id"
                                        + " WHERE v.sku = ? AND l.status = 'SHORT'",
                                sku));
        assertThat(level[0]).as("on hand after the till's sales").isEqualTo(5 - tillSales);
        assertThat(level[1]).as("what is held is what reservations hold").isEqualTo(heldNow);
        assertThat(heldNow)
                .as("every unit left is held: none unsold, none twice")
                .isEqualTo(level[0]);
        assertThat(granted)
                .as("online units granted: still held, or flagged because the till sold them")
                .isEqualTo(heldNow + flagged);
        assertThat(granted + tillSales - flagged).as("units sold in all").isEqualTo(5);
        assertThat(soldOut).isGreaterThanOrEqualTo(200 - 5);
        assertThat(available(sku)).isZero();
        // The ledger adds up to the figures.
        assertThat(
                        fixture.single(
                                "SELECT SUM(m.on_hand_after - m.on_hand_before) || '/' || SUM(m.reserved_after - m.reserved_before)"
                                        + " FROM stock_movement m JOIN variant v ON v.id = m.variant_id JOIN location l ON l.id = m.location_id"
                                        + " WHERE v.sku = ? AND l.code = ?",
                                sku,
                                store))
                .isEqualTo(level[0] + "/" + level[1]);
    }

    private static List<String> lines(JsonObject reservation) {
        return reservation.getJsonArray("lines").stream()
                .map(JsonValue::asJsonObject)
                .map(
                        l ->
                                l.getString("sku")
                                        + "@"
                                        + l.getString("location")
                                        + "x"
                                        + l.getInt("quantity")
                                        + " "
                                        + l.getString("status"))
                .toList();
    }
}
