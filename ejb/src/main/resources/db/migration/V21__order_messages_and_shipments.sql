-- Issue #12, the hand-off: every move of an order becomes a message, and a confirmed order its
-- fulfilment request, written by the database in the same transaction as the move (an outbox, as
-- for stock changes): no confirmed order without its request, no request without its order. A
-- relay publishes them on jms/orders/status (topic) and jms/orders/fulfilment (queue) and deletes
-- what it sent; NOTIFY wakes it at commit.
--
-- No sequence here either: the first move is written while the order row is being inserted, and
-- EclipseLink reads the order's id with lastval(). Rows are taken oldest first by created_at.
CREATE TABLE order_outbox (
    id          UUID        PRIMARY KEY DEFAULT gen_random_uuid(),
    destination VARCHAR(12) NOT NULL CHECK (destination IN ('STATUS', 'FULFILMENT')),
    payload     TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX order_outbox_created_idx ON order_outbox (created_at);

CREATE FUNCTION order_event_outbox() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
DECLARE
    number VARCHAR;
    occurred TEXT := to_char(NEW.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"');
BEGIN
    SELECT order_number INTO number FROM customer_order WHERE id = NEW.order_id;
    -- Who moved it is said by kind only: staff accounts and carriers' names stay in the shop.
    INSERT INTO order_outbox (destination, payload) VALUES ('STATUS', json_build_object(
        'eventId', NEW.event_id,
        'type', 'ORDER_STATUS_CHANGED',
        'occurredAt', occurred,
        'orderNumber', number,
        'from', NEW.from_status,
        'to', NEW.to_status,
        'actorKind', NEW.actor_kind,
        'reason', NEW.reason)::TEXT);
    -- Confirmed (paid, or a re-allocation sent it back): someone must pick it.
    IF NEW.to_status = 'CONFIRMED' THEN
        INSERT INTO order_outbox (destination, payload) VALUES ('FULFILMENT', json_build_object(
            'eventId', NEW.event_id,
            'type', 'FULFILMENT_REQUESTED',
            'occurredAt', occurred,
            'orderNumber', number)::TEXT);
    END IF;
    PERFORM pg_notify('order_outbox', '');
    RETURN NULL;
END $$;

CREATE TRIGGER order_event_outbox
    AFTER INSERT ON order_event
    FOR EACH ROW EXECUTE FUNCTION order_event_outbox();

-- Confirmed orders from before the outbox existed still need picking.
INSERT INTO order_outbox (destination, payload)
SELECT 'FULFILMENT', json_build_object(
           'eventId', e.event_id,
           'type', 'FULFILMENT_REQUESTED',
           'occurredAt', to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
           'orderNumber', o.order_number)::TEXT
FROM customer_order o
JOIN LATERAL (SELECT event_id, at FROM order_event WHERE order_id = o.id
              ORDER BY at DESC LIMIT 1) e ON true
WHERE o.status = 'CONFIRMED';

-- Messages a consumer has acted on, recorded in the same transaction as what it did: a repeat
-- (the relay sends at least once) changes nothing.
CREATE TABLE order_message_seen (
    consumer   VARCHAR(40) NOT NULL,
    event_id   UUID        NOT NULL,
    seen_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

-- Parcels: an order ships in one or more, each from one location. Each line of a parcel is (part
-- of) an order line; the units left stock at that location when the order was paid.
CREATE TABLE shipment (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id        BIGINT       NOT NULL REFERENCES customer_order (id),
    location_id     BIGINT       NOT NULL REFERENCES location (id),
    status          VARCHAR(20)  NOT NULL DEFAULT 'TO_PICK' CHECK (status IN (
                        'TO_PICK', 'PICKING', 'PACKED', 'BOOKING', 'BOOKING_FAILED', 'BOOKED',
                        'SHIPPED', 'OUT_FOR_DELIVERY', 'DELIVERED', 'DELIVERY_FAILED',
                        'RETURNED_TO_ORIGIN', 'READY_FOR_PICKUP', 'COLLECTED', 'CANCELLED')),
    carrier         VARCHAR(20),
    awb             VARCHAR(40),
    -- The carrier's own id of the shipment, the courier it chose, where the label is.
    carrier_ref     VARCHAR(60),
    courier         VARCHAR(80),
    label_url       VARCHAR(500),
    tracking_url    VARCHAR(300),
    carrier_status  VARCHAR(80),
    carrier_message VARCHAR(500),
    weight_grams    INT          CHECK (weight_grams BETWEEN 1 AND 100000),
    box             VARCHAR(20),
    booking_tries   INT          NOT NULL DEFAULT 0,
    packed_by       VARCHAR(120),
    booked_at       TIMESTAMPTZ,
    shipped_at      TIMESTAMPTZ,
    -- Last asked for its tracking (carriers that do not push are polled, oldest first).
    polled_at       TIMESTAMPTZ,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX shipment_order_idx ON shipment (order_id);
CREATE INDEX shipment_location_open_idx ON shipment (location_id, status)
    WHERE status NOT IN ('DELIVERED', 'RETURNED_TO_ORIGIN', 'COLLECTED', 'CANCELLED');
CREATE UNIQUE INDEX shipment_awb_idx ON shipment (carrier, awb) WHERE awb IS NOT NULL;

CREATE TABLE shipment_line (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shipment_id   BIGINT NOT NULL REFERENCES shipment (id),
    order_line_id BIGINT NOT NULL REFERENCES order_line (id),
    quantity      INT    NOT NULL CHECK (quantity > 0),
    picked        INT    NOT NULL DEFAULT 0 CHECK (picked BETWEEN 0 AND quantity)
);
CREATE INDEX shipment_line_shipment_idx ON shipment_line (shipment_id);

-- What carriers reported of each parcel, as they said it (an unknown status is kept too). A
-- repeat of the same status at the same time is the same report.
CREATE TABLE shipment_tracking (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shipment_id    BIGINT       NOT NULL REFERENCES shipment (id),
    carrier_status VARCHAR(80)  NOT NULL,
    step           VARCHAR(20)  NOT NULL,
    at             TIMESTAMPTZ  NOT NULL,
    place          VARCHAR(120),
    remark         VARCHAR(300),
    received_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (shipment_id, carrier_status, at)
);

-- The label of a booked parcel, fetched once from the carrier: printing never waits on it.
CREATE TABLE shipment_label (
    shipment_id BIGINT      PRIMARY KEY REFERENCES shipment (id),
    pdf         BYTEA       NOT NULL,
    fetched_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Every tracking webhook as it came and what became of it, refused ones included.
CREATE TABLE carrier_webhook (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    carrier     VARCHAR(20)   NOT NULL,
    received_at TIMESTAMPTZ   NOT NULL DEFAULT now(),
    body        TEXT          NOT NULL,
    outcome     VARCHAR(20)   NOT NULL CHECK (outcome IN ('APPLIED', 'REPEAT', 'BAD_SIGNATURE', 'UNKNOWN_AWB', 'MALFORMED')),
    detail      VARCHAR(1000)
);
CREATE INDEX carrier_webhook_received_idx ON carrier_webhook (received_at);

-- Order messages that could not be handled after the configured attempts, kept for staff with the
-- reason, and replayed from the back office.
CREATE TABLE parked_message (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    destination  VARCHAR(40)   NOT NULL,
    message_id   VARCHAR(120)  NOT NULL UNIQUE,
    body         TEXT          NOT NULL,
    reason       VARCHAR(1000) NOT NULL,
    attempts     INT           NOT NULL,
    parked_at    TIMESTAMPTZ   NOT NULL DEFAULT now(),
    replayed_at  TIMESTAMPTZ,
    replayed_by  VARCHAR(120)
);
CREATE INDEX parked_message_open_idx ON parked_message (parked_at) WHERE replayed_at IS NULL;

-- Failed deliveries of an order message so far, counted in transactions of their own.
CREATE TABLE order_message_attempt (
    message_id  VARCHAR(120)  PRIMARY KEY,
    attempts    INT           NOT NULL,
    last_error  VARCHAR(1000) NOT NULL,
    updated_at  TIMESTAMPTZ   NOT NULL DEFAULT now()
);
