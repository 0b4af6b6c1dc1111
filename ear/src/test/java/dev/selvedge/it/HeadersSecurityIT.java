package dev.selvedge.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every answer carries the security headers, over HTTP/1.1 and HTTP/2 alike, announces no server
 * version, and the session cookie is Secure, HttpOnly and SameSite=Lax (security review, issue #10,
 * "headers and transport").
 */
class HeadersSecurityIT extends ShopDeployment {

    private CatalogueFixture fixture;

    @BeforeEach
    void data() throws Exception {
        fixture = CatalogueFixture.create();
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    private static void assertSecurityHeaders(String what, java.net.http.HttpHeaders headers) {
        assertThat(headers.firstValue("X-Content-Type-Options")).as(what).contains("nosniff");
        assertThat(headers.firstValue("X-Frame-Options")).as(what).contains("DENY");
        assertThat(String.join("; ", headers.allValues("Content-Security-Policy")))
                .as(what)
                .contains("frame-ancestors 'none'")
                .contains("object-src 'none'");
        assertThat(headers.firstValue("Referrer-Policy"))
                .as(what)
                .contains("strict-origin-when-cross-origin");
        assertThat(headers.firstValue("X-Powered-By")).as(what).isEmpty();
        assertThat(headers.firstValue("Server").orElse(""))
                .as(what)
                .doesNotContainIgnoringCase("payara")
                .doesNotMatch(".*\\d.*");
    }

    @Test
    void pagesApiPicturesAndErrorsCarryTheHeaders() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long image = fixture.firstImageOf(fixture.linenShirt);
        for (String path :
                List.of(
                        "/",
                        "/sign-in.xhtml",
                        "/api/v1/brands",
                        "/media/" + image + "/320.jpg",
                        "/p/no-such-product",
                        "/api/v1/products/no-such-product")) {
            HttpResponse<Void> reply =
                    client.send(
                            HttpRequest.newBuilder(URI.create(baseUrl() + path)).build(),
                            HttpResponse.BodyHandlers.discarding());
            assertThat(reply.statusCode()).as(path).isIn(200, 404);
            assertSecurityHeaders(path, reply.headers());
        }
    }

    @Test
    void pagesRunOnlyScriptsOfTheShopOrWithThePagesNonce() throws Exception {
        HttpResponse<String> page =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(baseUrl() + "/")).build(),
                                HttpResponse.BodyHandlers.ofString());
        String policy = String.join("; ", page.headers().allValues("Content-Security-Policy"));
        java.util.regex.Matcher nonce =
                java.util.regex.Pattern.compile("'nonce-([^']+)'").matcher(policy);
        assertThat(policy).contains("script-src 'self'");
        assertThat(page.headers().allValues("Set-Cookie"))
                .as("browsing starts no session, nonce or not")
                .noneMatch(c -> c.startsWith("JSESSIONID"));
        assertThat(nonce.find()).as(policy).isTrue();
        assertThat(page.body())
                .as("every inline script carries the nonce")
                .doesNotContainPattern(
                        "<script(?![^>]*(src=|nonce=|type=\"application/(ld\\+)?json))[^>]*>")
                .doesNotContainPattern(" on(click|change|submit|load)=\"");
    }

    @Test
    void overHttp2OnHttpsTheHeadersStay() throws Exception {
        SSLContext trustAll = SSLContext.getInstance("TLS");
        trustAll.init(null, new TrustManager[] {TRUST_ALL}, null);
        HttpClient h2 =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_2)
                        .sslContext(trustAll)
                        .build();
        String https = "https://localhost:" + System.getProperty("it.https.port");
        for (String path : List.of("/", "/admin/stock.xhtml", "/api/v1/brands")) {
            HttpResponse<Void> reply =
                    h2.send(
                            HttpRequest.newBuilder(URI.create(https + path)).build(),
                            HttpResponse.BodyHandlers.discarding());
            assertThat(reply.version()).as(path).isEqualTo(HttpClient.Version.HTTP_2);
            assertSecurityHeaders(path, reply.headers());
            assertThat(reply.headers().firstValue("Strict-Transport-Security"))
                    .as("HSTS only with selvedge.https-only, which a real deployment sets")
                    .isEmpty();
        }
    }

    @Test
    void httpsServesTheCertificateMadeForThisMachineNotPayarasDefault() throws Exception {
        SSLContext trustAll = SSLContext.getInstance("TLS");
        trustAll.init(null, new TrustManager[] {TRUST_ALL}, null);
        try (javax.net.ssl.SSLSocket socket =
                (javax.net.ssl.SSLSocket)
                        trustAll.getSocketFactory()
                                .createSocket(
                                        "localhost",
                                        Integer.parseInt(System.getProperty("it.https.port")))) {
            socket.startHandshake();
            X509Certificate served = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            java.security.KeyStore keystore = java.security.KeyStore.getInstance("PKCS12");
            try (var in =
                    java.nio.file.Files.newInputStream(
                            java.nio.file.Path.of(
                                    System.getProperty("it.domain.dir"),
                                    "config",
                                    "keystore.p12"))) {
                keystore.load(in, "changeit".toCharArray());
            }
            assertThat(served)
                    .as("the certificate server-config made, not Payara's s1as")
                    .isEqualTo(keystore.getCertificate("selvedge-tls"))
                    .isNotEqualTo(keystore.getCertificate("s1as"));
            assertThat(served.getSubjectAlternativeNames().toString()).contains("localhost");
            assertThat(socket.getSession().getProtocol()).isIn("TLSv1.2", "TLSv1.3");
        }
    }

    private static final X509TrustManager TRUST_ALL =
            new X509TrustManager() {
                public void checkClientTrusted(X509Certificate[] c, String a) {}

                public void checkServerTrusted(X509Certificate[] c, String a) {}

                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            };

    @Test
    void strangersSeeWhatAShopperNeedsAndNoMore() throws Exception {
        assertThat(Http.get("/metrics").status()).as("JVM figures").isIn(403, 404);
        assertThat(Http.get("/api/v1/application.wadl").status()).isEqualTo(404);
        String sku = fixture.sku(fixture.linenShirt, "Navy", "S");
        Http.Reply stranger = Http.get("/api/v1/inventory/" + sku);
        assertThat(stranger.status()).isEqualTo(200);
        assertThat(stranger.json().getInt("available")).isEqualTo(3);
        assertThat(stranger.json().containsKey("locations")).as(stranger.body()).isFalse();
        assertThat(
                        Http.get(
                                        "/api/v1/inventory/" + sku,
                                        "Authorization",
                                        "Bearer forged-key-0123456789")
                                .status())
                .isEqualTo(401);
        String key = fixture.issueTerminal("T1");
        Http.Reply till = Http.get("/api/v1/inventory/" + sku, "Authorization", "Bearer " + key);
        assertThat(till.json().getJsonArray("locations")).isNotEmpty();
    }

    @Test
    void theSessionCookieIsSecureHttpOnlyAndSameSiteLax() {
        // The sign-in page keeps view state, so it starts a session.
        Http.Reply page = Http.get("/sign-in.xhtml");
        List<String> cookies = page.headers().getOrDefault("set-cookie", List.of());
        String session =
                cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertThat(session)
                .containsIgnoringCase("Secure")
                .containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Lax");
        assertThat(cookies).allSatisfy(c -> assertThat(c).containsIgnoringCase("Secure"));
    }
}
