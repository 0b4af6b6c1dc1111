-- Shopping bags. A guest's bag is found by the SHA-256 of the random token in its cookie (the token
-- itself is never stored); a signed-in shopper's bag by the account, one per account. The checkout
-- steps filled in so far live with the bag, so that a session that ends mid-checkout loses nothing.
CREATE TABLE cart (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token_hash      CHAR(64)    UNIQUE,
    account_id      BIGINT      UNIQUE REFERENCES account (id) ON DELETE CASCADE,
    checkout        TEXT,
    -- The Idempotency-Key of the order about to be placed: one order however often "Place order"
    -- is pressed; cleared whenever the bag or the checkout changes.
    attempt_key     VARCHAR(100),
    placed_order_id BIGINT      REFERENCES customer_order (id),
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (token_hash IS NOT NULL OR account_id IS NOT NULL)
);
-- Abandoned guest bags are purged by age.
CREATE INDEX cart_guest_updated ON cart (updated_at) WHERE account_id IS NULL;

CREATE TABLE cart_line (
    cart_id  BIGINT      NOT NULL REFERENCES cart (id) ON DELETE CASCADE,
    sku      VARCHAR(40) NOT NULL REFERENCES variant (sku) ON DELETE CASCADE,
    quantity INT         NOT NULL CHECK (quantity BETWEEN 1 AND 10),
    added_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (cart_id, sku)
);
