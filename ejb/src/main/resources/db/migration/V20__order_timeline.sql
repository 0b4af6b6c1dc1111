-- An order's life after payment (issue #12), first the ground it stands on: every state an order
-- can be in, the moves between them that make sense, and a timeline that records each move. As
-- with the stock ledger, the database keeps the rules and writes the timeline itself, so that no
-- code path can skip either. The services say who moved the order and why with transaction-local
-- settings (selvedge.order_actor_kind: SYSTEM, SHOPPER, STAFF, CARRIER or PAYMENT;
-- selvedge.order_actor; selvedge.order_reason).

ALTER TABLE customer_order DROP CONSTRAINT customer_order_status_check;
ALTER TABLE customer_order ADD CONSTRAINT customer_order_status_check CHECK (status IN (
    'PENDING_PAYMENT', 'CONFIRMED', 'PAYMENT_FAILED', 'CANCELLED',
    'ALLOCATED', 'PICKING', 'PACKED', 'SHIPPED', 'OUT_FOR_DELIVERY', 'DELIVERED',
    'DELIVERY_FAILED', 'RETURNED_TO_ORIGIN', 'READY_FOR_PICKUP', 'COLLECTED', 'NOT_COLLECTED'));

-- The moves allowed. Cancelling stops at SHIPPED: from there the parcel is on its way.
CREATE TABLE order_transition (
    from_status VARCHAR(20) NOT NULL,
    to_status   VARCHAR(20) NOT NULL,
    PRIMARY KEY (from_status, to_status)
);
INSERT INTO order_transition (from_status, to_status) VALUES
    ('PENDING_PAYMENT', 'CONFIRMED'), ('PENDING_PAYMENT', 'PAYMENT_FAILED'),
    ('PENDING_PAYMENT', 'CANCELLED'), ('PAYMENT_FAILED', 'CONFIRMED'),
    ('PAYMENT_FAILED', 'CANCELLED'),
    ('CONFIRMED', 'ALLOCATED'), ('CONFIRMED', 'CANCELLED'),
    ('ALLOCATED', 'PICKING'), ('ALLOCATED', 'CONFIRMED'), ('ALLOCATED', 'READY_FOR_PICKUP'),
    ('ALLOCATED', 'CANCELLED'),
    ('PICKING', 'PACKED'), ('PICKING', 'ALLOCATED'), ('PICKING', 'READY_FOR_PICKUP'),
    ('PICKING', 'CANCELLED'),
    ('PACKED', 'SHIPPED'), ('PACKED', 'CANCELLED'),
    ('SHIPPED', 'OUT_FOR_DELIVERY'), ('SHIPPED', 'DELIVERED'), ('SHIPPED', 'DELIVERY_FAILED'),
    ('OUT_FOR_DELIVERY', 'DELIVERED'), ('OUT_FOR_DELIVERY', 'DELIVERY_FAILED'),
    ('DELIVERY_FAILED', 'OUT_FOR_DELIVERY'), ('DELIVERY_FAILED', 'RETURNED_TO_ORIGIN'),
    ('READY_FOR_PICKUP', 'COLLECTED'), ('READY_FOR_PICKUP', 'NOT_COLLECTED');

-- Each move of each order; event_id is what subscribers tell a repeat by. No sequence here: the
-- trigger that writes it runs inside the order's INSERT, and EclipseLink reads the order's new id
-- with lastval(), which any sequence used in between would take over.
CREATE TABLE order_event (
    event_id    UUID         PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id    BIGINT       NOT NULL REFERENCES customer_order (id),
    from_status VARCHAR(20),
    to_status   VARCHAR(20)  NOT NULL,
    actor_kind  VARCHAR(10)  NOT NULL CHECK (actor_kind IN ('SYSTEM', 'SHOPPER', 'STAFF', 'CARRIER', 'PAYMENT')),
    actor       VARCHAR(120) NOT NULL,
    reason      VARCHAR(300),
    at          TIMESTAMPTZ  NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX order_event_order_idx ON order_event (order_id, at);

CREATE FUNCTION order_event_append_only() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'order_event is append-only: % refused', TG_OP;
END $$;

CREATE TRIGGER order_event_no_change
    BEFORE UPDATE OR DELETE ON order_event
    FOR EACH ROW EXECUTE FUNCTION order_event_append_only();

-- A move that is not in the table is refused, whoever asks (check_violation, with both states).
CREATE FUNCTION order_status_guard() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM order_transition
                   WHERE from_status = OLD.status AND to_status = NEW.status) THEN
        RAISE EXCEPTION 'Order % cannot go from % to %', OLD.order_number, OLD.status, NEW.status
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER order_status_guard
    BEFORE UPDATE OF status ON customer_order
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION order_status_guard();

CREATE FUNCTION order_status_timeline() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO order_event (order_id, from_status, to_status, actor_kind, actor, reason)
    VALUES (NEW.id,
            CASE WHEN TG_OP = 'UPDATE' THEN OLD.status END,
            NEW.status,
            COALESCE(NULLIF(current_setting('selvedge.order_actor_kind', true), ''), 'SYSTEM'),
            COALESCE(NULLIF(current_setting('selvedge.order_actor', true), ''), 'shop'),
            NULLIF(current_setting('selvedge.order_reason', true), ''));
    RETURN NULL;
END $$;

CREATE TRIGGER order_placed_timeline
    AFTER INSERT ON customer_order
    FOR EACH ROW EXECUTE FUNCTION order_status_timeline();

CREATE TRIGGER order_status_timeline
    AFTER UPDATE OF status ON customer_order
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION order_status_timeline();

-- The timeline of the orders placed before it: what is known of them.
INSERT INTO order_event (order_id, from_status, to_status, actor_kind, actor, reason, at)
SELECT id, NULL, status, 'SYSTEM', 'migration V20', 'state when the timeline began',
       COALESCE(confirmed_at, created_at)
FROM customer_order;
