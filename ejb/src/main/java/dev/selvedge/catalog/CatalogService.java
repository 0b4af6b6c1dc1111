package dev.selvedge.catalog;

import dev.selvedge.catalog.ProductDetail.Crumb;
import dev.selvedge.catalog.ProductDetail.ImageView;
import dev.selvedge.catalog.ProductDetail.SizeChartView;
import dev.selvedge.catalog.ProductDetail.VariantView;
import dev.selvedge.inventory.InventoryService;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads of the catalogue for the storefront and the API: brands, categories, product pages. */
@Stateless
public class CatalogService {

    @PersistenceContext(unitName = "shop")
    private EntityManager em;

    @Inject private InventoryService inventory;

    @Inject private ProductSearch search;

    public List<Brand> brands() {
        return em.createNamedQuery("Brand.all", Brand.class).getResultList();
    }

    /** The category tree, roots first, children in their set order. */
    public List<CategoryNode> categoryTree() {
        List<Category> all = em.createNamedQuery("Category.all", Category.class).getResultList();
        Map<Long, List<Category>> byParent = new LinkedHashMap<>();
        for (Category c : all) {
            Long parent = c.getParent() == null ? null : c.getParent().getId();
            byParent.computeIfAbsent(parent, k -> new ArrayList<>()).add(c);
        }
        return nodes(byParent, null);
    }

    private static List<CategoryNode> nodes(Map<Long, List<Category>> byParent, Long parent) {
        return byParent.getOrDefault(parent, List.of()).stream()
                .sorted((a, b) -> Integer.compare(a.getPosition(), b.getPosition()))
                .map(
                        c ->
                                new CategoryNode(
                                        c.getPath(),
                                        c.getSlug(),
                                        c.getName(),
                                        nodes(byParent, c.getId())))
                .toList();
    }

    /** The trail of the category at a path, root first; empty when no category has that path. */
    public List<Crumb> categoryTrail(String path) {
        return em.createNamedQuery("Category.findByPath", Category.class)
                .setParameter("path", path)
                .getResultStream()
                .findFirst()
                .map(c -> c.trail().stream().map(t -> new Crumb(t.getPath(), t.getName())).toList())
                .orElse(List.of());
    }

    public SearchResult search(ProductQuery query) {
        return search.search(query);
    }

