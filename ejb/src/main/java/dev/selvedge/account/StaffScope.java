package dev.selvedge.account;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a member of staff may do, from their roles and the locations they work at: ADMIN anything;
 * WAREHOUSE, STORE_MANAGER and STORE_ASSOCIATE the parcels of their locations; CUSTOMER_SERVICE
 * (and ADMIN) every order, and cancel. The server checks it on every page and action.
 */
public record StaffScope(Set<Role> roles, Set<String> locations) {

    /** The roles that work parcels at a location. */
    public static final Set<Role> AT_A_LOCATION =
            EnumSet.of(Role.WAREHOUSE, Role.STORE_MANAGER, Role.STORE_ASSOCIATE);

    /** Nobody: what an unknown or non-staff account may do. */
    public static StaffScope none() {
        return new StaffScope(EnumSet.noneOf(Role.class), Set.of());
    }

    public boolean admin() {
        return roles.contains(Role.ADMIN);
    }

    /** Whether they may see and work the parcels of this location. */
    public boolean worksAt(String locationCode) {
        return admin()
                || (locationCode != null
                        && locations.contains(locationCode)
                        && roles.stream().anyMatch(AT_A_LOCATION::contains));
    }

    /** Whether they may see every order and cancel one (with a reason). */
    public boolean servesCustomers() {
        return admin() || roles.contains(Role.CUSTOMER_SERVICE);
    }
}
