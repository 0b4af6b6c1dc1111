-- Staff switch payment methods off (and on again) from the back office, on top of what the
-- configuration offers; who did it and when is kept.
CREATE TABLE payment_gateway_setting (
    gateway    VARCHAR(20)  PRIMARY KEY,
    enabled    BOOLEAN      NOT NULL,
    changed_by VARCHAR(254) NOT NULL,
    changed_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);
