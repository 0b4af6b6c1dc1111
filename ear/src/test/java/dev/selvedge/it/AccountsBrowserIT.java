package dev.selvedge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A shopper on a phone, in Chromium: registers, confirms the email from the link sent, signs in and
 * out, changes the password, forgets it and resets it with the emailed link; with the mistakes
 * people make on the way.
 */
class AccountsBrowserIT extends ShopDeployment {

    @RegisterExtension static GreenMailExtension smtp = Mailbox.smtp();

    private Chromium chromium;
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void open() throws Exception {
        chromium = new Chromium("accounts", 390, 844);
        browser = chromium.browser;
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void close() throws Exception {
        chromium.close();
    }

    private void go(String path) {
        browser.get(path.startsWith("http") ? path : ShopDeployment.baseUrl() + path);
    }

    private void type(String id, String text) {
        var field = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        field.clear();
        field.sendKeys(text);
    }

    private String text(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id))).getText();
    }

    private String fieldError(String fieldId) {
        return wait.until(
                        ExpectedConditions.presenceOfElementLocated(
                                By.xpath(
                                        "//*[@id='"
                                                + fieldId
                                                + "']/following-sibling::*[contains(@class,'field-error')][1]")))
                .getText();
    }

    /** Presses a button and waits for the page it leads to. */
    private void press(String id) {
        chromium.press(browser.findElement(By.id(id)));
    }

    private void signIn(String email, String password) {
        go("/sign-in.xhtml");
        type("signIn:email", email);
        type("signIn:password", password);
        press("signIn:submit");
    }

    @Test
    void registerConfirmSignInChangeForgetAndResetThePassword() throws Exception {
        String email = "asha." + UUID.randomUUID().toString().substring(0, 8) + "@example.in";
        String password = "monsoon-teal-kettle-41";

        // Mistakes first: every field says what is wrong, and what was typed stays.
        go("/register.xhtml");
        press("register:submit");
        assertThat(fieldError("register:name")).isEqualTo("Enter your name.");
        assertThat(fieldError("register:email")).contains("valid email address");
        assertThat(fieldError("register:password")).isEqualTo("Use at least 12 characters.");
        type("register:name", "Asha Rao");
        type("register:email", email);
        type("register:password", "password1234");
        press("register:submit");
        assertThat(fieldError("register:password")).contains("very common password");
        assertThat(browser.findElement(By.id("register:name")).getAttribute("value"))
                .isEqualTo("Asha Rao");
        assertThat(browser.findElement(By.id("register:email")).getAttribute("value"))
                .isEqualTo(email);
        chromium.screenshot("accounts-1-register-errors");

        type("register:password", password);
        press("register:submit");
        assertThat(text("check-inbox")).contains(email);
        MimeMessage confirm = Mailbox.await(smtp, email, 1);
        assertThat(confirm.getSubject()).isEqualTo("Confirm your email for Selvedge");
        String verifyLink = Mailbox.link(confirm, "/verify.xhtml?token=");

        // Not confirmed yet: signing in sends a fresh link instead.
        signIn(email, password);
        assertThat(text("form-messages")).contains("confirm your email address first");
        assertThat(Mailbox.await(smtp, email, 2).getSubject())
                .isEqualTo("Confirm your email for Selvedge");

        go(verifyLink);
        assertThat(text("verified")).contains(email);
        go(verifyLink);
        assertThat(text("not-verified")).contains("expired or was already used");

        // A wrong password and an unknown email get the same answer.
        signIn(email, "monsoon-teal-kettle-42");
        String wrongPassword = text("form-messages");
        signIn("nobody." + UUID.randomUUID() + "@example.in", password);
        assertThat(text("form-messages")).isEqualTo(wrongPassword).contains("do not match");

        // Signing in gives the session a new id; the cookie is HttpOnly, Secure and SameSite=Lax.
        go("/sign-in.xhtml?next=/account/index.xhtml");
        Cookie before = browser.manage().getCookieNamed("JSESSIONID");
        type("signIn:email", email);
        type("signIn:password", password);
        press("signIn:submit");
        assertThat(text("account-email")).contains(email);
        Cookie after = browser.manage().getCookieNamed("JSESSIONID");
        assertThat(after.getValue()).isNotEqualTo(before.getValue());
        assertThat(after.isHttpOnly()).isTrue();
        assertThat(after.isSecure()).isTrue();
        assertThat(after.getSameSite()).isEqualTo("Lax");
        assertThat(text("account-link")).isEqualTo("Your account");
        chromium.screenshot("accounts-2-signed-in");

        // Change the password: the current one is asked for, and the new one is checked.
        type("password:current", "not-my-password-at-all");
        type("password:new", "another-long-phrase-77");
        press("password:change");
        assertThat(fieldError("password:current")).contains("current password is not right");
        type("password:current", password);
        type("password:new", "qwertyuiop123");
        press("password:change");
        assertThat(fieldError("password:new")).isNotBlank();
        String changed = "saffron-ledger-pivot-93";
        type("password:current", password);
        type("password:new", changed);
        press("password:change");
        assertThat(text("form-messages")).contains("Your password is changed.");

        // A saved address: each wrong field says so and keeps what was typed.
        type("address:name", "Asha Rao");
        type("address:line1", "12, 4th Cross, Indiranagar");
        type("address:city", "Bengaluru");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("address:state")))
                .selectByVisibleText("Karnataka");
        type("address:postalCode", "56003");
        type("address:phone", "12345");
        press("address:save");
        assertThat(fieldError("address:postalCode")).contains("6-digit PIN code");
        assertThat(fieldError("address:phone")).contains("mobile number");
        assertThat(browser.findElement(By.id("address:line1")).getAttribute("value"))
                .isEqualTo("12, 4th Cross, Indiranagar");
        type("address:postalCode", "560038");
        type("address:phone", "98450 12345");
        press("address:save");
        assertThat(text("saved-address-0"))
                .contains("Asha Rao, 12, 4th Cross, Indiranagar, Bengaluru, Karnataka 560038")
                .contains("(default)");
        chromium.screenshot("accounts-2b-address-saved");

        press("signOut:submit");
        assertThat(text("account-link")).isEqualTo("Sign in");
        go("/account/index.xhtml");
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signIn:email"))))
                .isNotNull();

        // Forgotten: the reset link sets a new password once; the old one stops working.
        go("/forgot-password.xhtml");
        type("forgot:email", email);
        press("forgot:submit");
        assertThat(text("reset-sent")).contains(email);
        String resetLink =
                Mailbox.link(Mailbox.await(smtp, email, 3), "/reset-password.xhtml?token=");
        go(resetLink);
        type("reset:password", "short");
        press("reset:submit");
        assertThat(fieldError("reset:password")).isEqualTo("Use at least 12 characters.");
        String reset = "harbour-quill-mango-58";
        type("reset:password", reset);
        press("reset:submit");
        assertThat(text("reset-done")).contains("Your password is changed");
        go(resetLink);
        type("reset:password", "yet-another-phrase-19");
        press("reset:submit");
        assertThat(text("form-messages")).contains("expired or was already used");
        chromium.screenshot("accounts-3-reset-link-spent");

        signIn(email, changed);
        assertThat(text("form-messages")).contains("do not match");
        signIn(email, reset);
        assertThat(text("account-email")).contains(email);

        // Registering again with the address: the same answer, and its owner is told by email.
        press("signOut:submit");
        assertThat(text("account-link")).isEqualTo("Sign in");
        go("/register.xhtml");
        type("register:name", "Someone Else");
        type("register:email", email.toUpperCase());
        type("register:password", "completely-different-99");
        press("register:submit");
        assertThat(text("check-inbox")).isNotBlank();
        assertThat(Mailbox.await(smtp, email, 4).getSubject())
                .isEqualTo("You already have a Selvedge account");
    }
}
