package dev.selvedge.it;

import java.io.File;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every integration test deploys: the application exactly as the build packaged it, run as a
 * client of the test server (testable = false), and where that server serves it.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class ShopDeployment {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ear();
    }

    public static EnterpriseArchive ear() {
        File ear = new File(System.getProperty("selvedge.ear", "target/selvedge.ear"));
        return ShrinkWrap.create(ZipImporter.class, "selvedge.ear")
                .importFrom(ear)
                .as(EnterpriseArchive.class);
    }

    public static String baseUrl() {
        return "http://localhost:" + System.getProperty("it.http.port", "8080");
    }
}
