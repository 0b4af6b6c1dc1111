package dev.selvedge.account;

import dev.selvedge.notification.Mailbox;
import dev.selvedge.shared.Budgets;
import dev.selvedge.shared.Digests;
import dev.selvedge.shared.InstantConverter;
import dev.selvedge.shared.RandomTokens;
import dev.selvedge.shared.Rejected;
import dev.selvedge.shared.StorableText;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Accounts: registration with a confirmed email, sign-in with throttling, password reset by a
 * single-use emailed link, password change and profile. Answers never tell whether an email has an
 * account: registration and reset say the same thing either way, and a sign-in with an unknown
 * email costs the same hashing as a wrong password.
 */
@Stateless
public class AccountService {

    static final Duration VERIFY_LINK_LIFETIME = Duration.ofHours(48);
    static final Duration RESET_LINK_LIFETIME = Duration.ofHours(1);
    static final Duration STAFF_INVITATION_LIFETIME = Duration.ofHours(72);
    private static final Pattern EMAIL =
            Pattern.compile(
                    "[^@\\s]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    @PersistenceContext(unitName = "shop")
    private EntityManager em;

    @Inject private Argon2PasswordHash hashing;

    @Inject private Clock clock;

    @Inject private Mailbox mail;

    @Inject private Budgets budgets;

    @Inject
    @ConfigProperty(name = "selvedge.public-url", defaultValue = "http://localhost:8080")
    private String publicUrl;

    /** Verified against when the email is unknown, so that both cases take the same time. */
    private static volatile String dummyHash;

    @PostConstruct
    void prepare() {
        if (dummyHash == null) {
            dummyHash = hashing.generate("no account has this password".toCharArray());
        }
    }

    /** Whether an email address is well formed enough to write to. */
    public static boolean isEmail(String email) {
        return email != null && email.length() <= 254 && EMAIL.matcher(email.strip()).matches();
    }

    /**
     * Registers a shopper and sends the link that confirms the address. When the email already has
     * an account, its owner is told by email instead; the caller sees no difference.
     */
    public void register(String email, String fullName, String password) {
        String address = Account.normalise(email);
        if (!isEmail(address)) {
            throw new Rejected(422, "Enter a valid email address, like name@example.com.");
        }
        if (fullName == null || fullName.isBlank() || fullName.strip().length() > 120) {
            throw new Rejected(422, "Enter your name (up to 120 characters).");
        }
        PasswordPolicy.problem(password, address, fullName)
                .ifPresent(
                        problem -> {
                            throw new Rejected(422, problem);
                        });
        boolean mayEmail = mayEmail(address);
        // Hashed before asking whether the address has an account, so that both answers cost the
        // same and their timing does not tell which addresses are registered.
        String hash = hashing.generate(password.toCharArray());
        Optional<Account> existing = find(address);
        if (existing.isPresent()) {
            if (!mayEmail) {
                return;
            }
            mail.send(
                    address,
                    "You already have a Selvedge account",
                    "Hello "
                            + existing.get().getFullName()
                            + ",\n\n"
                            + "Someone (perhaps you) tried to register at Selvedge with this address,"
                            + " which already has an account.\n\nSign in: "
                            + publicUrl
                            + "/sign-in.xhtml\nForgot your password? "
                            + publicUrl
                            + "/forgot-password.xhtml\n\nIf it was not you, you can ignore this email.\n");
            return;
        }
        Account account =
                new Account(address, fullName, hash, EnumSet.of(Role.CUSTOMER), clock.instant());
        em.persist(account);
        em.flush();
        if (mayEmail) {
            sendVerification(account); // Otherwise signing in sends a fresh link.
        }
    }

    /**
     * Whether one more registration or reset email may go to this address: at most {@link
     * #EMAILS_PER_ADDRESS_PER_HOUR} an hour, counted per address typed whether it has an account or
     * not. Past that, the request is answered as usual and nothing is sent, so that neither a flood
     * reaches the address nor an answer tells a stranger anything (a 429 here would let anyone
     * block the owner's reset; the per-client limits answer 429 instead).
     */
    private boolean mayEmail(String address) {
        return budgets.tryToSpend(
                "account-email:" + address, EMAILS_PER_ADDRESS_PER_HOUR, Duration.ofHours(1));
    }

    static final int EMAILS_PER_ADDRESS_PER_HOUR = 3;

    private void sendVerification(Account account) {
        String token = issueToken(account, "VERIFY", VERIFY_LINK_LIFETIME);
        mail.send(
                account.getEmail(),
                "Confirm your email for Selvedge",
                "Hello "
                        + account.getFullName()
                        + ",\n\n"
                        + "Confirm your email address to finish creating your Selvedge account:\n\n"
                        + publicUrl
                        + "/verify.xhtml?token="
                        + token
                        + "\n\n"
                        + "The link works once, for 48 hours. If you did not register, ignore this email.\n");
    }

    /**
     * Confirms an address with the emailed link; the email confirmed, or empty if the link is no
     * good.
     */
    public Optional<String> verify(String token) {
        return consumeToken(token, "VERIFY")
                .map(
                        account -> {
                            account.verify(clock.instant());
                            return account.getEmail();
                        });
    }

    /** Sends a reset link if the email has an account; says nothing either way. */
    public void requestPasswordReset(String email) {
        if (!mayEmail(Account.normalise(email))) {
            return;
        }
        find(Account.normalise(email))
                .ifPresent(
                        account -> {
                            String token = issueToken(account, "RESET", RESET_LINK_LIFETIME);
                            mail.send(
                                    account.getEmail(),
                                    "Reset your Selvedge password",
                                    "Hello "
                                            + account.getFullName()
                                            + ",\n\n"
                                            + "Choose a new password with this link:\n\n"
                                            + publicUrl
                                            + "/reset-password.xhtml?token="
                                            + token
                                            + "\n\n"
                                            + "The link works once, for one hour. If you did not ask for it,"
                                            + " ignore this email: your password stays as it is.\n");
                        });
    }

    /** Sets a new password with an emailed reset link, which is then spent. */
    public String resetPassword(String token, String newPassword) {
        Account account =
                peekToken(token, "RESET")
                        .orElseThrow(
                                () ->
                                        new Rejected(
                                                422,
                                                "This reset link has expired or was already used. Ask for a new one."));
        PasswordPolicy.problem(newPassword, account.getEmail(), account.getFullName())
                .ifPresent(
                        problem -> {
                            throw new Rejected(422, problem);
                        });
        consumeToken(token, "RESET")
                .orElseThrow(
                        () ->
                                new Rejected(
                                        422,
                                        "This reset link was used a moment ago. Ask for a new one."));
        account.changePassword(hashing.generate(newPassword.toCharArray()), clock.instant());
        account.verify(clock.instant()); // The link proved the address.
        em.createNativeQuery("DELETE FROM sign_in_failure WHERE email = ?1")
                .setParameter(1, account.getEmail())
                .executeUpdate();
        return account.getEmail();
    }

    /** Changes the password of a signed-in account, which must give its current one. */
    public void changePassword(String email, String current, String newPassword) {
        Account account = find(email).orElseThrow(() -> new Rejected(404, "No account " + email));
        if (!hashing.verify(current.toCharArray(), account.getPasswordHash())) {
            throw new Rejected(422, "Your current password is not right.");
        }
        PasswordPolicy.problem(newPassword, account.getEmail(), account.getFullName())
                .ifPresent(
                        problem -> {
                            throw new Rejected(422, problem);
                        });
        account.changePassword(hashing.generate(newPassword.toCharArray()), clock.instant());
    }

    /**
     * Checks a sign-in. Throttled first (by the email typed and the client address, known accounts
     * or not), then the password hashed either way.
     */
    /**
     * Checks a sign-in, throttled per email and per client address. A browser this account signed
     * in from before shows its device token and has a failure budget of its own, so that failures
     * by strangers (who lack it) never lock the owner out. Attempts for one email are taken one at
     * a time, so that parallel guesses cannot pass the limit together.
     */
    public SignIn signIn(String email, String password, String clientIp, String deviceToken) {
        String address = StorableText.of(Account.normalise(email), 254);
        Instant now = clock.instant();
        em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "sign-in:" + address)
                .getSingleResult();
        String device = trustedDevice(address, deviceToken).orElse(null);
        Optional<Duration> wait =
                SignInThrottle.wait(
                        failures(address, device, now), failuresFrom(clientIp, now), now);
        if (wait.isPresent()) {
            return new SignIn.Throttled(wait.get());
        }
        Optional<Account> account = find(address);
        boolean matches =
                hashing.verify(
                        password == null ? new char[0] : password.toCharArray(),
                        account.map(Account::getPasswordHash).orElse(dummyHash));
        if (!matches || account.isEmpty()) {
            em.createNativeQuery(
                            "INSERT INTO sign_in_failure (email, client_ip, failed_at, device_hash) VALUES (?1, ?2, ?3, ?4)")
                    .setParameter(1, address)
                    .setParameter(2, clientIp)
                    .setParameter(3, Timestamp.from(now))
                    .setParameter(4, device)
                    .executeUpdate();
            return new SignIn.Refused();
        }
        if (!account.get().isVerified()) {
            sendVerification(account.get());
            return new SignIn.Unverified();
        }
        em.createNativeQuery(
                        "DELETE FROM sign_in_failure WHERE (email = ?1 AND device_hash IS NOT DISTINCT FROM ?2)"
                                + " OR failed_at < ?3")
                .setParameter(1, address)
                .setParameter(2, device)
                .setParameter(3, Timestamp.from(now.minus(Duration.ofDays(1))))
                .executeUpdate();
        return new SignIn.Accepted(
                account.get().getEmail(), account.get().getRoles(), trustDevice(address, device));
    }

