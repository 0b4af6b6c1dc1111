package dev.selvedge.catalog.demo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The demo catalogue, fully determined by product numbers: the same number always gives the same
 * product, so a seeding interrupted half-way resumes without duplicates, and tests can rebuild any
 * product. 60 brands, a two-gender category tree, {@value #PRODUCTS} products of 2 or 3 colours in
 * 5 or 6 sizes (over 20,000 SKUs), stock in two stores and a warehouse.
 */
public final class DemoCatalogue {

    public static final int PRODUCTS = 2000;

    /** The day the demo catalogue pretends to have been built; products are dated before it. */
    static final Instant EPOCH = Instant.parse("2026-11-01T09:00:00Z");

    public record BrandSpec(String name, String description, int fitOffsetCm) {}

    public record CategorySpec(
            String parentPath,
            String name,
            String garmentType,
            List<String> sizes,
            List<String> measures,
            List<Integer> baseCm,
            String gender) {
        public boolean leaf() {
            return garmentType != null;
        }
    }

    public record LocationSpec(String code, String name, String kind) {}

    public record ColourSpec(String name, String hex, String code) {}

    public record VariantSpec(
            String sku,
            String twelveDigits,
            String size,
            int sizePosition,
            ColourSpec colour,
            int[] stock) {}

    public record ProductSpec(
            int number,
            String name,
            String styleCode,
            int brandIndex,
            String categoryPath,
            String garmentType,
            String gender,
            String description,
            String material,
            String care,
            Set<String> tags,
            List<ColourSpec> colours,
            List<VariantSpec> variants,
            long priceMinor,
            Long salePriceMinor,
            Instant createdAt) {}

    private static final String[] BRAND_NAMES = {
        "Indigo Loom", "Madras Mill", "Northbound", "Saffron Thread", "Coastline", "Urban Khadi",
        "Banyan & Co", "Monsoon Row", "Peak Outfitters", "Juniper Lane", "Ivory Weave",
                "Rustic Pine",
        "Blue Lotus", "Copper Kettle", "Ember Works", "Field Notes", "Granite Grey", "Harbour Mist",
        "Iron Anchor", "Jasmine Street", "Kestrel", "Linen Republic", "Marigold", "Nomad Cloth",
        "Oakridge", "Palm Avenue", "Quill & Cotton", "Riverbend", "Sable", "Teakwood",
        "Umber Studio", "Velvet Fox", "Wildflower", "Yarnsmith", "Zephyr", "Amber Fields",
        "Bodhi Tree", "Cobalt Coast", "Desert Rose", "Evergreen Denim", "Fable", "Golden Hour",
        "Heritage Handloom", "Indus Valley", "Jaipur Block", "Kora", "Lagoon", "Mystic Moor",
        "Neem", "Orchid Lane", "Pashmina House", "Quarry", "Raga", "Selvedge Standard",
        "Tandem", "Uplands", "Vanya", "Weftwise", "Yonder", "Zari Street"
    };

    private static final ColourSpec[] PALETTE = {
        new ColourSpec("Navy", "#1f2a44", "NVY"), new ColourSpec("White", "#f5f5f0", "WHT"),
        new ColourSpec("Black", "#1b1b1b", "BLK"), new ColourSpec("Olive", "#5b6236", "OLV"),
        new ColourSpec("Maroon", "#6d1f2a", "MRN"), new ColourSpec("Mustard", "#d4a22b", "MST"),
        new ColourSpec("Sky Blue", "#8cbbe3", "SKY"), new ColourSpec("Indigo", "#2e3a87", "IND"),
        new ColourSpec("Beige", "#d8c8a8", "BEI"), new ColourSpec("Rust", "#a4492a", "RST"),
        new ColourSpec("Teal", "#1f7a7a", "TEL"), new ColourSpec("Pink", "#e79bb0", "PNK"),
        new ColourSpec("Grey", "#8a8d91", "GRY"), new ColourSpec("Emerald", "#1d7a4f", "EMR"),
        new ColourSpec("Lavender", "#b7a5d6", "LAV"), new ColourSpec("Charcoal", "#3a3d42", "CHR"),
        new ColourSpec("Red", "#c0282d", "RED"), new ColourSpec("Khaki", "#b3a477", "KHK"),
        new ColourSpec("Coral", "#f0795b", "CRL"), new ColourSpec("Cream", "#efe6d2", "CRM")
    };

    private static final List<String> TOPS = List.of("XS", "S", "M", "L", "XL", "XXL");
    private static final List<String> WAISTS = List.of("28", "30", "32", "34", "36", "38");
    private static final List<String> TOP_MEASURES = List.of("Chest", "Length", "Shoulder");
    private static final List<String> BOTTOM_MEASURES = List.of("Waist", "Hip", "Inseam");
    private static final List<String> DRESS_MEASURES = List.of("Bust", "Waist", "Length");

    private static final List<CategorySpec> CATEGORIES = categoriesOf();

    private static List<CategorySpec> categoriesOf() {
        List<CategorySpec> all = new ArrayList<>();
        for (String gender : List.of("Women", "Men")) {
            String g = gender.toLowerCase();
            String genderCode = gender.equals("Women") ? "WOMEN" : "MEN";
            all.add(new CategorySpec(null, gender, null, null, null, null, genderCode));
            all.add(new CategorySpec(g, "Topwear", null, null, null, null, genderCode));
            all.add(new CategorySpec(g, "Bottomwear", null, null, null, null, genderCode));
            all.add(new CategorySpec(g, "Outerwear", null, null, null, null, genderCode));
            int chest = gender.equals("Women") ? 84 : 96;
            all.add(
                    new CategorySpec(
                            g + "/topwear",
                            "Shirts",
                            "shirt",
                            TOPS,
                            TOP_MEASURES,
                            List.of(chest, 70, 42),
                            genderCode));
            all.add(
                    new CategorySpec(
                            g + "/topwear",
                            "T-Shirts",
                            "t-shirt",
                            TOPS,
                            TOP_MEASURES,
                            List.of(chest, 68, 42),
                            genderCode));
            all.add(
                    new CategorySpec(
                            g + "/topwear",
                            "Kurtas",
                            "kurta",
                            TOPS,
                            TOP_MEASURES,
                            List.of(chest, 100, 41),
                            genderCode));
            all.add(
                    new CategorySpec(
                            g + "/bottomwear",
                            "Jeans",
                            "jeans",
                            WAISTS,
                            BOTTOM_MEASURES,
                            List.of(71, 92, 76),
                            genderCode));
            all.add(
                    new CategorySpec(
                            g + "/bottomwear",
                            "Trousers",
                            "trousers",
                            WAISTS,
                            BOTTOM_MEASURES,
                            List.of(71, 94, 77),
                            genderCode));
            if (gender.equals("Women")) {
                all.add(
                        new CategorySpec(
                                g + "/bottomwear",
                                "Skirts",
                                "skirt",
                                TOPS,
                                BOTTOM_MEASURES,
                                List.of(66, 92, 60),
                                genderCode));
                all.add(
                        new CategorySpec(
                                g,
                                "Dresses",
                                "dress",
                                TOPS,
                                DRESS_MEASURES,
                                List.of(84, 68, 105),
                                genderCode));
            } else {
                all.add(
                        new CategorySpec(
                                g + "/bottomwear",
                                "Shorts",
                                "shorts",
                                WAISTS,
                                BOTTOM_MEASURES,
                                List.of(76, 96, 23),
                                genderCode));
            }
            all.add(
                    new CategorySpec(
                            g + "/outerwear",
                            "Jackets",
                            "jacket",
                            TOPS,
                            TOP_MEASURES,
                            List.of(chest + 6, 72, 44),
                            genderCode));
            all.add(
                    new CategorySpec(
                            g + "/outerwear",
                            "Sweaters",
                            "sweater",
                            TOPS,
                            TOP_MEASURES,
                            List.of(chest + 4, 68, 43),
                            genderCode));
        }
        return List.copyOf(all);
    }

    private static final String[] FITS = {
        "Relaxed", "Slim", "Regular", "Tailored", "Oversized", "Classic", "Easy", "Straight"
    };
    private static final String[][] FABRICS = {
        {"Linen", "100% linen"},
        {"Cotton", "100% cotton"},
        {"Oxford", "100% cotton oxford"},
        {"Khadi", "handspun khadi cotton"},
        {"Chambray", "cotton chambray"},
        {"Denim", "98% cotton, 2% elastane denim"},
        {"Twill", "cotton twill"},
        {"Jersey", "cotton jersey"},
        {"Corduroy", "cotton corduroy"},
        {"Wool Blend", "60% wool, 40% polyester"},
        {"Silk Blend", "70% viscose, 30% silk"},
        {"Poplin", "cotton poplin"}
    };
    private static final String[] PATTERNS = {
        "", "Striped ", "Checked ", "Printed ", "Solid ", "Block-Print ", "", "Textured "
    };
    private static final String[] LOCATIONS = {"BLR-01", "MUM-01", "WH-01"};

    private DemoCatalogue() {}

    public static List<BrandSpec> brands() {
        List<BrandSpec> brands = new ArrayList<>();
        for (int i = 0; i < BRAND_NAMES.length; i++) {
            brands.add(
                    new BrandSpec(
                            BRAND_NAMES[i],
                            BRAND_NAMES[i]
                                    + " makes everyday clothes with honest fabrics and a fit that lasts.",
                            (i % 5) - 2));
        }
        return brands;
    }

    public static List<CategorySpec> categories() {
        return CATEGORIES;
    }

    public static List<CategorySpec> leaves() {
        return CATEGORIES.stream().filter(CategorySpec::leaf).toList();
    }

    public static String path(CategorySpec c) {
        String slug = c.name().toLowerCase().replaceAll("[^a-z0-9]+", "-");
        return c.parentPath() == null ? slug : c.parentPath() + "/" + slug;
    }

    public static List<LocationSpec> locations() {
        return List.of(
                new LocationSpec(LOCATIONS[0], "Bengaluru Indiranagar store", "STORE"),
                new LocationSpec(LOCATIONS[1], "Mumbai Bandra store", "STORE"),
                new LocationSpec(LOCATIONS[2], "Bhiwandi warehouse", "WAREHOUSE"));
    }

    /** The product with the given number (0 to {@value #PRODUCTS} - 1). */
    public static ProductSpec product(int number) {
        if (number < 0 || number >= PRODUCTS) {
            throw new IllegalArgumentException("Demo products are numbered 0 to " + (PRODUCTS - 1));
        }
        Random random = new Random(0x5E1_7ED6EL * 31 + number);
        List<CategorySpec> leaves = leaves();
        CategorySpec category = leaves.get(number % leaves.size());
        int brandIndex = random.nextInt(BRAND_NAMES.length);
        String fit = FITS[random.nextInt(FITS.length)];
        String[] fabric = FABRICS[random.nextInt(FABRICS.length)];
        String pattern = PATTERNS[random.nextInt(PATTERNS.length)];
        String noun =
                category.name().endsWith("s")
                                && !category.name().equals("Jeans")
                                && !category.name().equals("Trousers")
                                && !category.name().equals("Shorts")
                        ? category.name().substring(0, category.name().length() - 1)
                        : category.name();
        String name = fit + " " + pattern + fabric[0] + " " + noun;
        String styleCode = String.format("SV%05d", number);

        int colourCount = number % 3 == 0 ? 3 : 2;
        Set<ColourSpec> colours = new LinkedHashSet<>();
        while (colours.size() < colourCount) {
            colours.add(PALETTE[random.nextInt(PALETTE.length)]);
        }
        int sizeCount = number % 2 == 0 ? 6 : 5;
        List<String> sizes = category.sizes().subList(0, sizeCount);

        long rupees = 499 + 100L * random.nextInt(60) + (random.nextBoolean() ? 0 : 50);
        long priceMinor = rupees * 100;
        // Sale prices end in 9, as shelf prices do: 20 to 50 per cent off, rounded down to ...9.
        Long saleMinor =
                random.nextInt(5) == 0
                        ? ((rupees * (50 + random.nextInt(31)) / 100) / 10 * 10 - 1) * 100
                        : null;
        if (saleMinor != null && saleMinor >= priceMinor) {
            saleMinor = null;
        }

        List<VariantSpec> variants = new ArrayList<>();
        int v = 0;
        for (ColourSpec colour : colours) {
            for (int s = 0; s < sizes.size(); s++) {
                int[] stock = new int[LOCATIONS.length];
                for (int l = 0; l < stock.length; l++) {
                    stock[l] = random.nextInt(7) == 0 ? 0 : random.nextInt(l == 2 ? 25 : 8);
                }
                String sku = styleCode + "-" + colour.code() + "-" + sizes.get(s);
                variants.add(
                        new VariantSpec(
                                sku,
                                String.format("890%05d%04d", number, v++),
                                sizes.get(s),
                                s,
                                colour,
                                stock));
            }
        }
        Set<String> tags = new LinkedHashSet<>();
        tags.add(fabric[0].toLowerCase());
        tags.add(fit.toLowerCase());
        tags.add(random.nextBoolean() ? "summer" : "winter");
        tags.add(random.nextBoolean() ? "office" : "weekend");
        String description =
                String.format(
                        "%s %s %s cut from %s. %s fit, made to be worn often and washed easily; finished with care by %s.",
                        "AEIOU".indexOf(fit.charAt(0)) >= 0 ? "An" : "A",
                        fit.toLowerCase(),
                        noun.toLowerCase(),
                        fabric[1],
                        fit,
                        BRAND_NAMES[brandIndex]);
        return new ProductSpec(
                number,
                name.replace("  ", " "),
                styleCode,
                brandIndex,
                path(category),
                category.garmentType(),
                category.gender(),
                description,
                fabric[1],
                "Machine wash cold with like colours. Do not bleach. Dry in shade. Warm iron.",
                tags,
                List.copyOf(colours),
                variants,
                priceMinor,
                saleMinor,
                EPOCH.minus(number % 365, ChronoUnit.DAYS).minus(number, ChronoUnit.MINUTES));
    }

    public static String locationCode(int index) {
        return LOCATIONS[index];
    }
}
