package dev.selvedge.payment;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** The payment methods staff have switched off in the back office. */
@Stateless
public class GatewaySwitches {

    @PersistenceContext(unitName = "shop")
    private EntityManager em;

    public boolean isSwitchedOff(String gateway) {
        return !em.createNativeQuery(
                        "SELECT 1 FROM payment_gateway_setting WHERE gateway = ?1 AND NOT enabled")
                .setParameter(1, gateway)
                .getResultList()
                .isEmpty();
    }

    public void set(String gateway, boolean enabled, String staff) {
        em.createNativeQuery(
                        "INSERT INTO payment_gateway_setting (gateway, enabled, changed_by) VALUES (?1, ?2, ?3)"
                                + " ON CONFLICT (gateway) DO UPDATE SET enabled = EXCLUDED.enabled,"
                                + " changed_by = EXCLUDED.changed_by, changed_at = now()")
                .setParameter(1, gateway)
                .setParameter(2, enabled)
                .setParameter(3, staff)
                .executeUpdate();
    }

    /** Gateways switched off: name to who switched it off. */
    public List<Object[]> switchedOff() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(
                                "SELECT gateway, changed_by FROM payment_gateway_setting WHERE NOT enabled")
                        .getResultList();
        return rows;
    }
}