    /** Up to eight suggestions for what a shopper is typing: brands first, then product names. */
    public List<String> suggestions(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.length() < 2 || text.length() > 100) {
            return List.of();
        }
        List<String> suggestions =
                new ArrayList<>(
                        em.createQuery(
                                        "SELECT b.name FROM Brand b WHERE LOWER(b.name) LIKE :prefix ORDER BY b.name",
                                        String.class)
                                .setParameter(
                                        "prefix",
                                        text.toLowerCase(java.util.Locale.ROOT).replace("%", "")
                                                + "%")
                                .setMaxResults(3)
                                .getResultList());
        ProductQuery query =
                new ProductQuery(
                        text,
                        null,
                        java.util.Set.of(),
                        java.util.Set.of(),
                        java.util.Set.of(),
                        null,
                        null,
                        false,
                        ProductQuery.Sort.RELEVANCE,
                        1,
                        8);
        search.search(query).items().stream()
                .map(SearchResult.ProductCard::name)
                .filter(name -> !suggestions.contains(name))
                .limit(8L - suggestions.size())
                .forEach(suggestions::add);
        return suggestions;
    }

    public Optional<ProductDetail> product(String slug) {
        return em.createNamedQuery("Product.findBySlug", Product.class)
                .setParameter("slug", slug)
                .getResultStream()
                .findFirst()
                .map(this::detail);
    }

    private ProductDetail detail(Product p) {
        List<Variant> variants = p.getVariants();
        Map<String, Integer> available =
                inventory.availableOnline(variants.stream().map(Variant::getSku).toList());
        List<VariantView> variantViews =
                variants.stream()
                        .sorted(
                                (a, b) ->
                                        a.getColour().name().equals(b.getColour().name())
                                                ? Integer.compare(
                                                        a.getSize().position(),
                                                        b.getSize().position())
                                                : a.getColour()
                                                        .name()
                                                        .compareTo(b.getColour().name()))
                        .map(
                                v ->
                                        new VariantView(
                                                v.getSku(),
                                                v.getBarcode().value(),
                                                v.getSize().label(),
                                                v.getColour().name(),
                                                v.getColour().hex(),
                                                v.getPrice().minorUnits(),
                                                v.getSalePrice() == null
                                                        ? null
                                                        : v.getSalePrice().minorUnits(),
                                                available.getOrDefault(v.getSku(), 0)))
                        .toList();
        List<ImageView> images =
                p.getImages().stream()
                        .map(i -> new ImageView(i.getId(), i.getColourName(), i.getAltText()))
                        .toList();
        SizeChartView chart =
                em.createNamedQuery("SizeChart.forBrandAndCategory", SizeChart.class)
                        .setParameter("brand", p.getBrand())
                        .setParameter("category", p.getCategory())
                        .getResultStream()
                        .findFirst()
                        .map(s -> new SizeChartView(s.measureNames(), s.rows(), s.getFitNotes()))
                        .orElse(null);
        return new ProductDetail(
                p.getSlug(),
                p.getName(),
                p.getBrand().getName(),
                p.getBrand().getSlug(),
                p.getCategory().trail().stream()
                        .map(c -> new Crumb(c.getPath(), c.getName()))
                        .toList(),
                p.getGender().name(),
                p.getDescription(),
                p.getMaterial(),
                p.getCare(),
                p.tagList(),
                variants.isEmpty() ? "INR" : variants.get(0).getPrice().currency(),
                variantViews,
                images,
                chart);
    }

    /** The SKUs that exist, each as a bag line shows it; unknown SKUs are left out. */
    public Map<String, ItemView> items(java.util.Collection<String> skus) {
        Map<String, ItemView> items = new LinkedHashMap<>();
        if (skus.isEmpty()) {
            return items;
        }
        List<Variant> variants =
                em.createQuery(
                                "SELECT v FROM Variant v JOIN FETCH v.product WHERE v.sku IN :skus",
                                Variant.class)
                        .setParameter("skus", skus)
                        .getResultList();
        for (Variant v : variants) {
            Product p = v.getProduct();
            String colour = v.getColour().name();
            List<ItemView.SizeOption> sizes =
                    p.getVariants().stream()
                            .filter(o -> o.getColour().name().equals(colour))
                            .sorted(
                                    (a, b) ->
                                            Integer.compare(
                                                    a.getSize().position(), b.getSize().position()))
                            .map(
                                    o ->
                                            new ItemView.SizeOption(
                                                    o.getSku(),
                                                    o.getSize().label(),
                                                    o.getAvailableOnline()))
                            .toList();
            Long image =
                    p.getImages().stream()
                            .filter(i -> colour.equals(i.getColourName()))
                            .findFirst()
                            .or(() -> p.getImages().stream().findFirst())
                            .map(ProductImage::getId)
                            .orElse(null);
            items.put(
                    v.getSku(),
                    new ItemView(
                            v.getSku(),
                            p.getSlug(),
                            p.getBrand().getName(),
                            p.getName(),
                            colour,
                            v.getSize().label(),
                            image,
                            v.getPrice().minorUnits(),
                            v.getSalePrice() == null ? null : v.getSalePrice().minorUnits(),
                            v.getPrice().currency(),
                            v.getAvailableOnline(),
                            sizes));
        }
        return items;
    }

    /** Where a picture comes from, for the media pipeline; empty when no such image exists. */
    public Optional<String> imageSource(long imageId) {
        return Optional.ofNullable(em.find(ProductImage.class, imageId))
                .map(ProductImage::getSource);
    }

    /** Words in the typo-correction dictionary; zero until it has been built. */
    public long searchWordCount() {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM search_word").getSingleResult())
                .longValue();
    }

    public long productCount() {
        return em.createNamedQuery("Product.count", Long.class).getSingleResult();
    }

    /** The SKU a scanned or typed code names: a SKU itself, or a variant's EAN-13 barcode. */
    public Optional<String> skuOf(String code) {
        if (code == null || code.isBlank() || code.length() > 64) {
            return Optional.empty();
        }
        String typed = code.strip();
        @SuppressWarnings("unchecked")
        List<String> found =
                em.createNativeQuery(
                                "SELECT sku FROM variant WHERE sku = ?1"
                                        + " UNION SELECT sku FROM variant WHERE ?2 AND barcode = ?1")
                        .setParameter(1, typed)
                        .setParameter(2, typed.matches("\\d{13}"))
                        .getResultList();
        return found.stream().findFirst();
    }
}
