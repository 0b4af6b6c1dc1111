package dev.selvedge.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Random;

/**
 * A small catalogue of its own for each test class, written straight into the test database under a
 * random token: a category tree {@code <token>/shirts}, {@code <token>/jeans}, two brands and three
 * products, so that counts can be asserted exactly whatever else the database holds.
 *
 * <pre>
 * Linen Shirt  (alpha) Navy S,M,L + White S,M,L  ₹1,999   Navy M out of stock
 * Oxford Shirt (beta)  Navy M,L                  ₹2,499 on sale ₹1,799
 * Denim Jeans  (beta)  Indigo 30,32              ₹2,999   all out of stock
 * </pre>
 */
public final class CatalogueFixture implements AutoCloseable {

    public final String token;
    public final String alpha;
    public final String beta;
    public final String linenShirt;
    public final String oxfordShirt;
    public final String denimJeans;
    private final Connection db;

    private CatalogueFixture(Connection db, String token) {
        this.db = db;
        this.token = token;
        this.alpha = token + "-alpha";
        this.beta = token + "-beta";
        this.linenShirt = alpha + "-linen-shirt-" + token;
        this.oxfordShirt = beta + "-oxford-shirt-" + token;
        this.denimJeans = beta + "-denim-jeans-" + token;
    }

    public static CatalogueFixture create() throws SQLException {
        Random random = new Random();
        StringBuilder token = new StringBuilder("it");
        for (int i = 0; i < 6; i++) {
            token.append((char) ('a' + random.nextInt(26)));
        }
        Connection db =
                DriverManager.getConnection(
                        System.getProperty("it.db.url"),
                        System.getProperty("it.db.user"),
                        System.getProperty("it.db.password"));
        CatalogueFixture fixture = new CatalogueFixture(db, token.toString());
        fixture.write();
        return fixture;
    }

    private void write() throws SQLException {
        String t = token;
        String title = t.substring(0, 1).toUpperCase(Locale.ROOT) + t.substring(1);
        long location =
                insert(
                        "location_seq",
                        "INSERT INTO location (id, code, name, kind, fulfils_online) VALUES (?, ?, ?, 'STORE', true)",
                        t.toUpperCase(Locale.ROOT),
                        title + " store");
        long brandA =
                insert(
                        "brand_seq",
                        "INSERT INTO brand (id, slug, name, description) VALUES (?, ?, ?, 'Test brand')",
                        alpha,
                        title + " Alpha");
        long brandB =
                insert(
                        "brand_seq",
                        "INSERT INTO brand (id, slug, name, description) VALUES (?, ?, ?, 'Test brand')",
                        beta,
                        title + " Beta");
        long root =
                insert(
                        "category_seq",
                        "INSERT INTO category (id, parent_id, slug, path, name, garment_type, position) VALUES (?, NULL, ?, ?, ?, NULL, 99)",
                        t,
                        t,
                        title);
        long shirts =
                insert(
                        "category_seq",
                        "INSERT INTO category (id, parent_id, slug, path, name, garment_type, position) VALUES (?, "
                                + root
                                + ", 'shirts', ?, 'Shirts', 'shirt', 0)",
                        t + "/shirts");
        long jeans =
                insert(
                        "category_seq",
                        "INSERT INTO category (id, parent_id, slug, path, name, garment_type, position) VALUES (?, "
                                + root
                                + ", 'jeans', ?, 'Jeans', 'jeans', 1)",
                        t + "/jeans");

        long linen =
                product(
                        linenShirt,
                        "Linen Shirt",
                        brandA,
                        shirts,
                        3,
                        title + " Alpha Linen Shirt Women Shirts Navy White linen");
        variant(linen, "S", 1, "Navy", "#1f2a44", 199_900, null, location, 3);
        variant(linen, "M", 2, "Navy", "#1f2a44", 199_900, null, location, 0);
        variant(linen, "L", 3, "Navy", "#1f2a44", 199_900, null, location, 3);
        variant(linen, "S", 1, "White", "#f5f5f0", 199_900, null, location, 3);
        variant(linen, "M", 2, "White", "#f5f5f0", 199_900, null, location, 3);
        variant(linen, "L", 3, "White", "#f5f5f0", 199_900, null, location, 3);
        image(linen, "Navy", "generated:shirt:#1f2a44:0");
        image(linen, "White", "generated:shirt:#f5f5f0:0");

        long oxford =
                product(
                        oxfordShirt,
                        "Oxford Shirt",
                        brandB,
                        shirts,
                        2,
                        title + " Beta Oxford Shirt Women Shirts Navy cotton");
        variant(oxford, "M", 2, "Navy", "#1f2a44", 249_900, 179_900L, location, 2);
        variant(oxford, "L", 3, "Navy", "#1f2a44", 249_900, 179_900L, location, 2);
        image(oxford, "Navy", "generated:shirt:#1f2a44:0");

        long denim =
                product(
                        denimJeans,
                        "Denim Jeans",
                        brandB,
                        jeans,
                        1,
                        title + " Beta Denim Jeans Women Jeans Indigo denim");
        variant(denim, "30", 10, "Indigo", "#2e3a87", 299_900, null, location, 0);
        variant(denim, "32", 11, "Indigo", "#2e3a87", 299_900, null, location, 0);
        image(denim, "Indigo", "generated:jeans:#2e3a87:0");

        long chart =
                insert(
                        "size_chart_seq",
                        "INSERT INTO size_chart (id, brand_id, category_id, fit_notes) VALUES (?, "
                                + brandA
                                + ", "
                                + shirts
                                + ", 'True to size.')");
        int position = 1;
        for (String size : new String[] {"S", "M", "L"}) {
            exec(
                    "INSERT INTO size_chart_measurement (size_chart_id, size_label, size_position, measure, cm) VALUES ("
                            + chart
                            + ", '"
                            + size
                            + "', "
                            + position
                            + ", 'Chest', "
                            + (86 + 5 * position)
                            + ")");
            position++;
        }
        // The typo dictionary, as the catalogue job builds it.
        exec(
                "INSERT INTO search_word (word, frequency) SELECT word, ndoc FROM ts_stat('SELECT to_tsvector(''simple'', search_text) FROM product') "
                        + "ON CONFLICT (word) DO UPDATE SET frequency = EXCLUDED.frequency");
    }

