package dev.selvedge.web.shop;

import dev.selvedge.catalog.CatalogService;
import dev.selvedge.catalog.ProductQuery;
import dev.selvedge.catalog.SearchResult.ProductCard;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Set;

/** The home page: the newest arrivals and the way into each department. */
@Named
@RequestScoped
public class HomePage {

    @Inject private CatalogService catalog;

    private List<ProductCard> newArrivals;

    public List<ProductCard> getNewArrivals() {
        if (newArrivals == null) {
            newArrivals =
                    catalog.search(
                                    new ProductQuery(
                                            "",
                                            null,
                                            Set.of(),
                                            Set.of(),
                                            Set.of(),
                                            null,
                                            null,
                                            true,
                                            ProductQuery.Sort.NEWEST,
                                            1,
                                            8))
                            .items();
        }
        return newArrivals;
    }
}
