-- Who can sign in: shoppers and staff, one table, told apart by their roles. The email is the
-- sign-in name, unique whatever its case.
CREATE TABLE account (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email               VARCHAR(254) NOT NULL,
    password_hash       VARCHAR(200) NOT NULL,
    full_name           VARCHAR(120) NOT NULL,
    phone               VARCHAR(20),
    verified_at         TIMESTAMPTZ,
    created_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    password_changed_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CHECK (email = lower(email) AND position('@' IN email) > 1)
);
CREATE UNIQUE INDEX account_email ON account (email);

CREATE TABLE account_role (
    account_id BIGINT      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    role       VARCHAR(20) NOT NULL CHECK (role IN ('CUSTOMER', 'ADMIN', 'STORE_MANAGER',
                                                    'STORE_ASSOCIATE', 'WAREHOUSE',
                                                    'CUSTOMER_SERVICE', 'MARKETING')),
    PRIMARY KEY (account_id, role)
);

-- Single-use tokens sent by email (address verification, password reset). Only a SHA-256 of the
-- token is kept: a copy of the database does not let anyone reset a password.
CREATE TABLE account_token (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id BIGINT      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    purpose    VARCHAR(10) NOT NULL CHECK (purpose IN ('VERIFY', 'RESET')),
    token_hash CHAR(64)    NOT NULL UNIQUE,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX account_token_account ON account_token (account_id, purpose);

-- Failed sign-ins, by the email typed (known or not) and by the client address: what throttling
-- counts. Old rows are deleted by the throttle itself.
CREATE TABLE sign_in_failure (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email     VARCHAR(254) NOT NULL,
    client_ip VARCHAR(45)  NOT NULL,
    failed_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX sign_in_failure_email ON sign_in_failure (email, failed_at);
CREATE INDEX sign_in_failure_ip ON sign_in_failure (client_ip, failed_at);

-- A shopper's saved addresses (Indian postal addresses: a six-digit PIN code).
CREATE TABLE address (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id  BIGINT       NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    name        VARCHAR(120) NOT NULL,
    line1       VARCHAR(200) NOT NULL,
    line2       VARCHAR(200),
    city        VARCHAR(100) NOT NULL,
    state       VARCHAR(100) NOT NULL,
    postal_code CHAR(6)      NOT NULL CHECK (postal_code ~ '^[1-9][0-9]{5}$'),
    country     CHAR(2)      NOT NULL DEFAULT 'IN',
    phone       VARCHAR(20)  NOT NULL,
    is_default  BOOLEAN      NOT NULL DEFAULT false,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX address_account ON address (account_id);

-- Every email the shop sends, written in the transaction that causes it (a verification email is
-- never lost when the mail server is down) and sent after the commit; failures are retried and
-- shown to staff.
CREATE TABLE outgoing_mail (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    to_address VARCHAR(254) NOT NULL,
    subject    VARCHAR(200) NOT NULL,
    body_text  TEXT         NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    sent_at    TIMESTAMPTZ,
    attempts   INT          NOT NULL DEFAULT 0,
    last_error TEXT
);
CREATE INDEX outgoing_mail_waiting ON outgoing_mail (id) WHERE sent_at IS NULL;