    private long product(
            String slug, String name, long brand, long category, int ageDays, String searchText)
            throws SQLException {
        return insert(
                "product_seq",
                "INSERT INTO product (id, slug, name, brand_id, category_id, gender, description, material, care, tags, created_at, search_text) "
                        + "VALUES (?, ?, ?, "
                        + brand
                        + ", "
                        + category
                        + ", 'WOMEN', 'A test product.', 'cotton', 'Wash cold.', '', now() - interval '"
                        + ageDays
                        + " days', ?)",
                slug,
                name,
                searchText);
    }

    private int skuCount;

    private void variant(
            long product,
            String size,
            int position,
            String colour,
            String hex,
            long price,
            Long sale,
            long location,
            int onHand)
            throws SQLException {
        String sku = token.toUpperCase(Locale.ROOT) + "-" + (++skuCount);
        String twelve =
                String.format(
                        "29%010d",
                        Math.floorMod((token.hashCode() * 100L) + skuCount, 10_000_000_000L));
        long variant =
                insert(
                        "variant_seq",
                        "INSERT INTO variant (id, product_id, sku, barcode, size_label, size_position, colour_name, colour_hex, price_minor, currency, sale_price_minor, sale_currency) "
                                + "VALUES (?, "
                                + product
                                + ", ?, ?, ?, "
                                + position
                                + ", ?, ?, "
                                + price
                                + ", 'INR', "
                                + sale
                                + ", "
                                + (sale == null ? "NULL" : "'INR'")
                                + ")",
                        sku,
                        twelve + ean13CheckDigit(twelve),
                        size,
                        colour,
                        hex);
        insert(
                "stock_level_seq",
                "INSERT INTO stock_level (id, variant_id, location_id, on_hand, reserved) VALUES (?, "
                        + variant
                        + ", "
                        + location
                        + ", "
                        + onHand
                        + ", 0)");
    }

    private void image(long product, String colour, String source) throws SQLException {
        insert(
                "product_image_seq",
                "INSERT INTO product_image (id, product_id, colour_name, position, source, alt_text) VALUES (?, "
                        + product
                        + ", ?, 0, ?, 'Test picture')",
                colour,
                source);
    }

