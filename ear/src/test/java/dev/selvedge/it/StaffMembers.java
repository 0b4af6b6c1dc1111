package dev.selvedge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Members of staff made the way an admin makes them: the Staff page's form, then the member's own
 * emailed link to choose a password.
 */
final class StaffMembers {

    static final String PASSWORD = "Selvedge staff member 2026!";

    private StaffMembers() {}

    /** A client signed in to the back office; the answer's redirect in {@code landing}. */
    record SignedIn(FormClient client, String landing) {}

    static SignedIn signIn(String email, String password) throws Exception {
        FormClient client = new FormClient();
        client.get("/staff-login.xhtml");
        FormClient.Page page =
                client.submit("staff", "sign-in", Map.of("email", email, "password", password));
        assertThat(page.status()).as("signed in " + email + ": " + page.html()).isEqualTo(302);
        return new SignedIn(client, page.location());
    }

    static SignedIn admin() throws Exception {
        return signIn(System.getProperty("it.staff.user"), System.getProperty("it.staff.password"));
    }

    /** The Staff page's answer to adding a member (its growl says what happened). */
    static String add(FormClient admin, String email, String role, String location)
            throws Exception {
        admin.get("/admin/staff.xhtml");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("email", email);
        fields.put("name", "Member " + role);
        fields.put("roles", role);
        if (location != null) {
            fields.put("locations", location);
        }
        return admin.submit("addForm", "add", fields).html();
    }

    /** A new member with one role (and location), who chose a password: their email. */
    static String create(GreenMailExtension smtp, FormClient admin, String role, String location)
            throws Exception {
        String email =
                role.toLowerCase().replace('_', '-')
                        + "-"
                        + UUID.randomUUID().toString().substring(0, 8)
                        + "@selvedge.test";
        assertThat(add(admin, email, role, location)).contains("is emailed a link");
        var invitation = Mailbox.await(smtp, email, 1);
        assertThat(invitation.getSubject()).isEqualTo("Your Selvedge back office account");
        String link = Mailbox.link(invitation, "/reset-password.xhtml?token=");
        FormClient member = new FormClient();
        member.get(link);
        FormClient.Page done =
                member.submit(
                        "reset",
                        "submit",
                        Map.of(
                                "password",
                                PASSWORD,
                                "token",
                                link.substring(link.indexOf("token=") + 6)));
        if (done.status() == 302) {
            done = member.get(done.location());
        }
        assertThat(done.html()).as(done.html()).contains("Your password is changed");
        return email;
    }
}
