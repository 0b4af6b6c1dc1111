package dev.selvedge.catalog.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selvedge.catalog.Barcode;
import dev.selvedge.catalog.demo.DemoCatalogue.ProductSpec;
import dev.selvedge.catalog.demo.DemoCatalogue.VariantSpec;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DemoCatalogueTest {

    @Test
    void isTheSameEveryTime() {
        ProductSpec first = DemoCatalogue.product(1234);
        ProductSpec again = DemoCatalogue.product(1234);
        assertThat(again.name()).isEqualTo(first.name());
        assertThat(again.variants())
                .extracting(VariantSpec::sku)
                .containsExactlyElementsOf(
                        first.variants().stream().map(VariantSpec::sku).toList());
        assertThat(again.priceMinor()).isEqualTo(first.priceMinor());
    }

    @Test
    void hasTheSizeTheShopNeeds() {
        Set<String> skus = new HashSet<>();
        Set<String> barcodes = new HashSet<>();
        Set<Integer> brands = new HashSet<>();
        IntStream.range(0, DemoCatalogue.PRODUCTS)
                .mapToObj(DemoCatalogue::product)
                .forEach(
                        p -> {
                            brands.add(p.brandIndex());
                            p.variants()
                                    .forEach(
                                            v -> {
                                                skus.add(v.sku());
                                                barcodes.add(
                                                        Barcode.fromTwelveDigits(v.twelveDigits())
                                                                .value());
                                            });
                        });
        assertThat(DemoCatalogue.brands()).hasSizeGreaterThanOrEqualTo(50);
        assertThat(brands).hasSizeGreaterThanOrEqualTo(50);
        assertThat(skus).hasSizeGreaterThanOrEqualTo(20_000);
        assertThat(barcodes).hasSameSizeAs(skus);
        assertThat(DemoCatalogue.locations())
                .extracting(DemoCatalogue.LocationSpec::kind)
                .containsExactly("STORE", "STORE", "WAREHOUSE");
    }

    @Test
    void putsSalePricesBelowRegularPrices() {
        IntStream.range(0, DemoCatalogue.PRODUCTS)
                .mapToObj(DemoCatalogue::product)
                .filter(p -> p.salePriceMinor() != null)
                .forEach(
                        p ->
                                assertThat(p.salePriceMinor())
                                        .isLessThan(p.priceMinor())
                                        .isPositive());
    }

    @Test
    void givesEveryLeafCategoryASizeRunAndMeasures() {
        DemoCatalogue.leaves()
                .forEach(
                        leaf -> {
                            assertThat(leaf.sizes()).hasSizeGreaterThanOrEqualTo(6);
                            assertThat(leaf.measures()).hasSameSizeAs(leaf.baseCm());
                        });
    }
}