    /** The hash of the device token when that browser signed in to this account before. */
    private Optional<String> trustedDevice(String address, String deviceToken) {
        if (deviceToken == null || deviceToken.length() > 100) {
            return Optional.empty();
        }
        String hash = Digests.sha256Hex(deviceToken);
        int known =
                em.createNativeQuery(
                                "UPDATE trusted_device SET last_used_at = now()"
                                        + " WHERE token_hash = ?1 AND email = ?2 AND created_at > now() - interval '1 year'")
                        .setParameter(1, hash)
                        .setParameter(2, address)
                        .executeUpdate();
        return known == 1 ? Optional.of(hash) : Optional.empty();
    }

    /** A new device token for this browser (the old one, if any, is replaced). */
    private String trustDevice(String address, String oldHash) {
        if (oldHash != null) {
            em.createNativeQuery("DELETE FROM trusted_device WHERE token_hash = ?1")
                    .setParameter(1, oldHash)
                    .executeUpdate();
        }
        String token = RandomTokens.of(32);
        em.createNativeQuery("INSERT INTO trusted_device (token_hash, email) VALUES (?1, ?2)")
                .setParameter(1, Digests.sha256Hex(token))
                .setParameter(2, address)
                .executeUpdate();
        return token;
    }

    /** Failures for this email from this trusted browser, or from any untrusted client. */
    private List<Instant> failures(String address, String device, Instant now) {
        return instants(
                em.createNativeQuery(
                                "SELECT failed_at FROM sign_in_failure WHERE email = ?1"
                                        + " AND device_hash IS NOT DISTINCT FROM ?2 AND failed_at > ?3 ORDER BY failed_at")
                        .setParameter(1, address)
                        .setParameter(2, device)
                        .setParameter(3, Timestamp.from(now.minus(SignInThrottle.WINDOW))));
    }

