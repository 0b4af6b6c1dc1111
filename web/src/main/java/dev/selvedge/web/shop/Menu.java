package dev.selvedge.web.shop;

import dev.selvedge.catalog.CatalogService;
import dev.selvedge.catalog.CategoryNode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The category navigation of the shop header. */
@Named
@RequestScoped
public class Menu {

    @Inject private CatalogService catalog;

    private List<CategoryNode> tree;

    public List<CategoryNode> getTree() {
        if (tree == null) {
            tree = catalog.categoryTree();
        }
        return tree;
    }
}