    public long firstImageOf(String slug) throws SQLException {
        try (PreparedStatement st =
                db.prepareStatement(
                        "SELECT MIN(i.id) FROM product_image i JOIN product p ON p.id = i.product_id WHERE p.slug = ?")) {
            st.setString(1, slug);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Sets the stock of one SKU (by product, colour and size) at the fixture's store. */
    public void setStock(String slug, String colour, String size, int onHand, int reserved)
            throws SQLException {
        try (PreparedStatement st =
                db.prepareStatement(
                        "UPDATE stock_level s SET on_hand = ?, reserved = ? FROM variant v JOIN product p ON p.id = v.product_id"
                                + " WHERE s.variant_id = v.id AND p.slug = ? AND v.colour_name = ? AND v.size_label = ?")) {
            st.setInt(1, onHand);
            st.setInt(2, reserved);
            st.setString(3, slug);
            st.setString(4, colour);
            st.setString(5, size);
            if (st.executeUpdate() != 1) {
                throw new IllegalArgumentException(
                        "No stock level for " + slug + " " + colour + " " + size);
            }
        }
    }

    /** Issues an API key for a till of the fixture's store, as staff would. */
    public String issueTerminal(String terminalId) throws SQLException {
        String key =
                "pos_" + token + "_" + Long.toHexString(new Random().nextLong() & Long.MAX_VALUE);
        try (PreparedStatement st =
                db.prepareStatement(
                        "INSERT INTO pos_terminal (location_id, terminal_id, key_hash) SELECT id, ?,"
                                + " encode(sha256(convert_to(?, 'UTF8')), 'hex') FROM location WHERE code = ?")) {
            st.setString(1, terminalId);
            st.setString(2, key);
            st.setString(3, storeCode());
            st.executeUpdate();
        }
        return key;
    }

    /** Adds a warehouse that fulfils online orders; its code. */
    public String addWarehouse() throws SQLException {
        String code = storeCode() + "-WH";
        insert(
                "location_seq",
                "INSERT INTO location (id, code, name, kind, fulfils_online) VALUES (?, ?, ?, 'WAREHOUSE', true)",
                code,
                code + " warehouse");
        return code;
    }

    /** Sets on hand of a SKU at a location, creating the stock level if needed. */
    public void stockAt(String sku, String locationCode, int onHand) throws SQLException {
        try (PreparedStatement st =
                db.prepareStatement(
                        "INSERT INTO stock_level (id, variant_id, location_id, on_hand, reserved)"
                                + " SELECT nextval('stock_level_seq'), v.id, l.id, ?, 0 FROM variant v, location l"
                                + " WHERE v.sku = ? AND l.code = ?"
                                + " ON CONFLICT (variant_id, location_id) DO UPDATE SET on_hand = EXCLUDED.on_hand")) {
            st.setInt(1, onHand);
            st.setString(2, sku);
            st.setString(3, locationCode);
            if (st.executeUpdate() != 1) {
                throw new IllegalArgumentException(
                        "No SKU " + sku + " or location " + locationCode);
            }
        }
    }

    /** On hand and reserved of a SKU at a location: {onHand, reserved}. */
    public int[] level(String sku, String locationCode) throws SQLException {
        try (PreparedStatement st =
                db.prepareStatement(
                        "SELECT s.on_hand, s.reserved FROM stock_level s JOIN variant v ON v.id = s.variant_id"
                                + " JOIN location l ON l.id = s.location_id WHERE v.sku = ? AND l.code = ?")) {
            st.setString(1, sku);
            st.setString(2, locationCode);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? new int[] {rs.getInt(1), rs.getInt(2)} : new int[] {0, 0};
            }
        }
    }

    /** A till of the fixture's store (key from {@link #issueTerminal}) sells units of a SKU. */
    public Http.Reply tillSale(String key, String eventId, String sku, int quantity) {
        return Http.post(
                "/api/v1/pos/events",
                "{\"eventId\":\""
                        + eventId
                        + "\",\"storeCode\":\""
                        + storeCode()
                        + "\",\"terminalId\":\"T1\",\"occurredAt\":\"2026-11-26T10:00:00+05:30\","
                        + "\"type\":\"SALE\",\"lines\":[{\"sku\":\""
                        + sku
                        + "\",\"quantity\":"
                        + quantity
                        + "}]}",
                "Authorization",
                "Bearer " + key);
    }

    public String storeCode() {
        return token.toUpperCase(Locale.ROOT);
    }

    /** The SKU of a fixture product's variant. */
    public String sku(String slug, String colour, String size) throws SQLException {
        return single(
                "SELECT v.sku FROM variant v JOIN product p ON p.id = v.product_id"
                        + " WHERE p.slug = ? AND v.colour_name = ? AND v.size_label = ?",
                slug,
                colour,
                size);
    }

    public String barcode(String sku) throws SQLException {
        return single("SELECT barcode FROM variant WHERE sku = ?", sku);
    }

    /** Runs a query that gives one value. */
    public String single(String sql, Object... values) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                st.setObject(i + 1, values[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Asks the query until it gives {@code expected} (at most 30 s); what it gave last. */
    public String await(String sql, String expected, Object... values) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        String now = single(sql, values);
        while (!expected.equals(now) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            now = single(sql, values);
        }
        return now;
    }

    /** Runs an update. */
    public void execute(String sql, Object... values) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                st.setObject(i + 1, values[i]);
            }
            st.executeUpdate();
        }
    }

    public Connection connection() {
        return db;
    }

    /** Opens or closes the fixture's store to online orders. */
    public void sellOnline(boolean online) throws SQLException {
        exec(
                "UPDATE location SET fulfils_online = "
                        + online
                        + " WHERE code = '"
                        + token.toUpperCase(Locale.ROOT)
                        + "'");
    }

    static int ean13CheckDigit(String twelve) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (twelve.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return (10 - sum % 10) % 10;
    }

    /**
     * An id from the application's sequence: a value nextval hands out is never inside a block
     * EclipseLink took from the same sequence, so fixture rows and application rows never collide.
     */
    private long id(String sequence) throws SQLException {
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT nextval('" + sequence + "')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long insert(String sequence, String sql, Object... values) throws SQLException {
        long id = id(sequence);
        try (PreparedStatement st = db.prepareStatement(sql)) {
            int i = 1;
            if (sql.contains("VALUES (?")) {
                st.setLong(i++, id);
            }
            for (Object v : values) {
                st.setObject(i++, v);
            }
            st.executeUpdate();
        }
        return id;
    }

    private void exec(String sql) throws SQLException {
        try (Statement st = db.createStatement()) {
            st.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