    private List<Instant> failuresFrom(String clientIp, Instant now) {
        return instants(
                em.createNativeQuery(
                                "SELECT failed_at FROM sign_in_failure WHERE client_ip = ?1"
                                        + " AND failed_at > ?2 ORDER BY failed_at")
                        .setParameter(1, clientIp)
                        .setParameter(2, Timestamp.from(now.minus(SignInThrottle.WINDOW))));
    }

    @SuppressWarnings("unchecked")
    private static List<Instant> instants(jakarta.persistence.Query query) {
        List<Object> rows = query.getResultList();
        return rows.stream().map(InstantConverter::instantOf).toList();
    }

    public Optional<Account> find(String email) {
        return em.createNamedQuery("Account.byEmail", Account.class)
                .setParameter("email", Account.normalise(email))
                .getResultStream()
                .findFirst();
    }

    public void updateProfile(String email, String fullName, String phone) {
        if (fullName == null || fullName.isBlank() || fullName.strip().length() > 120) {
            throw new Rejected(422, "Enter your name (up to 120 characters).");
        }
        if (phone != null && !phone.isBlank() && !phone.strip().matches("\\+?[0-9 ()-]{7,20}")) {
            throw new Rejected(
                    422, "Enter a phone number of 7 to 20 digits, like +91 98450 12345.");
        }
        find(email)
                .orElseThrow(() -> new Rejected(404, "No account " + email))
                .rename(fullName, phone);
    }

