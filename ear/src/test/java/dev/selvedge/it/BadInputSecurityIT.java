package dev.selvedge.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Garbage gets a clear 4xx and leaves no stack trace behind (security review, issue #10, "bad
 * input"): malformed JSON, wrong types, fractions and huge numbers, NUL characters, bodies beyond
 * the limits, TRACE, methods a resource lacks, bodies on GET, view state on a GET.
 */
class BadInputSecurityIT extends ShopDeployment {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private CatalogueFixture fixture;
    private String sku;

    @BeforeEach
    void data() throws Exception {
        fixture = CatalogueFixture.create();
        sku = fixture.sku(fixture.linenShirt, "Navy", "S");
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    private static void assertProblem(Http.Reply reply, int status) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().getInt("status")).isEqualTo(status);
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("java.");
    }

    /** Lines of stack trace in the test server's log. */
    private static long stackLines() throws IOException {
        Path log = Path.of(System.getProperty("it.domain.dir"), "logs", "server.log");
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(l -> l.startsWith("\tat ")).count();
        }
    }

    @Test
    void malformedOrMistypedJsonIs400WithoutAStackTrace() throws Exception {
        long before = stackLines();
        for (String body :
                new String[] {
                    "{",
                    "[]",
                    "\"just a string\"",
                    "{\"sku\":\"" + sku + "\",\"quantity\":\"abc\"}",
                    "{\"sku\":\"" + sku + "\",\"quantity\":1.5}",
                    "{\"sku\":\"" + sku + "\",\"quantity\":1e10}",
                    "{\"sku\":\"" + sku + "\\u0000\",\"quantity\":1}",
                }) {
            assertProblem(Http.post("/api/v1/cart/lines", body), 400);
        }
        Http.Reply checkout =
                Http.post(
                        "/api/v1/checkout",
                        "{\"email\":\"a@example.in\",\"shippingAddress\":\"x\",\"lines\":[]}",
                        "Idempotency-Key",
                        UUID.randomUUID().toString());
        assertProblem(checkout, 400);
        String key = fixture.issueTerminal("T1");
        assertProblem(
                Http.post(
                        "/api/v1/reservations", "{\"lines\":{}}", "Authorization", "Bearer " + key),
                400);
        assertThat(stackLines()).as("no stack trace logged for bad input").isEqualTo(before);
    }

    @Test
    void aNulCharacterAnywhereIs400AndARefusedEventIsStillKept() throws Exception {
        for (String path :
                new String[] {
                    "/api/v1/products?brand=%00",
                    "/api/v1/products?size=a%00",
                    "/api/v1/products?colour=%00",
                    "/api/v1/products?category=%00",
                    "/api/v1/inventory/live?sku=%00",
                }) {
            assertProblem(Http.get(path), 400);
        }
        String key = fixture.issueTerminal("T1");
        String eventId = fixture.token + "-nul\\u0000";
        Http.Reply event =
                Http.post(
                        "/api/v1/pos/events",
                        "{\"eventId\":\"%s\",\"storeCode\":\"%s\",\"terminalId\":\"T1\",\"occurredAt\":\"2026-11-26T10:00:00Z\",\"type\":\"SALE\",\"lines\":[{\"sku\":\"%s\",\"quantity\":1}]}"
                                .formatted(eventId, fixture.storeCode(), sku),
                        "Authorization",
                        "Bearer " + key);
        assertProblem(event, 400);
        assertThat(
                        fixture.single(
                                "SELECT count(*) FROM pos_dead_letter WHERE event_id LIKE ?",
                                fixture.token + "-nul%"))
                .as("the refused event is kept for staff")
                .isEqualTo("1");

        String marker = fixture.token + "-webhook";
        Http.Reply webhook =
                Http.post(
                        "/api/v1/payments/stripe/webhook",
                        "{\"id\":\"" + marker + "\",\"x\":\"\\u0000\0\"}",
                        "Stripe-Signature",
                        "t=1,v1=00");
        assertProblem(webhook, 400);
        assertThat(
                        fixture.single(
                                "SELECT count(*) FROM payment_event WHERE body LIKE ?",
                                "%" + marker + "%"))
                .as("the refused webhook is kept")
                .isEqualTo("1");
    }

    @Test
    void bodiesBeyondTheLimitAre413AndNothingIsEchoed() throws Exception {
        String big = "x".repeat(100 * 1024);
        assertProblem(
                Http.post("/api/v1/cart/lines", "{\"sku\":\"" + big + "\",\"quantity\":1}"), 413);

        // The same without a length announced (chunked) is refused as well.
        HttpResponse<String> chunked =
                CLIENT.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/cart/lines"))
                                .header("Content-Type", "application/json")
                                .POST(
                                        HttpRequest.BodyPublishers.ofInputStream(
                                                () ->
                                                        new java.io.ByteArrayInputStream(
                                                                ("{\"sku\":\"" + big + "\"}")
                                                                        .getBytes())))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);

        // A NUL in a page's form field is refused before the page sees it.
        Http.Reply nulForm = Http.postForm("/register.xhtml", "register%3Aname=a%00b");
        assertThat(nulForm.status()).isEqualTo(400);
        assertThat(nulForm.contentType()).startsWith("text/html");

        // A page's form beyond its limit: 413 with a page that says so.
        Http.Reply form = Http.postForm("/sign-in.xhtml", "email=" + "y".repeat(300 * 1024));
        assertThat(form.status()).isEqualTo(413);
        assertThat(form.contentType()).startsWith("text/html");

        // An unknown SKU of 20,000 characters is not sent back in the answer.
        String unknown =
                RawHttp.exchange(
                        "GET /api/v1/inventory/"
                                + "Z".repeat(20_000)
                                + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(unknown).matches("(?s)HTTP/1\\.1 4\\d\\d .*");
        assertThat(unknown.length()).isLessThan(2_000);
        // Within the listener's limits, a long unknown SKU is not echoed either.
        Http.Reply longSku = Http.get("/api/v1/inventory/" + "Z".repeat(2_000));
        assertThat(longSku.status()).isEqualTo(404);
        assertThat(longSku.json().getString("detail")).doesNotContain("ZZZZ");

        // A checkout or a bag of a thousand lines is refused as a whole, quickly.
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            lines.append(i == 0 ? "" : ",")
                    .append("{\"sku\":\"S")
                    .append(i)
                    .append("\",\"quantity\":1}");
        }
        Http.Reply many =
                Http.post(
                        "/api/v1/checkout",
                        "{\"email\":\"a@example.in\",\"lines\":[" + lines + "]}",
                        "Idempotency-Key",
                        UUID.randomUUID().toString());
        assertProblem(many, 400);
        assertThat(many.body().length()).isLessThan(4_000);
    }

    @Test
    void traceIsRefusedAndItsBodyIsNeverReadAsASecondRequest() {
        String smuggled = "GET /api/v1/brands HTTP/1.1\r\nHost: localhost\r\n\r\n";
        String raw =
                RawHttp.exchange(
                        "TRACE / HTTP/1.1\r\nHost: localhost\r\nContent-Length: "
                                + smuggled.length()
                                + "\r\n\r\n"
                                + smuggled);
        assertThat(raw).startsWith("HTTP/1.1 405");
        assertThat(RawHttp.answers(raw)).as(raw).isEqualTo(1);
    }

    @Test
    void aMethodAResourceLacksIs405WithAllowAndAGetWithABodyIsAProblem() throws Exception {
        HttpResponse<String> put =
                CLIENT.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/brands"))
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString("{}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(put.headers().firstValue("Allow")).get().asString().contains("GET");
        assertThat(put.headers().firstValue("Content-Type"))
                .get()
                .asString()
                .startsWith("application/problem+json");

        String raw =
                RawHttp.exchange(
                        "GET /api/v1/brands HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                                + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
        assertThat(raw).startsWith("HTTP/1.1 400");
        assertThat(raw).contains("application/problem+json").contains("take no body");
    }

    @Test
    void pagesRefuseViewStateOnAGetAndErrorPagesSearchByGet() {
        Http.Reply stateless = Http.get("/c/women?jakarta.faces.ViewState=stateless");
        assertThat(stateless.status()).isEqualTo(400);
        Http.Reply bogus = Http.get("/search?q=shirt&jakarta.faces.ViewState=x");
        assertThat(bogus.status()).isEqualTo(400);

        Http.Reply missing = Http.get("/p/no-such-product-" + fixture.token);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body())
                .contains("action=\"/search\"")
                .doesNotContainPattern("action=\"[^\"]*WEB-INF");
    }

    @Test
    void aStripeWebhookWithoutItsHeaderSaysSoPlainly() {
        Http.Reply reply = Http.post("/api/v1/payments/stripe/webhook", "{\"id\":\"evt_1\"}");
        assertProblem(reply, 400);
        assertThat(reply.json().getString("detail")).contains("Stripe-Signature");
        assertThat(reply.body()).doesNotContain("null");

        Http.Reply unknown = Http.post("/api/v1/payments/nobody/webhook", "{}");
        assertProblem(unknown, 404);
        assertThat(unknown.body()).doesNotContain("nobody\"");
    }
}
