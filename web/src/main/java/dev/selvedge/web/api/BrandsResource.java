package dev.selvedge.web.api;

import dev.selvedge.catalog.CatalogService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The brands the shop carries, by name. */
@Path("/brands")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class BrandsResource {

    @Inject private CatalogService catalog;

    public record BrandJson(String slug, String name, String description) {}

    @GET
    public List<BrandJson> brands() {
        return catalog.brands().stream()
                .map(b -> new BrandJson(b.getSlug(), b.getName(), b.getDescription()))
                .toList();
    }
}
