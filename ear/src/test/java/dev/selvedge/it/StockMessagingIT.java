package dev.selvedge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The broker side of the stock truth, with the OpenMQ client a store system would use: POS events
 * through the {@code jms/pos/events} queue, poison messages to the dead-letter store after exactly
 * the configured attempts, every change (and no rolled-back one) on {@code jms/stock/changes}, and
 * the server-sent stream that product pages follow.
 */
class StockMessagingIT extends ShopDeployment {

    private static final int MAX_ATTEMPTS = 5; // selvedge.pos.jms.max-attempts, default

    private CatalogueFixture fixture;
    private JMSContext jms;
    private String tillKey;

    @BeforeEach
    void connect() throws Exception {
        fixture = CatalogueFixture.create();
        tillKey = fixture.issueTerminal("T9");
        jms = Broker.connect().createContext(Broker.storeUser(), Broker.storePassword());
    }

    @AfterEach
    void close() throws Exception {
        jms.close();
        fixture.close();
    }

    private String event(String eventId, String type, String... skuQuantity) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < skuQuantity.length; i += 2) {
            lines.append(i == 0 ? "" : ",")
                    .append("{\"sku\":\"")
                    .append(skuQuantity[i])
                    .append("\",\"quantity\":")
                    .append(skuQuantity[i + 1])
                    .append('}');
        }
        return "{\"eventId\":\""
                + eventId
                + "\",\"storeCode\":\""
                + fixture.storeCode()
                + "\",\"terminalId\":\"T9\",\"occurredAt\":\"2026-11-26T10:00:00+05:30\",\"type\":\""
                + type
                + "\",\"lines\":["
                + lines
                + "]}";
    }

    /** Sends an event as the fixture store's till T9 does: its key in the tillKey property. */
    private void sendToQueue(String body) {
        sendToQueue(body, tillKey);
    }

    private void sendToQueue(String body, String key) {
        var producer = jms.createProducer();
        if (key != null) {
            producer.setProperty("tillKey", key);
        }
        producer.send(jms.createQueue("PosEvents"), body);
    }

    private String id(String name) {
        return fixture.token + "-" + name;
    }

    private static String await(ThrowingSupplier<String> value, String expected, long millis)
            throws Exception {
        long deadline = System.currentTimeMillis() + millis;
        String now = value.get();
        while (!expected.equals(now) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            now = value.get();
        }
        return now;
    }

    interface ThrowingSupplier<T> {
        T get() throws Exception;
    }

    @Test
    void appliesAnEventFromTheQueueOnceAndPublishesTheChange() throws Exception {
        String navyS = fixture.sku(fixture.linenShirt, "Navy", "S"); // 3 in the store
        try (JMSConsumer changes = jms.createConsumer(jms.createTopic("StockChanges"))) {
            sendToQueue(event(id("jms-sale"), "SALE", navyS, "1"));
            sendToQueue(event(id("jms-sale"), "SALE", navyS, "1")); // a repeat changes nothing

            assertThat(
                            await(
                                    () ->
                                            String.valueOf(
                                                    fixture.level(navyS, fixture.storeCode())[0]),
                                    "2",
                                    10_000))
                    .isEqualTo("2");
            JsonObject change = nextChangeOf(changes, navyS, 10_000);
            assertThat(change).as("a message on jms/stock/changes").isNotNull();
            assertThat(change.getString("type")).isEqualTo("STOCK_CHANGED");
            assertThat(change.getString("eventId")).startsWith("stock-");
            assertThat(change.getString("location")).isEqualTo(fixture.storeCode());
            assertThat(change.getInt("onHand")).isEqualTo(2);
            assertThat(change.getInt("availableOnline")).isEqualTo(2);
            assertThat(change.getString("channel")).isEqualTo("POS");
            assertThat(change.getString("causeId")).isEqualTo(id("jms-sale"));
            Thread.sleep(1000);
            assertThat(fixture.level(navyS, fixture.storeCode())[0]).isEqualTo(2);
            assertThat(
                            fixture.single(
                                    "SELECT COUNT(*) FROM stock_movement WHERE event_id = ?",
                                    id("jms-sale")))
                    .isEqualTo("1");
        }
    }

    @Test
    void aChangeThatRollsBackSendsNoMessage() throws Exception {
        String navyS = fixture.sku(fixture.linenShirt, "Navy", "S");
        String key = fixture.issueTerminal("T1");
        try (JMSConsumer changes = jms.createConsumer(jms.createTopic("StockChanges"))) {
            // The first line would apply, the second names an unknown SKU: all of it rolls back.
            Http.Reply refused =
                    Http.post(
                            "/api/v1/pos/events",
                            event(id("rolled-back"), "SALE", navyS, "1", "NO-SUCH-SKU", "1")
                                    .replace("T9", "T1"),
                            "Authorization",
                            "Bearer " + key);
            assertThat(refused.status()).isEqualTo(422);
            assertThat(nextChangeOf(changes, navyS, 2_000)).isNull();
            assertThat(fixture.level(navyS, fixture.storeCode())[0]).isEqualTo(3);
            // The refused event is kept for staff.
            assertThat(
                            fixture.single(
                                    "SELECT door || ' ' || reason FROM pos_dead_letter WHERE event_id = ?",
                                    id("rolled-back")))
                    .startsWith("HTTP Unknown sku NO-SUCH-SKU");
        }
    }

    @Test
    void aPoisonMessageReachesTheDeadLetterStoreAfterTheConfiguredAttempts() throws Exception {
        String navyS = fixture.sku(fixture.linenShirt, "Navy", "S");
        String unknownSku = event(id("poison"), "SALE", navyS + "-GONE", "1");
        sendToQueue(unknownSku);
        String dead =
                await(
                        () ->
                                fixture.single(
                                        "SELECT attempts || ' ' || door FROM pos_dead_letter WHERE event_id = ?",
                                        id("poison")),
                        MAX_ATTEMPTS + " JMS",
                        30_000);
        assertThat(dead).isEqualTo(MAX_ATTEMPTS + " JMS");
        assertThat(
                        fixture.single(
                                "SELECT reason FROM pos_dead_letter WHERE event_id = ?",
                                id("poison")))
                .contains("Unknown sku " + navyS + "-GONE");
        // Taken off the queue after that: not delivered (and counted) again.
        Thread.sleep(2000);
        assertThat(
                        fixture.single(
                                "SELECT a.attempts FROM pos_message_attempt a JOIN pos_dead_letter d"
                                        + " ON d.message_id = a.message_id WHERE d.event_id = ?",
                                id("poison")))
                .isEqualTo(String.valueOf(MAX_ATTEMPTS));

        sendToQueue("this is not JSON " + id("garbage"));
        String garbage =
                await(
                        () ->
                                fixture.single(
                                        "SELECT attempts FROM pos_dead_letter WHERE body = ?",
                                        "this is not JSON " + id("garbage")),
                        String.valueOf(MAX_ATTEMPTS),
                        30_000);
        assertThat(garbage).isEqualTo(String.valueOf(MAX_ATTEMPTS));
    }

    @Test
    void aMessageWithoutItsTillsKeyOrForAnotherStoreChangesNothingAndIsKept() throws Exception {
        String navyS = fixture.sku(fixture.linenShirt, "Navy", "S"); // 3 in the store
        sendToQueue(event(id("no-key"), "RECEIPT", navyS, "50"), null);
        sendToQueue(event(id("bad-key"), "RECEIPT", navyS, "50"), "pos_forged-key-of-nobody");
        sendToQueue(
                event(id("other-store"), "RECEIPT", navyS, "50")
                        .replace(fixture.storeCode(), "BLR-01"));
        for (String name : new String[] {"no-key", "bad-key", "other-store"}) {
            assertThat(
                            await(
                                    () ->
                                            fixture.single(
                                                    "SELECT attempts FROM pos_dead_letter WHERE event_id = ?",
                                                    id(name)),
                                    String.valueOf(MAX_ATTEMPTS),
                                    30_000))
                    .as(name + " is kept for staff")
                    .isEqualTo(String.valueOf(MAX_ATTEMPTS));
        }
        assertThat(
                        fixture.single(
                                "SELECT reason FROM pos_dead_letter WHERE event_id = ?",
                                id("no-key")))
                .contains("till key");
        assertThat(
                        fixture.single(
                                "SELECT reason FROM pos_dead_letter WHERE event_id = ?",
                                id("other-store")))
                .contains("not the store of terminal");
        assertThat(fixture.level(navyS, fixture.storeCode())[0])
                .as("nothing received")
                .isEqualTo(3);
    }

    @Test
    void theBrokerAdmitsNamedUsersAndAStoreOnlySendsEventsAndReadsChanges() throws Exception {
        assertThatThrownBy(() -> Broker.connect().createContext("guest", "guest").close())
                .as("guest is off")
                .isInstanceOf(JMSRuntimeException.class)
                .hasMessageMatching("(?s).*(authori|permission|Forbidden|[Ll]ogin).*");
        assertThatThrownBy(
                        () ->
                                Broker.connect()
                                        .createContext(Broker.storeUser(), "not-the-password")
                                        .close())
                .isInstanceOf(JMSRuntimeException.class)
                .hasMessageMatching("(?s).*(authori|permission|Forbidden|[Ll]ogin).*");
        assertThatThrownBy(() -> jms.createConsumer(jms.createQueue("PosEvents")).close())
                .as("a store cannot take other stores' till events off the queue")
                .isInstanceOf(JMSRuntimeException.class)
                .hasMessageMatching("(?s).*(authori|permission|Forbidden|[Ll]ogin).*");
        assertThatThrownBy(
                        () ->
                                jms.createProducer()
                                        .send(jms.createTopic("StockChanges"), "{\"forged\":true}"))
                .as("nor publish stock changes")
                .isInstanceOf(JMSRuntimeException.class)
                .hasMessageMatching("(?s).*(authori|permission|Forbidden|[Ll]ogin).*");
        assertThatThrownBy(() -> jms.createProducer().send(jms.createQueue("Elsewhere"), "x"))
                .as("nor use (or make) other destinations")
                .isInstanceOf(JMSRuntimeException.class);
    }

    @Test
    void productPagesFollowTheStockOfTheirSizesLive() throws Exception {
        String navyL = fixture.sku(fixture.linenShirt, "Navy", "L"); // 3
        try (LiveFigures figures = LiveFigures.of(navyL)) {
            assertThat(figures.nextEvent())
                    .isEqualTo("{\"available\":3,\"sku\":\"" + navyL + "\"}");
            fixture.stockAt(navyL, fixture.storeCode(), 1); // any change, even one made in SQL
            assertThat(figures.nextEvent())
                    .isEqualTo("{\"available\":1,\"sku\":\"" + navyL + "\"}");
        }
    }

    @Test
    void theBrokerSyncsItsMessageStoreToDisk() throws Exception {
        // OpenMQ's default leaves writes in the OS cache, lost when the machine crashes.
        java.nio.file.Path log =
                java.nio.file.Path.of(
                        System.getProperty("it.domain.dir"), "imq/instances/imqbroker/log/log.txt");
        java.util.List<String> lines = java.nio.file.Files.readAllLines(log);
        assertThat(
                        lines.stream()
                                .filter(l -> l.contains("sync writes to disk"))
                                .reduce((a, b) -> b))
                .hasValueSatisfying(
                        last -> assertThat(last).endsWith("sync writes to disk = true"));
    }

    private static JsonObject nextChangeOf(JMSConsumer changes, String sku, long millis)
            throws Exception {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            TextMessage message =
                    (TextMessage)
                            changes.receive(Math.max(1, deadline - System.currentTimeMillis()));
            if (message == null) {
                return null;
            }
            JsonObject change = Json.createReader(new StringReader(message.getText())).readObject();
            if (change.getString("sku").equals(sku)) {
                return change;
            }
        }
        return null;
    }
}
