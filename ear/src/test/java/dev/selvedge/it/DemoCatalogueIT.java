package dev.selvedge.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selvedge.catalog.demo.DemoCatalogue;
import dev.selvedge.catalog.demo.DemoCatalogue.ProductSpec;
import dev.selvedge.catalog.demo.DemoCatalogue.VariantSpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo-catalogue job as the test domain runs it (demo mode on): it seeds exactly what the
 * generator describes, once, even when an earlier deployment was undeployed in the middle of it.
 */
class DemoCatalogueIT extends ShopDeployment {

    private static final String DEMO = "p.slug ~ '-sv[0-9]{5}$'";

    @BeforeAll
    static void waitUntilSeeded() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(6));
        Http.Reply ready = Http.get("/health/ready");
        while (!ready.body().contains("\"status\":\"UP\"") && Instant.now().isBefore(deadline)) {
            Thread.sleep(2000);
            ready = Http.get("/health/ready");
        }
        assertThat(ready.status()).as(ready.body()).isEqualTo(200);
    }

    private static Connection db() throws SQLException {
        return DriverManager.getConnection(
                System.getProperty("it.db.url"),
                System.getProperty("it.db.user"),
                System.getProperty("it.db.password"));
    }

    private static long count(String sql) throws SQLException {
        try (Connection db = db();
                ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void seedsExactlyWhatTheGeneratorDescribes() throws SQLException {
        List<ProductSpec> specs =
                IntStream.range(0, DemoCatalogue.PRODUCTS)
                        .mapToObj(DemoCatalogue::product)
                        .toList();
        long skus = specs.stream().mapToLong(p -> p.variants().size()).sum();
        long pictures = specs.stream().mapToLong(p -> p.colours().size() * 3L).sum();

        assertThat(count("SELECT COUNT(*) FROM product p WHERE " + DEMO))
                .isEqualTo(DemoCatalogue.PRODUCTS);
        assertThat(
                        count(
                                "SELECT COUNT(*) FROM variant v JOIN product p ON p.id = v.product_id WHERE "
                                        + DEMO))
                .isEqualTo(skus)
                .isGreaterThanOrEqualTo(20_000);
        assertThat(
                        count(
                                "SELECT COUNT(*) FROM product_image i JOIN product p ON p.id = i.product_id WHERE "
                                        + DEMO))
                .isEqualTo(pictures);
        assertThat(
                        count(
                                "SELECT COUNT(*) FROM stock_level s JOIN variant v ON v.id = s.variant_id"
                                        + " JOIN product p ON p.id = v.product_id WHERE "
                                        + DEMO))
                .isEqualTo(skus * 3);
        assertThat(count("SELECT COUNT(DISTINCT p.brand_id) FROM product p WHERE " + DEMO))
                .isGreaterThanOrEqualTo(50);
        assertThat(
                        count(
                                "SELECT COUNT(*) FROM location WHERE code IN ('BLR-01', 'MUM-01', 'WH-01')"))
                .isEqualTo(3);
        // Each colour of a product has its own picture of the garment in that colour.
        assertThat(
                        count(
                                "SELECT COUNT(*) FROM (SELECT product_id, colour_name FROM product_image i JOIN product p"
                                        + " ON p.id = i.product_id WHERE "
                                        + DEMO
                                        + " GROUP BY product_id, colour_name"
                                        + " HAVING COUNT(DISTINCT source) <> 3) odd"))
                .isZero();
    }

    @Test
    void writesEachProductAsItsSpecification() throws SQLException {
        ProductSpec spec = DemoCatalogue.product(1234);
        try (Connection db = db();
                PreparedStatement st =
                        db.prepareStatement(
                                "SELECT p.name, v.sku, v.barcode, v.price_minor, v.sale_price_minor,"
                                        + " (SELECT SUM(s.on_hand) FROM stock_level s WHERE s.variant_id = v.id)"
                                        + " FROM product p JOIN variant v ON v.product_id = p.id"
                                        + " WHERE p.slug LIKE ? ORDER BY v.sku")) {
            st.setString(1, "%-" + spec.styleCode().toLowerCase());
            try (ResultSet rs = st.executeQuery()) {
                List<VariantSpec> variants =
                        spec.variants().stream()
                                .sorted((a, b) -> a.sku().compareTo(b.sku()))
                                .toList();
                for (VariantSpec v : variants) {
                    assertThat(rs.next()).as("row for " + v.sku()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo(spec.name());
                    assertThat(rs.getString(2)).isEqualTo(v.sku());
                    assertThat(rs.getString(3)).startsWith(v.twelveDigits()).hasSize(13);
                    assertThat(rs.getLong(4)).isEqualTo(spec.priceMinor());
                    assertThat((Long) rs.getObject(5, Long.class)).isEqualTo(spec.salePriceMinor());
                    assertThat(rs.getInt(6)).isEqualTo(IntStream.of(v.stock()).sum());
                }
                assertThat(rs.next()).isFalse();
            }
        }
    }

    @Test
    void answersSearchesOnTheDemoCatalogueWithTypos() {
        Http.Reply reply =
                Http.get("/api/v1/products?q=denm&category=men/bottomwear/jeans&pageSize=5");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().getString("correctedQuery")).isEqualTo("denim");
        assertThat(reply.json().getInt("total")).isPositive();
    }
}
