package dev.selvedge.web.api;

import dev.selvedge.catalog.CatalogService;
import dev.selvedge.catalog.ProductDetail;
import dev.selvedge.catalog.ProductQuery;
import dev.selvedge.catalog.SearchResult;
import dev.selvedge.catalog.SearchResult.FacetCount;
import dev.selvedge.catalog.SearchResult.Swatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The catalogue: search with facets, and one product with its SKUs, pictures and size chart. */
@Path("/products")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ProductsResource {

    @Inject private CatalogService catalog;

    public record Colour(String name, String hex) {}

    public record Item(
            String slug,
            String name,
            String brand,
            BigDecimal price,
            BigDecimal salePrice,
            String currency,
            String image,
            List<Colour> colours,
            List<String> sizes,
            boolean inStock) {}

    public record Facet(String value, String label, long count, boolean selected) {}

    public record Facets(List<Facet> brand, List<Facet> size, List<Facet> colour) {}

    public record Page(
            List<Item> items,
            long total,
            int page,
            int pageSize,
            Facets facets,
            BigDecimal minPrice,
            BigDecimal maxPrice,
            String correctedQuery) {}

    public record VariantJson(
            String sku,
            String barcode,
            String size,
            String colour,
            String colourHex,
            BigDecimal price,
            BigDecimal salePrice,
            int available) {}

    public record ImageJson(long id, String colour, String alt, Map<Integer, String> sizes) {}

    public record SizeChartJson(
            List<String> measures,
            Map<String, Map<String, BigDecimal>> centimetres,
            Map<String, Map<String, BigDecimal>> inches,
            String fitNotes) {}

    public record ProductJson(
            String slug,
            String name,
            String brand,
            String brandSlug,
            String category,
            List<ProductDetail.Crumb> breadcrumbs,
            String gender,
            String description,
            String material,
            String care,
            List<String> tags,
            String currency,
            List<VariantJson> variants,
            List<ImageJson> images,
            SizeChartJson sizeChart) {}

    @GET
    @Operation(
            summary = "Search the catalogue",
            description =
                    "Full-text search that forgives typos (correctedQuery says what was searched),"
                            + " with facet counts: each facet value counts the products it would"
                            + " select with the other filters applied.")
    @APIResponse(responseCode = "200", description = "One page of products with facets")
    @APIResponse(
            responseCode = "400",
            description = "A parameter is not what this operation takes",
            content = @Content(mediaType = "application/problem+json"))
    public Page search(
            @Parameter(description = "Words to search for, typos allowed") @QueryParam("q")
                    String q,
            @Parameter(description = "Category path, e.g. women/topwear/shirts")
                    @QueryParam("category")
                    String category,
            @Parameter(description = "Brand slug; repeat for several") @QueryParam("brand")
                    List<String> brands,
            @Parameter(description = "Garment size, e.g. M or 32; repeat for several")
                    @QueryParam("size")
                    List<String> sizes,
            @Parameter(description = "Colour name; repeat for several") @QueryParam("colour")
                    List<String> colours,
            @Parameter(description = "Lowest price in rupees") @QueryParam("minPrice")
                    String minPrice,
            @Parameter(description = "Highest price in rupees") @QueryParam("maxPrice")
                    String maxPrice,
            @Parameter(description = "true: only products with stock to sell online")
                    @QueryParam("inStock")
                    String inStock,
            @Parameter(description = "relevance, newest, price-asc or price-desc")
                    @QueryParam("sort")
                    String sort,
            @Parameter(description = "Page number, from 1") @QueryParam("page") String page,
            @Parameter(description = "Products per page, 1 to 100 (24)") @QueryParam("pageSize")
                    String pageSize) {
        if (category != null
                && !category.isBlank()
                && catalog.categoryTrail(category.strip()).isEmpty()) {
            throw new BadRequestException(
                    "Unknown category '" + category + "'; GET /api/v1/categories lists them");
        }
        ProductQuery query;
        try {
            query =
                    new ProductQuery(
                            q,
                            blankToNull(category),
                            clean(brands),
                            clean(sizes),
                            clean(colours),
                            QueryParams.rupeesAsMinor("minPrice", minPrice),
                            QueryParams.rupeesAsMinor("maxPrice", maxPrice),
                            QueryParams.bool("inStock", inStock),
                            sort(sort),
                            QueryParams.integer("page", page, 1, 1, 10_000),
                            QueryParams.integer(
                                    "pageSize", pageSize, 24, 1, ProductQuery.MAX_PAGE_SIZE));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        SearchResult result = catalog.search(query);
        List<Item> items =
                result.items().stream()
                        .map(
                                c ->
                                        new Item(
                                                c.slug(),
                                                c.name(),
                                                c.brand(),
                                                Prices.major(c.priceMinor()),
                                                Prices.major(c.salePriceMinor()),
                                                c.currency(),
                                                c.imageId() == null
                                                        ? null
                                                        : MediaPaths.of(c.imageId(), 640),
                                                c.colours().stream()
                                                        .map(
                                                                (Swatch s) ->
                                                                        new Colour(
                                                                                s.name(), s.hex()))
                                                        .toList(),
                                                c.sizes(),
                                                c.inStock()))
                        .toList();
        return new Page(
                items,
                result.total(),
                query.page(),
                query.pageSize(),
                new Facets(
                        facets(result.brands()), facets(result.sizes()), facets(result.colours())),
                Prices.major(result.priceMinMinor()),
                Prices.major(result.priceMaxMinor()),
                result.correctedText());
    }

    @GET
    @Path("/{slug}")
    @Operation(summary = "A product with its SKUs, stock to sell online, pictures and size chart")
    @APIResponse(responseCode = "200", description = "The product")
    @APIResponse(
            responseCode = "404",
            description = "No product has this slug",
            content = @Content(mediaType = "application/problem+json"))
    public ProductJson product(@PathParam("slug") String slug) {
        ProductDetail p =
                catalog.product(slug)
                        .orElseThrow(
                                () ->
                                        new NotFoundException(
                                                "No product has the slug '" + slug + "'"));
        return new ProductJson(
                p.slug(),
                p.name(),
                p.brand(),
                p.brandSlug(),
                p.categoryPath(),
                p.categoryTrail(),
                p.gender(),
                p.description(),
                p.material(),
                p.care(),
                p.tags(),
                p.currency(),
                p.variants().stream()
                        .map(
                                v ->
                                        new VariantJson(
                                                v.sku(),
                                                v.barcode(),
                                                v.size(),
                                                v.colour(),
                                                v.colourHex(),
                                                Prices.major(v.priceMinor()),
                                                Prices.major(v.salePriceMinor()),
                                                v.available()))
                        .toList(),
                p.images().stream()
                        .map(
                                i ->
                                        new ImageJson(
                                                i.id(),
                                                i.colour(),
                                                i.alt(),
                                                MediaPaths.all(i.id())))
                        .toList(),
                p.sizeChart() == null
                        ? null
                        : new SizeChartJson(
                                p.sizeChart().measures(),
                                p.sizeChart().rows(),
                                Prices.inches(p.sizeChart().rows()),
                                p.sizeChart().fitNotes()));
    }

    private static List<Facet> facets(List<FacetCount> counts) {
        return counts.stream()
                .map(f -> new Facet(f.value(), f.label(), f.count(), f.selected()))
                .toList();
    }

    private static ProductQuery.Sort sort(String sort) {
        if (sort == null || sort.isBlank()) {
            return null;
        }
        return switch (sort.strip().toLowerCase(Locale.ROOT)) {
            case "relevance" -> ProductQuery.Sort.RELEVANCE;
            case "newest" -> ProductQuery.Sort.NEWEST;
            case "price-asc", "price" -> ProductQuery.Sort.PRICE_ASC;
            case "price-desc" -> ProductQuery.Sort.PRICE_DESC;
            default ->
                    throw new BadRequestException(
                            "sort must be one of relevance, newest, price-asc, price-desc; got '"
                                    + sort
                                    + "'");
        };
    }

    private static Set<String> clean(List<String> values) {
        Set<String> clean = new LinkedHashSet<>();
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                if (v.length() > 80) {
                    throw new BadRequestException("A filter value is at most 80 characters");
                }
                clean.add(v.strip());
            }
        }
        return clean;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
