package dev.selvedge.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The application exactly as the build packaged it, and where the test server serves it. */
public final class ShopDeployment {

    private ShopDeployment() {}

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
