package dev.selvedge.it;

import org.jboss.arquillian.container.spi.event.DeployManagedDeployments;
import org.jboss.arquillian.container.spi.event.UnDeployManagedDeployments;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Deploys the shop once for the whole run instead of once per test class. Every class deploys the
 * same EAR as a client (testable = false), and a deployment costs 7 to 8 s on this machine, which
 * over some twenty classes was a third of the suite. The test server is thrown away after the run
 * (server-config/test.sh), so nothing undeploys it. Tests must therefore not rely on a fresh
 * application: each makes its own data (CatalogueFixture's token) and leaves shared settings as it
 * found them.
 */
public class DeployOnce implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Guard.class);
    }

    public static class Guard {

        // One JVM runs all the integration tests (failsafe's single fork).
        private static boolean deployed;

        public void deploy(
                @Observes(precedence = 100) EventContext<DeployManagedDeployments> event) {
            if (!deployed) {
                event.proceed();
                deployed = true;
            }
        }

        public void undeploy(
                @Observes(precedence = 100) EventContext<UnDeployManagedDeployments> event) {
            // Kept for the next class.
        }
    }
}
