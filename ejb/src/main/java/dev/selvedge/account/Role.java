package dev.selvedge.account;

/** What an account may do. Shoppers are CUSTOMER; the others are staff roles. */
public enum Role {
    CUSTOMER,
    ADMIN,
    STORE_MANAGER,
    STORE_ASSOCIATE,
    WAREHOUSE,
    CUSTOMER_SERVICE,
    MARKETING;

    public boolean isStaff() {
        return this != CUSTOMER;
    }
}
