package dev.selvedge.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The REST API for the mobile app, the POS middleware and CRM tools; versioned in the path. */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Selvedge API",
                        version = "1",
                        description =
                                "Catalogue of the Selvedge shop. Prices are in rupees (INR); errors are"
                                        + " RFC 9457 problem details (application/problem+json)."))
public class ApiApplication extends Application {

    /** No WADL: the API is described by its OpenAPI document, and strangers need neither more. */
    @Override
    public java.util.Map<String, Object> getProperties() {
        return java.util.Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
