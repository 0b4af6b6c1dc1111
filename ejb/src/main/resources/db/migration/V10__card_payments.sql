-- Card gateways: the shopper pays on the provider's own page (REDIRECT, with where to send them),
-- and money can go back (REFUNDED, or REFUND_FAILED for staff to finish by hand).
ALTER TABLE payment_attempt DROP CONSTRAINT payment_attempt_status_check;
ALTER TABLE payment_attempt ADD CONSTRAINT payment_attempt_status_check
    CHECK (status IN ('APPROVED', 'DECLINED', 'ERROR', 'PENDING', 'REDIRECT', 'REFUNDED',
                      'REFUND_FAILED'));
ALTER TABLE payment_attempt ADD COLUMN redirect_url TEXT;

-- Every webhook a provider sent, kept whatever became of it: applied, a repeat of one applied
-- before (not stored twice: the provider's event id is unique per gateway), about an order this
-- shop does not know, or refused for its signature (then with no trusted event id).
CREATE TABLE payment_event (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    gateway      VARCHAR(20)  NOT NULL,
    event_id     VARCHAR(100),
    event_type   VARCHAR(100),
    order_number VARCHAR(20),
    outcome      VARCHAR(20)  NOT NULL CHECK (outcome IN ('APPLIED', 'IGNORED', 'UNMATCHED',
                                                          'BAD_SIGNATURE')),
    detail       TEXT,
    body         TEXT         NOT NULL,
    received_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (gateway, event_id)
);
CREATE INDEX payment_event_order ON payment_event (order_number);
