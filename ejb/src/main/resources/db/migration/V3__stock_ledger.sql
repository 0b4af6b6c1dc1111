-- One stock truth, first part: every change of a stock level is a row of an append-only ledger,
-- POS events are applied exactly once, and terminals authenticate with API keys.

ALTER TABLE location ADD COLUMN safety_stock INT NOT NULL DEFAULT 0 CHECK (safety_stock >= 0);
-- When the store's feed (events, later heartbeats) was last heard.
ALTER TABLE location ADD COLUMN last_heard_at TIMESTAMPTZ;

-- Sellable online now keeps each location's safety stock back.
CREATE OR REPLACE FUNCTION variant_available_online(variant BIGINT) RETURNS INT
LANGUAGE sql STABLE AS $$
    SELECT COALESCE(SUM(GREATEST(s.on_hand - s.reserved - l.safety_stock, 0)), 0)::INT
    FROM stock_level s JOIN location l ON l.id = s.location_id
    WHERE s.variant_id = variant AND l.fulfils_online
$$;

DROP TRIGGER location_available_online ON location;
CREATE TRIGGER location_available_online
    AFTER UPDATE OF fulfils_online, safety_stock ON location
    FOR EACH ROW WHEN (OLD.fulfils_online IS DISTINCT FROM NEW.fulfils_online
                       OR OLD.safety_stock IS DISTINCT FROM NEW.safety_stock)
    EXECUTE FUNCTION location_online_changed();

CREATE TABLE stock_movement (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    variant_id      BIGINT       NOT NULL REFERENCES variant (id),
    location_id     BIGINT       NOT NULL REFERENCES location (id),
    -- Who changed it: POS, ONLINE, BATCH, STAFF, or DATABASE for a change made without the services.
    channel         VARCHAR(12)  NOT NULL,
    event_type      VARCHAR(20)  NOT NULL,
    event_id        VARCHAR(80),
    actor           VARCHAR(120) NOT NULL,
    on_hand_before  INT          NOT NULL,
    on_hand_after   INT          NOT NULL,
    reserved_before INT          NOT NULL,
    reserved_after  INT          NOT NULL,
    reason          VARCHAR(300),
    occurred_at     TIMESTAMPTZ  NOT NULL,
    recorded_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX stock_movement_level_idx ON stock_movement (variant_id, location_id, occurred_at);
CREATE INDEX stock_movement_event_idx ON stock_movement (event_id);

CREATE FUNCTION stock_movement_append_only() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'stock_movement is append-only: % refused', TG_OP;
END $$;

CREATE TRIGGER stock_movement_no_change
    BEFORE UPDATE OR DELETE ON stock_movement
    FOR EACH ROW EXECUTE FUNCTION stock_movement_append_only();

-- The database writes the ledger itself, so that no change can skip it. The services say what the
-- change is with transaction-local settings (selvedge.channel, .event_type, .event_id, .actor,
-- .reason, .occurred_at).
CREATE FUNCTION stock_level_ledger() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
DECLARE
    before_on_hand INT := CASE WHEN TG_OP = 'INSERT' THEN 0 ELSE OLD.on_hand END;
    before_reserved INT := CASE WHEN TG_OP = 'INSERT' THEN 0 ELSE OLD.reserved END;
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
            COALESCE(NULLIF(current_setting('selvedge.occurred_at', true), '')::timestamptz, now()));
    RETURN NULL;
END $$;

CREATE TRIGGER stock_level_ledger
    AFTER INSERT OR UPDATE OF on_hand, reserved ON stock_level
    FOR EACH ROW EXECUTE FUNCTION stock_level_ledger();

-- Stock that existed before the ledger becomes its opening balance.
INSERT INTO stock_movement (variant_id, location_id, channel, event_type, actor, on_hand_before,
                            on_hand_after, reserved_before, reserved_after, occurred_at)
SELECT variant_id, location_id, 'DATABASE', 'OPENING', 'migration V3', 0, on_hand, 0, reserved, now()
FROM stock_level;

CREATE TABLE pos_terminal (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    location_id BIGINT      NOT NULL REFERENCES location (id),
    terminal_id VARCHAR(40) NOT NULL,
    -- SHA-256 of the API key, hex; the key itself is shown once, when issued.
    key_hash    CHAR(64)    NOT NULL UNIQUE,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    revoked_at  TIMESTAMPTZ,
    UNIQUE (location_id, terminal_id)
);

-- Each POS event once: the first answer is kept and given again to a repeat.
CREATE TABLE pos_event (
    event_id    VARCHAR(80) PRIMARY KEY,
    location_id BIGINT      NOT NULL REFERENCES location (id),
    terminal_id VARCHAR(40) NOT NULL,
    event_type  VARCHAR(20) NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    answer      TEXT        NOT NULL
);

-- The till sold more than the system thought was there: the sale stands, staff look into it.
CREATE TABLE stock_discrepancy (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    variant_id  BIGINT      NOT NULL REFERENCES variant (id),
    location_id BIGINT      NOT NULL REFERENCES location (id),
    event_id    VARCHAR(80) NOT NULL,
    expected    INT         NOT NULL,
    sold        INT         NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    resolved_at TIMESTAMPTZ
);
CREATE INDEX stock_discrepancy_open_idx ON stock_discrepancy (created_at) WHERE resolved_at IS NULL;
