package dev.selvedge.web.api;

import dev.selvedge.catalog.CatalogService;
import dev.selvedge.catalog.CategoryNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The category tree; a category's path is what {@code GET /products?category=} takes. */
@Path("/categories")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class CategoriesResource {

    @Inject private CatalogService catalog;

    @GET
    public List<CategoryNode> categories() {
        return catalog.categoryTree();
    }
}
