-- One stock truth, second part: reservations that cannot oversell, every stock change published
-- through an outbox, POS messages that failed kept for staff, and stores whose feed went silent.

-- The database itself refuses to promise units that are not there.
ALTER TABLE stock_level ADD CONSTRAINT stock_level_reserved_on_hand CHECK (reserved <= on_hand);

-- A store whose feed has been silent past the limit: since when, and how its stock counts
-- meanwhile (extra units kept back; NULL while silent means it does not count at all).
ALTER TABLE location ADD COLUMN silent_since TIMESTAMPTZ;
ALTER TABLE location ADD COLUMN silent_extra_safety INT CHECK (silent_extra_safety >= 0);

-- Units of one stock level that can be promised online now; the one definition that both the
-- variant's figure and reservations use.
CREATE FUNCTION sellable(s stock_level, l location) RETURNS INT
LANGUAGE sql STABLE AS $$
    SELECT CASE
        WHEN NOT l.fulfils_online THEN 0
        WHEN l.silent_since IS NOT NULL AND l.silent_extra_safety IS NULL THEN 0
        ELSE GREATEST(s.on_hand - s.reserved - l.safety_stock
                      - CASE WHEN l.silent_since IS NULL THEN 0 ELSE l.silent_extra_safety END, 0)
    END
$$;

CREATE OR REPLACE FUNCTION variant_available_online(variant BIGINT) RETURNS INT
LANGUAGE sql STABLE AS $$
    SELECT COALESCE(SUM(sellable(s, l)), 0)::INT
    FROM stock_level s JOIN location l ON l.id = s.location_id
    WHERE s.variant_id = variant
$$;

DROP TRIGGER location_available_online ON location;
CREATE TRIGGER location_available_online
    AFTER UPDATE OF fulfils_online, safety_stock, silent_since, silent_extra_safety ON location
    FOR EACH ROW WHEN (OLD.fulfils_online IS DISTINCT FROM NEW.fulfils_online
                       OR OLD.safety_stock IS DISTINCT FROM NEW.safety_stock
                       OR OLD.silent_since IS DISTINCT FROM NEW.silent_since
                       OR OLD.silent_extra_safety IS DISTINCT FROM NEW.silent_extra_safety)
    EXECUTE FUNCTION location_online_changed();

-- Units held for a checkout until it is paid (SOLD), given up (RELEASED) or runs out (EXPIRED).
CREATE TABLE reservation (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token       VARCHAR(64)  NOT NULL UNIQUE,
    -- The caller's own reference (checkout attempt, order number): one reservation each.
    reference   VARCHAR(80)  NOT NULL UNIQUE,
    status      VARCHAR(10)  NOT NULL CHECK (status IN ('HELD', 'SOLD', 'RELEASED', 'EXPIRED')),
    expires_at  TIMESTAMPTZ  NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    closed_at   TIMESTAMPTZ
);
CREATE INDEX reservation_held_idx ON reservation (expires_at) WHERE status = 'HELD';

-- Where the units of a reservation are held. A line whose units a till sold and that no other
-- location could take over is SHORT: nothing is held for it and staff must act.
CREATE TABLE reservation_line (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reservation_id BIGINT      NOT NULL REFERENCES reservation (id),
    variant_id     BIGINT      NOT NULL REFERENCES variant (id),
    location_id    BIGINT      NOT NULL REFERENCES location (id),
    quantity       INT         NOT NULL CHECK (quantity > 0),
    status         VARCHAR(10) NOT NULL DEFAULT 'HELD' CHECK (status IN ('HELD', 'MOVED', 'SHORT')),
    note           VARCHAR(300)
);
CREATE INDEX reservation_line_reservation_idx ON reservation_line (reservation_id);
CREATE INDEX reservation_line_held_idx ON reservation_line (variant_id, location_id) WHERE status = 'HELD';

