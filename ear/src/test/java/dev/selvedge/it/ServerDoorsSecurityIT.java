package dev.selvedge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.Test;

/**
 * The server as the scripts leave it (security review, issue #10, "the server"): only the HTTP
 * listeners face the network; the admin wants its password, JMX wants credentials, no secret is a
 * system property or sits in domain.xml, and the shop reaches PostgreSQL as its own role.
 */
class ServerDoorsSecurityIT extends ShopDeployment {

    private static final Path DOMAIN = Path.of(System.getProperty("it.domain.dir"));

    /** Every port the server's process listens on, with the address it is bound to. */
    private static List<String> listening() throws Exception {
        String pid = Files.readString(DOMAIN.resolve("config/pid")).strip();
        Process ss = new ProcessBuilder("ss", "-ltnpH").redirectErrorStream(true).start();
        String out = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ss.waitFor()).isZero();
        return out.lines()
                .filter(l -> l.contains("pid=" + pid + ","))
                .map(l -> l.trim().split("\\s+")[3])
                .toList();
    }

    @Test
    void onlyTheHttpListenersFaceTheNetwork() throws Exception {
        String http = System.getProperty("it.http.port");
        String https = System.getProperty("it.https.port");
        List<String> sockets = listening();
        assertThat(sockets).as("the server listens").isNotEmpty();
        assertThat(sockets)
                .filteredOn(a -> !a.endsWith(":" + http) && !a.endsWith(":" + https))
                .as("admin, JMX, JMS, IIOP and the data grid on loopback only")
                .isNotEmpty()
                .allSatisfy(
                        a ->
                                assertThat(a)
                                        .matches(
                                                "(127\\.0\\.0\\.1|\\[::ffff:127\\.0\\.0\\.1\\]|\\[::1\\]):\\d+"));
    }

    @Test
    void theAdminWantsItsPasswordAndHoldsNoSecretInSystemProperties() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String url =
                "http://127.0.0.1:"
                        + System.getProperty("it.admin.port")
                        + "/management/domain/servers/server/server/system-properties";
        HttpResponse<String> anonymous =
                client.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Accept", "application/json")
                                .header("X-Requested-By", "it")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);

        String basic =
                Base64.getEncoder()
                        .encodeToString(
                                ("admin:" + System.getenv("IT_ADMIN_PASSWORD"))
                                        .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> admin =
                client.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Accept", "application/json")
                                .header("X-Requested-By", "it")
                                .header("Authorization", "Basic " + basic)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(admin.statusCode()).as(admin.body()).isEqualTo(200);
        assertThat(admin.body())
                .contains("selvedge.staff.bootstrap.email")
                .doesNotContain("bootstrap.password")
                .doesNotContain("secret")
                .doesNotContain(System.getProperty("it.staff.password"));

        String domainXml = Files.readString(DOMAIN.resolve("config/domain.xml"));
        assertThat(domainXml)
                .contains("${ALIAS=shop-db-password}")
                .doesNotContain(System.getProperty("it.staff.password"))
                .doesNotContain("sk_test_selvedge_it");
    }

    @Test
    void jmxRefusesAnonymousConnections() throws Exception {
        String domainXml = Files.readString(DOMAIN.resolve("config/domain.xml"));
        java.util.regex.Matcher port =
                java.util.regex.Pattern.compile("<jmx-connector[^>]*port=\"(\\d+)\"")
                        .matcher(domainXml);
        assertThat(port.find()).isTrue();
        JMXServiceURL url =
                new JMXServiceURL(
                        "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port.group(1) + "/jmxrmi");
        assertThatThrownBy(() -> mbeans(url, Map.of()))
                .as("anonymous")
                .isInstanceOf(Exception.class);
        assertThatThrownBy(
                        () ->
                                mbeans(
                                        url,
                                        Map.of(
                                                JMXConnector.CREDENTIALS,
                                                new String[] {"admin", "not-the-password"})))
                .as("a wrong password")
                .isInstanceOf(Exception.class);
        assertThat(
                        mbeans(
                                url,
                                Map.of(
                                        JMXConnector.CREDENTIALS,
                                        new String[] {
                                            "admin", System.getenv("IT_ADMIN_PASSWORD")
                                        })))
                .as("the admin gets in")
                .isPositive();
    }

    private static int mbeans(JMXServiceURL url, Map<String, ?> credentials) throws Exception {
        try (JMXConnector connector = JMXConnectorFactory.connect(url, credentials)) {
            return connector.getMBeanServerConnection().getMBeanCount();
        }
    }

    @Test
    void theShopConnectsAsItsOwnRoleThatIsNoSuperuser() throws Exception {
        try (CatalogueFixture fixture = CatalogueFixture.create()) {
            assertThat(
                            fixture.single(
                                    "SELECT string_agg(DISTINCT a.usename || ':' || r.rolsuper, ',') FROM pg_stat_activity a"
                                            + " JOIN pg_roles r ON r.rolname = a.usename"
                                            + " WHERE a.datname = current_database() AND a.pid <> pg_backend_pid()"
                                            + " AND a.usename <> current_user"))
                    .isEqualTo("selvedge_test:false");
        }
    }
}
