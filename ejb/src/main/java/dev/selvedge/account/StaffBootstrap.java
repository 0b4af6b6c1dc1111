package dev.selvedge.account;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The first administrator of an installation: when {@code selvedge.staff.bootstrap.email} and
 * {@code .password} are set (server-config sets them for the demo and the tests), that account
 * exists at start with this password and the ADMIN role. Other staff are added from there.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class StaffBootstrap {

    private static final Logger LOG = Logger.getLogger(StaffBootstrap.class.getName());

    @EJB private AccountService accounts;

    @Inject
    @ConfigProperty(name = "selvedge.staff.bootstrap.email")
    private Optional<String> email;

    @Inject
    @ConfigProperty(name = "selvedge.staff.bootstrap.password")
    private Optional<String> password;

    @PostConstruct
    void bootstrap() {
        if (email.isPresent() && password.isPresent()) {
            accounts.ensureStaff(
                    email.get(), "Administrator", password.get(), EnumSet.of(Role.ADMIN));
            LOG.info("Staff account " + email.get() + " is ready (ADMIN)");
        }
    }
}
