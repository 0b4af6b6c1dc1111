package dev.selvedge.account;

import dev.selvedge.inventory.Location;
import dev.selvedge.inventory.LocationKind;
import dev.selvedge.notification.Mailbox;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The shop's staff: who they are, their roles and the locations they work at. An admin adds a
 * member with an email; the new member chooses a password through an emailed link (nobody else ever
 * knows it). Store roles work at stores, WAREHOUSE at warehouses, each at one or more.
 */
@Stateless
public class StaffDirectory {

    /** A member of staff as the Staff page lists them. */
    public record Member(
            String email,
            String fullName,
            Set<Role> roles,
            List<String> locations,
            boolean active) {}

    @PersistenceContext(unitName = "shop")
    private EntityManager em;

    @EJB private AccountService accounts;
    @Inject private Mailbox mail;
    @Inject private Clock clock;

    @Inject
    @ConfigProperty(name = "selvedge.public-url", defaultValue = "http://localhost:8080")
    private String publicUrl;

    /** What this account may do (nothing when it is no staff account). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public StaffScope scope(String email) {
        if (email == null) {
            return StaffScope.none();
        }
        return accounts.find(email)
                .map(a -> new StaffScope(a.getRoles(), Set.copyOf(locationsOf(a.getId()))))
                .orElse(StaffScope.none());
    }

    /** Every member of staff, by email. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Member> list() {
        return em.createQuery(
                        "SELECT DISTINCT a FROM Account a JOIN a.roles r WHERE r <> :customer ORDER BY a.email",
                        Account.class)
                .setParameter("customer", Role.CUSTOMER)
                .setMaxResults(1000)
                .getResultStream()
                .map(
                        a ->
                                new Member(
                                        a.getEmail(),
                                        a.getFullName(),
                                        a.getRoles(),
                                        locationsOf(a.getId()),
                                        a.isVerified()))
                .toList();
    }

    /**
     * Adds a member of staff and emails them a link to choose their password (valid 72 hours).
     * Refused with the reason when the email is taken or the roles and locations do not fit.
     */
    public void add(String email, String fullName, Set<Role> roles, Set<String> locations) {
        String address = Account.normalise(email);
        if (!AccountService.isEmail(address) || address.length() > 254) {
            throw new StaffRefused("Type the member's work email address.");
        }
        String name = fullName == null ? "" : fullName.strip();
        if (name.isEmpty() || name.length() > 120) {
            throw new StaffRefused("Type the member's name (up to 120 characters).");
        }
        if (accounts.find(address).isPresent()) {
            throw new StaffRefused(address + " has an account already; change its roles instead.");
        }
        List<Location> at = check(roles, locations);
        Account account =
                new Account(
                        address,
                        name,
                        accounts.unusablePasswordHash(),
                        EnumSet.copyOf(roles),
                        clock.instant());
        em.persist(account);
        em.flush();
        place(account.getId(), at);
        String token = accounts.invitationToken(account);
        mail.send(
                address,
                "Your Selvedge back office account",
                "Hello "
                        + name
                        + ",\n\nYou have a Selvedge back office account ("
                        + String.join(", ", roles.stream().map(Role::name).sorted().toList())
                        + (at.isEmpty()
                                ? ""
                                : " at "
                                        + String.join(
                                                ", ", at.stream().map(Location::getCode).toList()))
                        + ").\nChoose your password with this link (it works once, for 72 hours):\n\n"
                        + publicUrl
                        + "/reset-password.xhtml?token="
                        + token
                        + "\n\nThen sign in at "
                        + publicUrl
                        + "/staff-login.xhtml with this email address.\n");
    }

    /** Changes a member's roles and locations (their password stays theirs). */
    public void change(String email, Set<Role> roles, Set<String> locations) {
        Account account =
                accounts.find(Account.normalise(email))
                        .filter(a -> a.getRoles().stream().anyMatch(Role::isStaff))
                        .orElseThrow(() -> new StaffRefused("No member of staff " + email));
        List<Location> at = check(roles, locations);
        account.replaceRoles(roles);
        em.createNativeQuery("DELETE FROM staff_location WHERE account_id = ?1")
                .setParameter(1, account.getId())
                .executeUpdate();
        place(account.getId(), at);
    }

    /** The locations asked for, when the roles fit them. */
    private List<Location> check(Set<Role> roles, Set<String> locations) {
        if (roles == null || roles.isEmpty() || roles.contains(Role.CUSTOMER)) {
            throw new StaffRefused("Choose at least one staff role.");
        }
        Set<String> codes = locations == null ? Set.of() : new LinkedHashSet<>(locations);
        List<Location> at =
                codes.stream()
                        .map(
                                code ->
                                        em.createNamedQuery("Location.findByCode", Location.class)
                                                .setParameter("code", code)
                                                .getResultStream()
                                                .findFirst()
                                                .orElseThrow(
                                                        () ->
                                                                new StaffRefused(
                                                                        "No location " + code)))
                        .toList();
        boolean storeRole =
                roles.contains(Role.STORE_MANAGER) || roles.contains(Role.STORE_ASSOCIATE);
        boolean warehouseRole = roles.contains(Role.WAREHOUSE);
        if ((storeRole || warehouseRole) && at.isEmpty()) {
            throw new StaffRefused(
                    "Choose where they work: store and warehouse roles need a location.");
        }
        for (Location l : at) {
            boolean fits =
                    (l.getKind() == LocationKind.STORE && storeRole)
                            || (l.getKind() == LocationKind.WAREHOUSE && warehouseRole);
            if (!fits) {
                throw new StaffRefused(
                        l.getCode()
                                + " is a "
                                + l.getKind().name().toLowerCase()
                                + ": give a "
                                + (l.getKind() == LocationKind.STORE
                                        ? "store role"
                                        : "WAREHOUSE role")
                                + " to work there");
            }
        }
        return at;
    }

    private void place(long accountId, List<Location> at) {
        for (Location l : at) {
            em.createNativeQuery(
                            "INSERT INTO staff_location (account_id, location_id) VALUES (?1, ?2)")
                    .setParameter(1, accountId)
                    .setParameter(2, l.getId())
                    .executeUpdate();
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> locationsOf(long accountId) {
        return List.copyOf(
                new TreeSet<String>(
                        em.createNativeQuery(
                                        "SELECT l.code FROM staff_location s JOIN location l ON l.id = s.location_id"
                                                + " WHERE s.account_id = ?1")
                                .setParameter(1, accountId)
                                .getResultList()));
    }
}
