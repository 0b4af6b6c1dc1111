package dev.selvedge.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StaffScopeTest {

    @Test
    void locationRolesWorkOnlyWhereTheyWork() {
        StaffScope associate = new StaffScope(EnumSet.of(Role.STORE_ASSOCIATE), Set.of("BLR-01"));
        assertThat(associate.worksAt("BLR-01")).isTrue();
        assertThat(associate.worksAt("WH-01")).isFalse();
        assertThat(associate.worksAt(null)).isFalse();
        assertThat(associate.servesCustomers()).isFalse();
        assertThat(associate.admin()).isFalse();
    }

    @Test
    void customerServiceSeesOrdersButWorksNowhere() {
        StaffScope service = new StaffScope(EnumSet.of(Role.CUSTOMER_SERVICE), Set.of("BLR-01"));
        assertThat(service.servesCustomers()).isTrue();
        assertThat(service.worksAt("BLR-01")).isFalse();
    }

    @Test
    void anAdminDoesEverythingAndNobodyNothing() {
        StaffScope admin = new StaffScope(EnumSet.of(Role.ADMIN), Set.of());
        assertThat(admin.worksAt("ANY")).isTrue();
        assertThat(admin.servesCustomers()).isTrue();
        StaffScope none = StaffScope.none();
        assertThat(none.worksAt("BLR-01")).isFalse();
        assertThat(none.servesCustomers()).isFalse();
        StaffScope shopper = new StaffScope(EnumSet.of(Role.CUSTOMER), Set.of("BLR-01"));
        assertThat(shopper.worksAt("BLR-01")).isFalse();
    }
}
