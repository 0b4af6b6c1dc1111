package dev.selvedge.web.shop;

import dev.selvedge.catalog.CatalogService;
import dev.selvedge.catalog.ProductDetail;
import dev.selvedge.catalog.ProductDetail.ImageView;
import dev.selvedge.catalog.ProductDetail.VariantView;
import dev.selvedge.catalog.SizeMeasurement;
import dev.selvedge.shared.JsonObjects;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/** The product page at {@code /p/<slug>?colour=}: gallery, colours, sizes, size chart, price. */
@Named
@RequestScoped
public class ProductPage {

    @Inject private CatalogService catalog;

    private ProductDetail product;
    private String colour;

    /** Runs as the view action, before rendering, so that a 404 can still be sent. */
    public void load() {
        ExternalContext context = FacesContext.getCurrentInstance().getExternalContext();
        String slug = (String) context.getRequestMap().get(ShopUrlFilter.PRODUCT);
        product = slug == null ? null : catalog.product(slug).orElse(null);
        if (product == null || product.variants().isEmpty()) {
            try {
                context.responseSendError(404, "No such product");
                FacesContext.getCurrentInstance().responseComplete();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        // A kept copy of this page is dropped when one of these figures would show differently.
        context.getRequestMap()
                .put(
                        PageCache.SKUS,
                        product.variants().stream()
                                .collect(
                                        Collectors.toMap(
                                                VariantView::sku, v -> shown(v.available()))));
        String asked = context.getRequestParameterMap().get("colour");
        colour =
                getColours().stream()
                        .map(VariantView::colour)
                        .filter(c -> c.equalsIgnoreCase(asked == null ? "" : asked))
                        .findFirst()
                        .orElse(product.variants().get(0).colour());
    }

    public ProductDetail getProduct() {
        return product;
    }

    public String getColour() {
        return colour;
    }

    /** One variant per colour, standing for its swatch. */
    public List<VariantView> getColours() {
        return product.variants().stream().filter(distinctBy(VariantView::colour)).toList();
    }

    public String colourUrl(String name) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                + "/p/"
                + product.slug()
                + "?colour="
                + URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    /** The sizes of the chosen colour, in size order, with their stock. */
    public List<VariantView> getSizes() {
        return product.variants().stream().filter(v -> v.colour().equals(colour)).toList();
    }

    public List<ImageView> getImages() {
        List<ImageView> ofColour =
                product.images().stream().filter(i -> i.colour().equals(colour)).toList();
        return ofColour.isEmpty() ? product.images() : ofColour;
    }

    public VariantView getPriced() {
        return getSizes().get(0);
    }

    /**
     * A SKU's stock as the page shows it: exactly up to 5 ("3 left", "Only 5 left" when the
     * colour's sizes add up to no more), then just "in stock". Beyond the cap a change of the
     * figure changes nothing on the page, so a kept copy stays good.
     */
    public static int shown(int available) {
        return Math.min(available, 6);
    }

    /** For the page's script, which adds the sizes' figures up for the badge. */
    public int shownOf(VariantView variant) {
        return shown(variant.available());
    }

    public int getAvailable() {
        return getSizes().stream().mapToInt(VariantView::available).sum();
    }

    /** "In stock", "Only 3 left" or "Out of stock", for the chosen colour. */
    public String getStockBadge() {
        int available = getAvailable();
        if (available == 0) {
            return "Out of stock";
        }
        return available <= 5 ? "Only " + available + " left" : "In stock";
    }

    public String getMetaDescription() {
        String text = product.brand() + " " + product.name() + ": " + product.description();
        return text.length() > 155 ? text.substring(0, 152) + "..." : text;
    }

    public BigDecimal inches(BigDecimal cm) {
        return SizeMeasurement.toInches(cm);
    }

    /** schema.org Product with one Offer per SKU, for search engines. */
    public String getStructuredData() {
        String base =
                FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
        JsonArrayBuilder offers = JsonObjects.array();
        for (VariantView v : product.variants()) {
            long price = v.salePriceMinor() != null ? v.salePriceMinor() : v.priceMinor();
            offers.add(
                    JsonObjects.object()
                            .add("@type", "Offer")
                            .add("sku", v.sku())
                            .add("gtin13", v.barcode())
                            .add("price", BigDecimal.valueOf(price, 2).toPlainString())
                            .add("priceCurrency", product.currency())
                            .add(
                                    "availability",
                                    v.available() > 0
                                            ? "https://schema.org/InStock"
                                            : "https://schema.org/OutOfStock")
                            .add("itemCondition", "https://schema.org/NewCondition"));
        }
        JsonArrayBuilder images = JsonObjects.array();
        product.images().stream()
                .limit(6)
                .forEach(i -> images.add(base + "/media/" + i.id() + "/1024.jpg"));
        String json =
                JsonObjects.object()
                        .add("@context", "https://schema.org")
                        .add("@type", "Product")
                        .add("name", product.name())
                        .add("description", product.description())
                        .add(
                                "brand",
                                JsonObjects.object()
                                        .add("@type", "Brand")
                                        .add("name", product.brand()))
                        .add("image", images)
                        .add("offers", offers)
                        .build()
                        .toString();
        // Keep the JSON inert inside <script>: no closing tag can be formed.
        return json.replace("<", "\\u003c");
    }

    private static <T> java.util.function.Predicate<T> distinctBy(
            java.util.function.Function<T, Object> key) {
        java.util.Set<Object> seen = new java.util.HashSet<>();
        return t -> seen.add(key.apply(t));
    }
}
