package dev.selvedge.customer;

import dev.selvedge.account.AccountService;
import dev.selvedge.shared.Rejected;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;

/** A shopper's saved addresses: the first one saved is the default until another is chosen. */
@Stateless
public class AddressBook {

    static final int MAX_ADDRESSES = 20;

    @PersistenceContext(unitName = "shop")
    private EntityManager em;

    @EJB private AccountService accounts;

    @Inject private Clock clock;

    public List<Address> of(String email) {
        return em.createNamedQuery("Address.ofAccount", Address.class)
                .setParameter("account", accountId(email))
                .getResultList();
    }

    /** Saves an address (checked field by field); the first becomes the default. */
    public Address add(String email, PostalAddress address, boolean makeDefault) {
        PostalAddress checked = address.checked();
        List<Address> existing = of(email);
        if (existing.size() >= MAX_ADDRESSES) {
            throw new Rejected(
                    422, "You can keep up to " + MAX_ADDRESSES + " addresses; remove one first.");
        }
        Address saved = new Address(accountId(email), checked, clock.instant());
        em.persist(saved);
        if (makeDefault || existing.isEmpty()) {
            existing.forEach(a -> a.setDefault(false));
            saved.setDefault(true);
        }
        return saved;
    }

    public void makeDefault(String email, long id) {
        List<Address> all = of(email);
        if (all.stream().noneMatch(a -> a.getId() == id)) {
            throw new Rejected(404, "No such address in your account");
        }
        all.forEach(a -> a.setDefault(a.getId() == id));
    }

    public void remove(String email, long id) {
        List<Address> all = of(email);
        Address gone =
                all.stream()
                        .filter(a -> a.getId() == id)
                        .findFirst()
                        .orElseThrow(() -> new Rejected(404, "No such address in your account"));
        em.remove(gone);
        if (gone.isDefault()) {
            all.stream().filter(a -> a != gone).findFirst().ifPresent(a -> a.setDefault(true));
        }
    }

    private long accountId(String email) {
        return accounts.find(email)
                .orElseThrow(() -> new Rejected(404, "No account " + email))
                .getId();
    }
}
