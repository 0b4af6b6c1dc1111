-- Issue #12, the shopper's side: "My orders" by account, cancellations with their refunds, and
-- the texts (SMS, WhatsApp) sent to shoppers beside their emails.

CREATE INDEX customer_order_account ON customer_order (account_id, created_at DESC)
    WHERE account_id IS NOT NULL;

-- The money an order gives back when it is cancelled (by the shopper or staff) or not collected.
-- One per order and cause: a second press or a replayed message finds it and does nothing more.
-- The provider is asked from the fulfilment queue, never on the shopper's request; each try is
-- counted, and a refund the provider refused stays FAILED, with its words, for staff to retry.
CREATE TABLE order_refund (
    id                BIGINT       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id          BIGINT       NOT NULL REFERENCES customer_order (id),
    cause             VARCHAR(20)  NOT NULL CHECK (cause IN ('CANCELLED', 'NOT_COLLECTED')),
    gateway           VARCHAR(20)  NOT NULL,
    payment_reference VARCHAR(100) NOT NULL,
    amount_minor      BIGINT       NOT NULL CHECK (amount_minor > 0),
    currency          CHAR(3)      NOT NULL,
    status            VARCHAR(10)  NOT NULL DEFAULT 'PENDING'
                      CHECK (status IN ('PENDING', 'REFUNDED', 'FAILED')),
    tries             INT          NOT NULL DEFAULT 0,
    provider_message  TEXT,
    created_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    refunded_at       TIMESTAMPTZ,
    UNIQUE (order_id, cause)
);
CREATE INDEX order_refund_open ON order_refund (created_at) WHERE status <> 'REFUNDED';

-- Texts to shoppers, queued in the transaction of what they tell and sent in the background by a
-- provider (Twilio); in the demo shop they are only shown to staff (status DEMO).
CREATE TABLE outgoing_text (
    id            BIGINT       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    channel       VARCHAR(10)  NOT NULL CHECK (channel IN ('SMS', 'WHATSAPP')),
    recipient     VARCHAR(20)  NOT NULL,
    body          VARCHAR(1600) NOT NULL,
    status        VARCHAR(10)  NOT NULL DEFAULT 'QUEUED'
                  CHECK (status IN ('QUEUED', 'SENT', 'DELIVERED', 'FAILED', 'DEMO')),
    attempts      INT          NOT NULL DEFAULT 0,
    provider_id   VARCHAR(64),
    provider_status VARCHAR(20),
    last_error    TEXT,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at       TIMESTAMPTZ
);
CREATE INDEX outgoing_text_due ON outgoing_text (next_attempt_at) WHERE status = 'QUEUED';
CREATE UNIQUE INDEX outgoing_text_provider ON outgoing_text (provider_id) WHERE provider_id IS NOT NULL;
