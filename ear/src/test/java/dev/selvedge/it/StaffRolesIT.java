package dev.selvedge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Staff roles (issue #12), each checked on the server: an admin adds members on the Staff page and
 * each chooses a password from the emailed link; WAREHOUSE works its warehouse's parcels only,
 * STORE_ASSOCIATE and STORE_MANAGER their store's, CUSTOMER_SERVICE sees every order and no
 * location; pages and printables of others are refused whatever the address typed.
 */
class StaffRolesIT extends ShopDeployment {

    @RegisterExtension static GreenMailExtension smtp = Mailbox.smtp();

    private CatalogueFixture fixture;
    private String sku;
    private String warehouse;
    private String store;

    @BeforeEach
    void data() throws Exception {
        fixture = CatalogueFixture.create();
        sku = fixture.sku(fixture.oxfordShirt, "Navy", "L");
        store = fixture.storeCode();
        warehouse = fixture.addWarehouse();
        fixture.stockAt(sku, store, 0);
        fixture.stockAt(sku, warehouse, 5);
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    /** A paid delivery order, allocated to the warehouse: its parcel's id. */
    private String[] warehouseOrder() throws Exception {
        Http.Reply placed =
                Http.post(
                        "/api/v1/checkout",
                        """
                        {"email":"roles-%s@example.in",
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
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        String number = placed.json().getString("orderNumber");
        String parcel = "";
        long deadline = System.currentTimeMillis() + 20_000;
        while (parcel.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            String id =
                    fixture.single(
                            "SELECT s.id FROM shipment s JOIN customer_order o ON o.id = s.order_id"
                                    + " WHERE o.order_number = ?",
                            number);
            parcel = id == null ? "" : id;
        }
        assertThat(parcel).as("allocated").isNotEmpty();
        return new String[] {number, parcel};
    }

    private static int status(FormClient client, String path) throws Exception {
        return client.get(path).status();
    }

    @Test
    void eachRoleSeesAndDoesOnlyItsOwn() throws Exception {
        FormClient admin = StaffMembers.admin().client();
        // Roles must fit their locations.
        assertThat(
                        StaffMembers.add(
                                admin,
                                "odd-" + fixture.token + "@selvedge.test",
                                "STORE_ASSOCIATE",
                                warehouse))
                .contains("is a warehouse: give a WAREHOUSE role to work there");
        assertThat(
                        StaffMembers.add(
                                admin,
                                "none-" + fixture.token + "@selvedge.test",
                                "WAREHOUSE",
                                null))
                .contains("need a location");

        String picker = StaffMembers.create(smtp, admin, "WAREHOUSE", warehouse);
        String associate = StaffMembers.create(smtp, admin, "STORE_ASSOCIATE", store);
        String manager = StaffMembers.create(smtp, admin, "STORE_MANAGER", store);
        String service = StaffMembers.create(smtp, admin, "CUSTOMER_SERVICE", null);
        // The Staff page lists them with their roles and locations.
        String members = admin.get("/admin/staff.xhtml").html();
        assertThat(members).contains(picker, "[WAREHOUSE]", "[" + warehouse + "]", service);

        String[] order = warehouseOrder();
        String number = order[0];
        String slip = "/admin/parcels/" + order[1] + "/slip.pdf";

        // WAREHOUSE: lands on fulfilment, sees the warehouse's parcel and prints its slip.
        StaffMembers.SignedIn w = StaffMembers.signIn(picker, StaffMembers.PASSWORD);
        assertThat(w.landing()).endsWith("/admin/fulfilment.xhtml");
        String page = w.client().get("/admin/fulfilment.xhtml?location=" + warehouse).html();
        assertThat(page)
                .contains("<h1>Fulfilment · " + warehouse + "</h1>", number)
                .doesNotContain("parkedForm");
        assertThat(status(w.client(), slip)).isEqualTo(200);
        // Asking for the store's page shows their own warehouse instead.
        assertThat(w.client().get("/admin/fulfilment.xhtml?location=" + store).html())
                .contains("<h1>Fulfilment · " + warehouse + "</h1>")
                .doesNotContain("<h1>Fulfilment · " + store + "</h1>");
        assertThat(status(w.client(), "/admin/orders.xhtml")).isEqualTo(403);
        assertThat(status(w.client(), "/admin/stock.xhtml")).isEqualTo(403);
        assertThat(status(w.client(), "/admin/staff.xhtml")).isEqualTo(403);

        // STORE_ASSOCIATE and STORE_MANAGER: their store, never the warehouse's parcel.
        for (String member : new String[] {associate, manager}) {
            StaffMembers.SignedIn s = StaffMembers.signIn(member, StaffMembers.PASSWORD);
            assertThat(s.landing()).endsWith("/admin/fulfilment.xhtml");
            String own = s.client().get("/admin/fulfilment.xhtml?location=" + warehouse).html();
            assertThat(own).contains("<h1>Fulfilment · " + store + "</h1>").doesNotContain(number);
            assertThat(s.client().get("/admin/pick-list.xhtml?location=" + warehouse).html())
                    .contains("<h1>Pick list · " + store + "</h1>")
                    .doesNotContain(number);
            assertThat(status(s.client(), slip)).isEqualTo(404);
            assertThat(status(s.client(), "/admin/orders.xhtml")).isEqualTo(403);
            assertThat(status(s.client(), "/admin/pos.xhtml")).isEqualTo(403);
        }

        // CUSTOMER_SERVICE: every order, no location, no payment switches.
        StaffMembers.SignedIn cs = StaffMembers.signIn(service, StaffMembers.PASSWORD);
        assertThat(cs.landing()).endsWith("/admin/orders.xhtml");
        String orders = cs.client().get("/admin/orders.xhtml").html();
        assertThat(orders).contains("ordersForm").doesNotContain("methodsForm");
        assertThat(status(cs.client(), "/admin/fulfilment.xhtml")).isEqualTo(403);
        assertThat(status(cs.client(), slip)).isEqualTo(403);
        assertThat(status(cs.client(), "/admin/mail.xhtml")).isEqualTo(403);

        // ADMIN: everything.
        assertThat(status(admin, "/admin/fulfilment.xhtml?location=" + warehouse)).isEqualTo(200);
        assertThat(status(admin, slip)).isEqualTo(200);
        assertThat(status(admin, "/admin/orders.xhtml")).isEqualTo(200);
    }
}
