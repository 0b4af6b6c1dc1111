-- Orders, as the shopper bought them: prices, tax and address are copied in, so that later changes
-- to the catalogue or the account never change a past order.
CREATE SEQUENCE order_number_seq START 100001;

CREATE TABLE customer_order (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_number      VARCHAR(20)  NOT NULL UNIQUE,
    status            VARCHAR(20)  NOT NULL CHECK (status IN ('PENDING_PAYMENT', 'CONFIRMED',
                                                              'PAYMENT_FAILED', 'CANCELLED')),
    email             VARCHAR(254) NOT NULL,
    account_id        BIGINT REFERENCES account (id),
    ship_name         VARCHAR(120) NOT NULL,
    ship_line1        VARCHAR(200) NOT NULL,
    ship_line2        VARCHAR(200),
    ship_city         VARCHAR(100) NOT NULL,
    ship_state        VARCHAR(100) NOT NULL,
    ship_postal_code  CHAR(6)      NOT NULL,
    ship_country      CHAR(2)      NOT NULL,
    ship_phone        VARCHAR(20)  NOT NULL,
    shipping_method   VARCHAR(20)  NOT NULL,
    pickup_store      VARCHAR(20),
    items_minor       BIGINT       NOT NULL CHECK (items_minor >= 0),
    discount_minor    BIGINT       NOT NULL CHECK (discount_minor >= 0),
    shipping_minor    BIGINT       NOT NULL CHECK (shipping_minor >= 0),
    tax_minor         BIGINT       NOT NULL CHECK (tax_minor >= 0),
    total_minor       BIGINT       NOT NULL CHECK (total_minor >= 0),
    currency          CHAR(3)      NOT NULL,
    payment_method    VARCHAR(20)  NOT NULL,
    reservation_token VARCHAR(64),
    created_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    confirmed_at      TIMESTAMPTZ
);
CREATE INDEX customer_order_email ON customer_order (email);

CREATE TABLE order_line (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id       BIGINT       NOT NULL REFERENCES customer_order (id) ON DELETE CASCADE,
    sku            VARCHAR(40)  NOT NULL,
    name           VARCHAR(300) NOT NULL,
    size           VARCHAR(20)  NOT NULL,
    colour         VARCHAR(40)  NOT NULL,
    quantity       INT          NOT NULL CHECK (quantity > 0),
    unit_minor     BIGINT       NOT NULL CHECK (unit_minor >= 0),
    line_minor     BIGINT       NOT NULL CHECK (line_minor >= 0),
    tax_rate       INT          NOT NULL,
    tax_minor      BIGINT       NOT NULL
);
CREATE INDEX order_line_order ON order_line (order_id);

-- One row per Idempotency-Key: a repeat of the same request gets the first answer back and charges
-- nothing more; the same key with a different request is refused.
CREATE TABLE checkout_attempt (
    idempotency_key VARCHAR(100) PRIMARY KEY,
    request_hash    CHAR(64)     NOT NULL,
    order_id        BIGINT REFERENCES customer_order (id),
    answer_status   INT,
    answer_body     TEXT,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Every try to pay for an order, whatever came of it: what staff see per order.
CREATE TABLE payment_attempt (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id     BIGINT       NOT NULL REFERENCES customer_order (id),
    gateway      VARCHAR(20)  NOT NULL,
    status       VARCHAR(20)  NOT NULL CHECK (status IN ('APPROVED', 'DECLINED', 'ERROR', 'PENDING')),
    reference    VARCHAR(100),
    amount_minor BIGINT       NOT NULL,
    currency     CHAR(3)      NOT NULL,
    message      TEXT,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX payment_attempt_order ON payment_attempt (order_id);
