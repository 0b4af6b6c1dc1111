package dev.selvedge.it;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The back office in Chromium as the tests' staff member uses it: sign-in and growl messages. */
final class StaffBrowser {

    private final WebDriver browser;
    private final WebDriverWait wait;

    StaffBrowser(WebDriver browser, WebDriverWait wait) {
        this.browser = browser;
        this.wait = wait;
    }

    /** Opens a back-office page, signing in first when the sign-in page comes instead. */
    void open(String path) {
        browser.get(ShopDeployment.baseUrl() + path);
        if (!browser.findElements(By.id("staff:email")).isEmpty()) {
            browser.findElement(By.id("staff:email")).sendKeys(System.getProperty("it.staff.user"));
            browser.findElement(By.id("staff:password"))
                    .sendKeys(System.getProperty("it.staff.password"));
            browser.findElement(By.id("staff:sign-in")).click();
        }
        wait.until(ExpectedConditions.presenceOfElementLocated(By.className("admin-main")));
    }

    /** The growl's message, then dismissed (so the next one is read, not this one again). */
    String growl() {
        String text =
                wait.until(
                                ExpectedConditions.visibilityOfElementLocated(
                                        By.cssSelector(".ui-growl-message")))
                        .getText();
        ((JavascriptExecutor) browser)
                .executeScript(
                        "document.querySelectorAll('.ui-growl-item-container').forEach(e => e.remove());");
        return text;
    }
}
