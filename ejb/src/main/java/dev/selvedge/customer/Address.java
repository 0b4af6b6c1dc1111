package dev.selvedge.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A saved delivery address of a shopper's account. */
@Entity
@Table(name = "address")
@NamedQuery(
        name = "Address.ofAccount",
        query =
                "SELECT a FROM Address a WHERE a.accountId = :account ORDER BY a.isDefault DESC, a.id")
public class Address {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    private String name;
    private String line1;
    private String line2;
    private String city;
    private String state;

    @Column(name = "postal_code")
    private String postalCode;

    private String country;
    private String phone;

    @Column(name = "is_default")
    private boolean isDefault;

    @Column(name = "created_at")
    private Instant createdAt;

    protected Address() {}

    Address(long accountId, PostalAddress a, Instant now) {
        this.accountId = accountId;
        this.name = a.name();
        this.line1 = a.line1();
        this.line2 = a.line2();
        this.city = a.city();
        this.state = a.state();
        this.postalCode = a.postalCode();
        this.country = a.country();
        this.phone = a.phone();
        this.createdAt = now;
    }

    void setDefault(boolean isDefault) {
        this.isDefault = isDefault;
    }

    public PostalAddress toPostalAddress() {
        return new PostalAddress(name, line1, line2, city, state, postalCode, country, phone);
    }

    public Long getId() {
        return id;
    }

    Long getAccountId() {
        return accountId;
    }

    public boolean isDefault() {
        return isDefault;
    }

    /** One line for lists: "Asha Rao, 12 4th Cross, Bengaluru 560038". */
    public String getSummary() {
        return name
                + ", "
                + line1
                + (line2 == null ? "" : ", " + line2)
                + ", "
                + city
                + ", "
                + state
                + " "
                + postalCode;
    }
}
