package dev.selvedge.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A shopper in Debian's headless Chromium, on a 390 x 844 phone and a 1440 px desktop: searches
 * with a typo, filters a category by size and brand, opens a product and its size chart.
 */
class StorefrontBrowserIT extends ShopDeployment {

    private static CatalogueFixture fixture;
    private Chromium chromium;
    private WebDriver browser;

    @BeforeAll
    static void catalogue() throws Exception {
        fixture = CatalogueFixture.create();
    }

    @AfterAll
    static void close() throws Exception {
        fixture.close();
    }

    private void open(String device, int width, int height) throws IOException {
        chromium = new Chromium(device, width, height);
        browser = chromium.browser;
    }

    @AfterEach
    void quit() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"phone, 390, 844", "desktop, 1440, 900"})
    void searchesFiltersAndOpensTheSizeChart(String device, int width, int height)
            throws IOException {
        open(device, width, height);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));

        // Search with a typo from the header, choosing nothing from the suggestions.
        browser.get(ShopDeployment.baseUrl() + "/");
        WebElement box = browser.findElement(By.id("searchForm:q_input"));
        box.sendKeys(fixture.token + " oxfrd");
        wait.until(
                ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector(".ui-autocomplete-panel li")));
        assertThat(browser.findElements(By.cssSelector(".ui-autocomplete-panel li")))
                .extracting(WebElement::getText)
                .anyMatch(s -> s.contains("Oxford Shirt"));
        screenshot(device, "1-suggestions");
        box.sendKeys(Keys.ESCAPE);
        browser.findElement(By.id("searchForm:go")).click();
        wait.until(ExpectedConditions.urlContains("/search?q="));
        assertThat(browser.findElement(By.id("corrected")).getText()).contains("oxford");
        assertThat(cards()).containsExactly(fixture.oxfordShirt);
        assertNoHorizontalScroll();
        screenshot(device, "2-search");

        // A category listing, filtered by size and then by brand, through the facet links.
        browser.get(ShopDeployment.baseUrl() + "/c/" + fixture.token + "/shirts");
        assertThat(cards()).containsExactlyInAnyOrder(fixture.linenShirt, fixture.oxfordShirt);
        // On a phone the results come first and the filters start folded; on a desktop they show.
        assertThat(browser.findElements(By.cssSelector("#filters[open]")))
                .hasSize(width < 1024 ? 0 : 1);
        facet("facet-size", "L").click();
        wait.until(ExpectedConditions.urlContains("size=L"));
        facet("facet-brand", fixture.beta).click();
        wait.until(ExpectedConditions.urlContains("brand=" + fixture.beta));
        assertThat(browser.getCurrentUrl())
                .contains("/c/" + fixture.token + "/shirts?size=L&brand=" + fixture.beta);
        assertThat(cards()).containsExactly(fixture.oxfordShirt);
        assertThat(browser.findElement(By.id("result-count")).getText()).isEqualTo("1 product");
        assertThat(browser.findElement(By.cssSelector("#filters > summary")).getText())
                .contains("2 selected");
        // The price fields suggest the band of what is listed, in whole rupees.
        assertThat(browser.findElement(By.name("minPrice")).getAttribute("placeholder"))
                .isEqualTo("1799");
        assertNoHorizontalScroll();
        screenshot(device, "3-filtered");

        // The bookmarked filter URL gives the same page to someone else.
        browser.get(browser.getCurrentUrl());
        assertThat(cards()).containsExactly(fixture.oxfordShirt);

        // The product page: sizes with their stock, then the size chart dialog in cm and inches.
        browser.get(ShopDeployment.baseUrl() + "/p/" + fixture.linenShirt + "?colour=Navy");
        assertThat(browser.findElement(By.cssSelector("h1.buybox__name")).getText())
                .isEqualTo("Linen Shirt");
        List<WebElement> sizes = browser.findElements(By.cssSelector("#sizes .size"));
        assertThat(sizes)
                .extracting(e -> e.getText().split("\\R")[0])
                .containsExactly("S", "M", "L");
        assertThat(sizes.get(1).getAttribute("class")).contains("is-out");
        assertThat(
                        browser.findElement(By.cssSelector("#sizes input[value]:disabled"))
                                .getAttribute("value"))
                .isNotBlank();
        assertThat(browser.findElement(By.id("stock-badge")).getText()).isEqualTo("In stock");
        assertThat(
                        browser.findElement(By.cssSelector("script[type='application/ld+json']"))
                                .getAttribute("innerHTML"))
                .contains("\"@type\":\"Product\"")
                .contains("OutOfStock");
        assertThat(
                        browser.findElement(By.cssSelector("meta[name=description]"))
                                .getAttribute("content"))
                .contains("Linen Shirt");
        wait.until(
                d ->
                        ((JavascriptExecutor) d)
                                .executeScript(
                                        "var i = document.getElementById('gallery-image'); return i.complete && i.naturalWidth > 0;"));
        assertNoHorizontalScroll();
        screenshot(device, "4-product");

        // The gallery: a thumbnail shows another view; a click on the picture zooms into the
        // original.
        List<WebElement> thumbs = browser.findElements(By.cssSelector(".gallery__thumb"));
        assertThat(thumbs).hasSize(1);
        browser.findElement(By.id("gallery-main")).click();
        assertThat(browser.findElement(By.id("gallery-main")).getAttribute("class"))
                .contains("is-zoomed");
        assertThat(browser.findElement(By.id("gallery-image")).getAttribute("src"))
                .endsWith("/1600.jpg");
        browser.findElement(By.id("gallery-main")).click();
        assertThat(browser.findElement(By.id("gallery-main")).getAttribute("class"))
                .doesNotContain("is-zoomed");

        // Another colour by its swatch: the sizes and stock are those of that colour.
        browser.findElement(By.cssSelector("#swatches a[title='White']")).click();
        wait.until(ExpectedConditions.urlContains("colour=White"));
        assertThat(browser.findElement(By.id("chosen-colour")).getText()).isEqualTo("White");
        assertThat(browser.findElements(By.cssSelector("#sizes .size.is-out"))).isEmpty();
        screenshot(device, "5-product-white");

        browser.findElement(By.id("size-chart-open")).click();
        WebElement dialog =
                wait.until(
                        ExpectedConditions.visibilityOfElementLocated(
                                By.cssSelector(".ui-dialog")));
        assertThat(dialog.getText()).contains("Chest").contains("96");
        screenshot(device, "6-size-chart-cm");
        dialog.findElement(By.cssSelector("[data-units=in]")).click();
        assertThat(dialog.findElement(By.id("size-table")).getText())
                .contains("37.8")
                .doesNotContain("96.0");
        screenshot(device, "7-size-chart-inches");
    }

    @org.junit.jupiter.api.Test
    void anOpenProductPageFollowsTheStockLive() throws Exception {
        try (CatalogueFixture own = CatalogueFixture.create()) {
            open("live", 1440, 900);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
            browser.get(ShopDeployment.baseUrl() + "/p/" + own.linenShirt + "?colour=White");
            assertThat(browser.findElement(By.id("stock-badge")).getText()).isEqualTo("In stock");
            String small = own.sku(own.linenShirt, "White", "S");
            By sizeS = By.cssSelector("#sizes [data-sku='" + small + "']");
            assertThat(browser.findElement(sizeS).getAttribute("class")).doesNotContain("is-out");

            // The till sells the last small ones and the others run low: no reload needed.
            own.stockAt(small, own.storeCode(), 0);
            own.stockAt(own.sku(own.linenShirt, "White", "M"), own.storeCode(), 1);
            own.stockAt(own.sku(own.linenShirt, "White", "L"), own.storeCode(), 1);
            wait.until(ExpectedConditions.attributeContains(sizeS, "class", "is-out"));
            wait.until(
                    ExpectedConditions.textToBePresentInElementLocated(
                            By.id("stock-badge"), "Only 2 left"));
            assertThat(browser.findElement(sizeS).getText()).contains("sold out");
            assertThat(browser.findElement(sizeS).findElement(By.tagName("input")).isEnabled())
                    .isFalse();
            screenshot("live", "8-stock-changed-live");
        }
    }

    private List<String> cards() {
        return browser.findElements(By.cssSelector("#results .card")).stream()
                .map(card -> card.getAttribute("data-slug"))
                .toList();
    }

    private WebElement facet(String section, String value) {
        if (browser.findElements(By.cssSelector("#filters[open]")).isEmpty()) {
            browser.findElement(By.cssSelector("#filters > summary")).click();
        }
        WebElement link =
                browser.findElement(
                        By.cssSelector("#" + section + " [data-value='" + value + "']"));
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", link);
        return link;
    }

    private void assertNoHorizontalScroll() {
        Object overflow =
                ((JavascriptExecutor) browser)
                        .executeScript(
                                "return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(((Number) overflow).intValue())
                .as("horizontal overflow in px")
                .isLessThanOrEqualTo(0);
    }

    private void screenshot(String device, String step) throws IOException {
        chromium.screenshot(step);
    }
}
