package dev.selvedge.catalog.demo;

import dev.selvedge.catalog.Barcode;
import dev.selvedge.catalog.Brand;
import dev.selvedge.catalog.Category;
import dev.selvedge.catalog.Colour;
import dev.selvedge.catalog.Gender;
import dev.selvedge.catalog.Product;
import dev.selvedge.catalog.SearchWords;
import dev.selvedge.catalog.Size;
import dev.selvedge.catalog.SizeChart;
import dev.selvedge.catalog.Variant;
import dev.selvedge.catalog.demo.DemoCatalogue.BrandSpec;
import dev.selvedge.catalog.demo.DemoCatalogue.CategorySpec;
import dev.selvedge.catalog.demo.DemoCatalogue.ColourSpec;
import dev.selvedge.catalog.demo.DemoCatalogue.LocationSpec;
import dev.selvedge.catalog.demo.DemoCatalogue.ProductSpec;
import dev.selvedge.catalog.demo.DemoCatalogue.VariantSpec;
import dev.selvedge.inventory.Location;
import dev.selvedge.inventory.LocationKind;
import dev.selvedge.inventory.StockLevel;
import dev.selvedge.shared.Money;
import dev.selvedge.shared.Slugs;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Writes the demo catalogue. Every write checks what exists first, so running the job again, or
 * resuming it after a crash, never duplicates a brand, category or product.
 */
@Stateless
public class DemoSeeding {

    @PersistenceContext(unitName = "shop")
    private EntityManager em;

    @Resource(lookup = "jdbc/shop")
    private DataSource dataSource;

    @Inject private SearchWords searchWords;

    public void seedReferenceData() {
        Map<String, Brand> brands = brandsBySlug();
        for (BrandSpec spec : DemoCatalogue.brands()) {
            if (!brands.containsKey(Slugs.of(spec.name()))) {
                Brand brand = new Brand(spec.name(), spec.description());
                em.persist(brand);
                brands.put(brand.getSlug(), brand);
            }
        }
        Map<String, Category> categories = categoriesByPath();
        int position = 0;
        for (CategorySpec spec : DemoCatalogue.categories()) {
            String path = DemoCatalogue.path(spec);
            if (!categories.containsKey(path)) {
                Category parent =
                        spec.parentPath() == null ? null : categories.get(spec.parentPath());
                Category category = new Category(parent, spec.name(), spec.garmentType(), position);
                em.persist(category);
                categories.put(path, category);
            }
            position++;
        }
        Set<String> locations =
                new HashSet<>(
                        em.createQuery("SELECT l.code FROM Location l", String.class)
                                .getResultList());
        for (LocationSpec spec : DemoCatalogue.locations()) {
            if (!locations.contains(spec.code())) {
                em.persist(
                        new Location(
                                spec.code(), spec.name(), LocationKind.valueOf(spec.kind()), true));
            }
        }
        em.flush();
        seedSizeCharts(brands, categories);
    }

    private void seedSizeCharts(Map<String, Brand> brands, Map<String, Category> categories) {
        Set<String> charted =
                new HashSet<>(
                        em.createQuery(
                                        "SELECT CONCAT(s.brand.slug, '|', s.category.path) FROM SizeChart s",
                                        String.class)
                                .getResultList());
        for (BrandSpec brandSpec : DemoCatalogue.brands()) {
            Brand brand = brands.get(Slugs.of(brandSpec.name()));
            for (CategorySpec leaf : DemoCatalogue.leaves()) {
                Category category = categories.get(DemoCatalogue.path(leaf));
                if (charted.contains(brand.getSlug() + "|" + category.getPath())) {
                    continue;
                }
                SizeChart chart = new SizeChart(brand, category, fitNotes(brandSpec.fitOffsetCm()));
                for (int s = 0; s < leaf.sizes().size(); s++) {
                    for (int m = 0; m < leaf.measures().size(); m++) {
                        double base = leaf.baseCm().get(m) + (m == 0 ? brandSpec.fitOffsetCm() : 0);
                        double step =
                                m == 0 ? 5.0 : Math.max(0.5, Math.round(base * 0.03 * 2) / 2.0);
                        chart.measure(
                                new Size(leaf.sizes().get(s), s),
                                leaf.measures().get(m),
                                BigDecimal.valueOf(base + s * step).setScale(1));
                    }
                }
                em.persist(chart);
            }
        }
    }