-- Every stock change, to be published on jms/stock/changes. Written by the same trigger as the
-- ledger, so a change and its message commit or roll back together; the relay deletes what it
-- has sent. NOTIFY wakes the relay at commit.
CREATE TABLE stock_outbox (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    payload     TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The ledger trigger now also writes the change's message.
CREATE OR REPLACE FUNCTION stock_level_ledger() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
DECLARE
    before_on_hand INT := CASE WHEN TG_OP = 'INSERT' THEN 0 ELSE OLD.on_hand END;
    before_reserved INT := CASE WHEN TG_OP = 'INSERT' THEN 0 ELSE OLD.reserved END;
    movement stock_movement;
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.on_hand = NEW.on_hand AND OLD.reserved = NEW.reserved THEN
        RETURN NULL;
    END IF;
    INSERT INTO stock_movement (variant_id, location_id, channel, event_type, event_id, actor,
                                on_hand_before, on_hand_after, reserved_before, reserved_after,
                                reason, occurred_at)
    VALUES (NEW.variant_id, NEW.location_id,
            COALESCE(NULLIF(current_setting('selvedge.channel', true), ''), 'DATABASE'),
            COALESCE(NULLIF(current_setting('selvedge.event_type', true), ''),
                     CASE WHEN TG_OP = 'INSERT' THEN 'OPENING' ELSE 'CORRECTION' END),
            NULLIF(current_setting('selvedge.event_id', true), ''),
            COALESCE(NULLIF(current_setting('selvedge.actor', true), ''), current_user),
            before_on_hand, NEW.on_hand, before_reserved, NEW.reserved,
            NULLIF(current_setting('selvedge.reason', true), ''),
            COALESCE(NULLIF(current_setting('selvedge.occurred_at', true), '')::timestamptz, now()))
    RETURNING * INTO movement;
    -- The variant's figure is already up to date: its trigger fires first (name order).
    INSERT INTO stock_outbox (payload)
    SELECT json_build_object(
        'eventId', 'stock-' || movement.id,
        'type', 'STOCK_CHANGED',
        'occurredAt', to_char(movement.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        'sku', v.sku,
        'location', l.code,
        'onHand', NEW.on_hand,
        'reserved', NEW.reserved,
        'availableOnline', v.available_online,
        'channel', movement.channel,
        'cause', movement.event_type,
        'causeId', movement.event_id)::TEXT
    FROM variant v, location l
    WHERE v.id = NEW.variant_id AND l.id = NEW.location_id;
    PERFORM pg_notify('stock_outbox', '');
    RETURN NULL;
END $$;

-- POS messages that could not be applied (bad JSON, unknown SKU or store, ...), from either door,
-- kept for staff to read, fix the cause and replay. A JMS message lands here after the configured
-- attempts; an HTTP event at once (the till got its 4xx answer).
CREATE TABLE pos_dead_letter (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    door         VARCHAR(4)   NOT NULL CHECK (door IN ('JMS', 'HTTP')),
    message_id   VARCHAR(120),
    event_id     VARCHAR(80),
    store_code   VARCHAR(20),
    terminal_id  VARCHAR(40),
    body         TEXT         NOT NULL,
    reason       VARCHAR(1000) NOT NULL,
    attempts     INT          NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    replayed_at  TIMESTAMPTZ,
    replayed_by  VARCHAR(120)
);
CREATE INDEX pos_dead_letter_open_idx ON pos_dead_letter (created_at) WHERE replayed_at IS NULL;
CREATE UNIQUE INDEX pos_dead_letter_message_idx ON pos_dead_letter (message_id) WHERE message_id IS NOT NULL;

-- Failed deliveries of a JMS message so far, counted in their own transactions so that the
-- count survives the rollback that makes the broker deliver it again.
CREATE TABLE pos_message_attempt (
    message_id  VARCHAR(120) PRIMARY KEY,
    attempts    INT          NOT NULL,
    last_error  VARCHAR(1000) NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
