package dev.selvedge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A guest buys on a phone, in Chromium: picks a size, adds it to the bag, gets the quantity wrong,
 * goes through every checkout step with the usual mistakes, has the session time out on the way,
 * has a card declined, pays with another, and reads the confirmation page and email.
 */
class CheckoutBrowserIT extends ShopDeployment {

    @RegisterExtension static GreenMailExtension smtp = Mailbox.smtp();

    private CatalogueFixture fixture;
    private Chromium chromium;
    private WebDriver browser;
    private WebDriverWait wait;
    private String sku;

    @BeforeEach
    void open() throws Exception {
        fixture = CatalogueFixture.create();
        sku = fixture.sku(fixture.oxfordShirt, "Navy", "L");
        fixture.stockAt(sku, fixture.storeCode(), 4);
        chromium = new Chromium("checkout", 390, 844);
        browser = chromium.browser;
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void close() throws Exception {
        chromium.close();
        fixture.close();
    }

    private void go(String path) {
        browser.get(ShopDeployment.baseUrl() + path);
    }

    private WebElement find(By by) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(by));
    }

    private void type(String id, String text) {
        WebElement field = find(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private String text(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id))).getText();
    }

    private String fieldError(String fieldId) {
        return find(By.xpath(
                        "//*[@id='"
                                + fieldId
                                + "']/following-sibling::*[contains(@class,'field-error')][1]"))
                .getText();
    }

    private void press(String id) {
        chromium.press(find(By.id(id)));
    }

    private void setLineQuantity(String quantity) {
        WebElement field =
                find(By.cssSelector("li[data-sku='" + sku + "'] input[name='quantity']"));
        field.clear();
        field.sendKeys(quantity);
        chromium.press(
                find(
                        By.cssSelector(
                                "li[data-sku='"
                                        + sku
                                        + "'] input[type='submit'][value='Update']")));
    }

    @Test
    void aGuestBuysOnAPhoneWithTheTestGateway() throws Exception {
        String email = "guest-" + fixture.token + "@example.in";

        // The product page: no size chosen yet, then size L.
        go("/p/" + fixture.oxfordShirt + "?colour=Navy");
        find(By.id("add-to-bag-button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("add-to-bag-message"), "Choose a size."));
        find(By.cssSelector("label[data-sku='" + sku + "']")).click();
        find(By.id("add-to-bag-button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("bag-count"), "1"));
        assertThat(text("add-to-bag-message")).startsWith("Added to your bag.");
        chromium.screenshot("1-added");

        // The bag: quantities that cannot be bought are refused beside the line.
        find(By.id("view-bag")).click();
        setLineQuantity("0");
        assertThat(find(By.cssSelector("li[data-sku='" + sku + "'] .bag-line__error")).getText())
                .contains("from 1 to 10");
        setLineQuantity("7");
        assertThat(find(By.cssSelector("li[data-sku='" + sku + "'] .bag-line__error")).getText())
                .isEqualTo("Only 4 left in size L.");
        assertThat(
                        find(By.cssSelector("li[data-sku='" + sku + "'] input[name='quantity']"))
                                .getAttribute("value"))
                .isEqualTo("7");
        chromium.screenshot("2-bag-refused");
        setLineQuantity("2");
        assertThat(text("bag-count")).isEqualTo("2");
        chromium.screenshot("3-bag");

        // Contact, then the address with a wrong PIN code and phone.
        press("checkout");
        type("contact:email", "guest@");
        press("contact:continue");
        assertThat(fieldError("contact:email")).contains("valid email address");
        type("contact:email", email);
        press("contact:continue");
        type("address:name", "Asha Rao");
        type("address:line1", "12, 4th Cross, Indiranagar");
        type("address:city", "Bengaluru");
        new Select(find(By.id("address:state"))).selectByVisibleText("Karnataka");
        type("address:postalCode", "56003");
        type("address:phone", "12345");
        press("address:continue");
        assertThat(fieldError("address:postalCode")).contains("6-digit PIN code");
        assertThat(fieldError("address:phone")).contains("mobile number");
        assertThat(find(By.id("address:line1")).getAttribute("value"))
                .isEqualTo("12, 4th Cross, Indiranagar");
        chromium.screenshot("4-address-errors");
        type("address:postalCode", "560038");
        type("address:phone", "98450 12345");
        press("address:continue");

        // The session times out on the delivery step: back to the same step, nothing lost.
        find(By.cssSelector("input[name='delivery:method'][value='click-and-collect']")).click();
        browser.manage().deleteCookieNamed("JSESSIONID");
        press("delivery:continue");
        assertThat(text("view-expired")).contains("session timed out");
        assertThat(browser.getCurrentUrl()).endsWith("/checkout/delivery.xhtml");
        assertThat(text("bag-count")).isEqualTo("2");
        chromium.screenshot("5-session-expired");

        // Click and collect without a store is refused; express goes on.
        find(By.cssSelector("input[name='delivery:method'][value='click-and-collect']")).click();
        press("delivery:continue");
        assertThat(fieldError("delivery:store")).isEqualTo("Choose the store to collect from.");
        find(By.cssSelector("input[name='delivery:method'][value='express']")).click();
        press("delivery:continue");

        // A declined card: the bag and the stock stay; then a card that pays.
        find(By.cssSelector("input[name='payment:method'][value='test']")).click();
        new Select(find(By.id("payment:card"))).selectByValue("tok_declined");
        press("payment:continue");
        assertThat(text("review-address")).contains("Bengaluru, Karnataka 560038");
        assertThat(text("review-delivery")).contains("Express");
        press("place:placeOrder");
        assertThat(text("form-messages")).contains("Your payment did not go through");
        assertThat(fixture.level(sku, fixture.storeCode())).containsExactly(4, 0);
        chromium.screenshot("6-declined");

        find(By.linkText("Change"));
        go("/checkout/payment.xhtml");
        new Select(find(By.id("payment:card"))).selectByValue("tok_ok");
        press("payment:continue");
        chromium.screenshot("7-review");
        press("place:placeOrder");

        String number = text("order-number");
        assertThat(number).startsWith("SV-");
        assertThat(text("order-email")).isEqualTo(email);
        assertThat(text("bag-count")).isEqualTo("0");
        chromium.screenshot("8-confirmation");
        assertThat(fixture.level(sku, fixture.storeCode())).containsExactly(2, 0);
        var mail = Mailbox.await(smtp, email, 1);
        assertThat(mail.getSubject()).isEqualTo("Your Selvedge order " + number);
        assertThat(Mailbox.body(mail))
                .contains("2 x ")
                .contains("Karnataka")
                .doesNotContain("null");
    }
}