    /**
     * Makes sure a staff account exists with this password and these roles (the first administrator
     * of a new installation, the demo and the tests).
     */
    public void ensureStaff(String email, String fullName, String password, Set<Role> roles) {
        Optional<Account> existing = find(email);
        Account account;
        if (existing.isPresent()) {
            account = existing.get();
            if (!hashing.verify(password.toCharArray(), account.getPasswordHash())) {
                account.changePassword(hashing.generate(password.toCharArray()), clock.instant());
            }
            account.grant(roles);
        } else {
            account =
                    new Account(
                            email,
                            fullName,
                            hashing.generate(password.toCharArray()),
                            roles,
                            clock.instant());
            em.persist(account);
        }
        account.verify(clock.instant());
    }

    /**
     * A hash no password matches: a new member of staff chooses theirs through the emailed link.
     */
    public String unusablePasswordHash() {
        return hashing.generate(RandomTokens.of(32).toCharArray());
    }

    /** A set-password link's token for a new member of staff (72 hours, used once). */
    public String invitationToken(Account account) {
        return issueToken(account, "RESET", STAFF_INVITATION_LIFETIME);
    }

    private String issueToken(Account account, String purpose, Duration lifetime) {
        String token = RandomTokens.of(32);
        em.createNativeQuery(
                        "INSERT INTO account_token (account_id, purpose, token_hash, expires_at) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, account.getId())
                .setParameter(2, purpose)
                .setParameter(3, Digests.sha256Hex(token))
                .setParameter(4, Timestamp.from(clock.instant().plus(lifetime)))
                .executeUpdate();
        return token;
    }

    /** The account of a live token, without spending it. */
    private Optional<Account> peekToken(String token, String purpose) {
        return tokenAccount(
                "SELECT account_id FROM account_token WHERE token_hash = ?1 AND purpose = ?2"
                        + " AND used_at IS NULL AND expires_at > ?3",
                token,
                purpose);
    }

    /** Spends a live token in one statement (two tabs cannot both use it); its account. */
    private Optional<Account> consumeToken(String token, String purpose) {
        return tokenAccount(
                "UPDATE account_token SET used_at = ?3 WHERE token_hash = ?1 AND purpose = ?2"
                        + " AND used_at IS NULL AND expires_at > ?3 RETURNING account_id",
                token,
                purpose);
    }

    private Optional<Account> tokenAccount(String sql, String token, String purpose) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object> ids =
                em.createNativeQuery(sql)
                        .setParameter(1, Digests.sha256Hex(token))
                        .setParameter(2, purpose)
                        .setParameter(3, Timestamp.from(clock.instant()))
                        .getResultList();
        return ids.stream()
                .findFirst()
                .map(id -> em.find(Account.class, ((Number) id).longValue()));
    }
}