    private static String fitNotes(int offset) {
        if (offset < 0) {
            return "Runs small: if you are between sizes, take the larger one.";
        }
        if (offset > 0) {
            return "Generous cut: if you are between sizes, take the smaller one.";
        }
        return "True to size. Measurements are of the body the garment is made for.";
    }

    /** Persists the products not yet present, with variants, pictures and stock. */
    public int writeProducts(List<ProductSpec> specs) {
        List<BrandSpec> brandSpecs = DemoCatalogue.brands();
        Map<String, String> slugs = new HashMap<>();
        for (ProductSpec spec : specs) {
            String brand = brandSpecs.get(spec.brandIndex()).name();
            slugs.put(
                    Slugs.of(brand + " " + spec.name() + " " + spec.styleCode()), spec.styleCode());
        }
        Set<String> existing =
                new HashSet<>(
                        em.createNamedQuery("Product.slugsIn", String.class)
                                .setParameter("slugs", slugs.keySet())
                                .getResultList());
        Map<String, Brand> brands = brandsBySlug();
        Map<String, Category> categories = categoriesByPath();
        List<Location> locations =
                em.createNamedQuery("Location.all", Location.class).getResultList();
        Map<String, Location> locationByCode = new HashMap<>();
        locations.forEach(l -> locationByCode.put(l.getCode(), l));
        int written = 0;
        for (ProductSpec spec : specs) {
            Brand brand = brands.get(Slugs.of(brandSpecs.get(spec.brandIndex()).name()));
            Product product =
                    new Product(
                            spec.name(),
                            spec.styleCode(),
                            brand,
                            categories.get(spec.categoryPath()),
                            Gender.valueOf(spec.gender()),
                            spec.description(),
                            spec.createdAt());
            if (existing.contains(product.getSlug())) {
                continue;
            }
            product.describe(spec.material(), spec.care(), spec.tags());
            for (VariantSpec v : spec.variants()) {
                Colour colour = new Colour(v.colour().name(), v.colour().hex());
                Variant variant =
                        product.addVariant(
                                v.sku(),
                                Barcode.fromTwelveDigits(v.twelveDigits()),
                                new Size(v.size(), v.sizePosition()),
                                colour,
                                new Money(spec.priceMinor(), "INR"));
                if (spec.salePriceMinor() != null) {
                    variant.markDown(new Money(spec.salePriceMinor(), "INR"));
                }
            }
            for (ColourSpec c : spec.colours()) {
                Colour colour = new Colour(c.name(), c.hex());
                String[] views = {"front", "back", "close-up"};
                for (int view = 0; view < views.length; view++) {
                    product.addImage(
                            colour,
                            "generated:" + spec.garmentType() + ":" + c.hex() + ":" + view,
                            brand.getName()
                                    + " "
                                    + spec.name()
                                    + " in "
                                    + c.name()
                                    + ", "
                                    + views[view]);
                }
            }
            em.persist(product);
            for (int i = 0; i < spec.variants().size(); i++) {
                int[] stock = spec.variants().get(i).stock();
                for (int l = 0; l < stock.length; l++) {
                    em.persist(
                            new StockLevel(
                                    product.getVariants().get(i),
                                    locationByCode.get(DemoCatalogue.locationCode(l)),
                                    stock[l]));
                }
            }
            written++;
        }
        return written;
    }

    public int refreshSearchWords() {
        try (Connection connection = dataSource.getConnection()) {
            return searchWords.refresh(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not refresh the search dictionary", e);
        }
    }

    public long productCount() {
        return em.createNamedQuery("Product.count", Long.class).getSingleResult();
    }

    private Map<String, Brand> brandsBySlug() {
        Map<String, Brand> brands = new HashMap<>();
        em.createNamedQuery("Brand.all", Brand.class)
                .getResultList()
                .forEach(b -> brands.put(b.getSlug(), b));
        return brands;
    }

    private Map<String, Category> categoriesByPath() {
        Map<String, Category> categories = new HashMap<>();
        em.createNamedQuery("Category.all", Category.class)
                .getResultList()
                .forEach(c -> categories.put(c.getPath(), c));
        return categories;
    }
}
