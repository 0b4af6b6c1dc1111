-- What each SKU can sell online, kept on the variant so that listings and facets read one column
-- instead of summing stock levels at every search. Sum over the locations that fulfil online orders
-- of (on hand - reserved), each location counted as zero at worst.
ALTER TABLE variant ADD COLUMN available_online INT NOT NULL DEFAULT 0 CHECK (available_online >= 0);

CREATE FUNCTION variant_available_online(variant BIGINT) RETURNS INT
LANGUAGE sql STABLE AS $$
    SELECT COALESCE(SUM(GREATEST(s.on_hand - s.reserved, 0)), 0)::INT
    FROM stock_level s JOIN location l ON l.id = s.location_id
    WHERE s.variant_id = variant AND l.fulfils_online
$$;

CREATE FUNCTION stock_level_changed() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.variant_id <> NEW.variant_id) THEN
        UPDATE variant SET available_online = variant_available_online(OLD.variant_id) WHERE id = OLD.variant_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        UPDATE variant SET available_online = variant_available_online(NEW.variant_id) WHERE id = NEW.variant_id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER stock_level_available_online
    AFTER INSERT OR UPDATE OR DELETE ON stock_level
    FOR EACH ROW EXECUTE FUNCTION stock_level_changed();

-- A location that starts or stops serving online orders changes what all its SKUs can sell.
CREATE FUNCTION location_online_changed() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE variant v SET available_online = variant_available_online(v.id)
    WHERE v.id IN (SELECT variant_id FROM stock_level WHERE location_id = NEW.id);
    RETURN NULL;
END $$;

CREATE TRIGGER location_available_online
    AFTER UPDATE OF fulfils_online ON location
    FOR EACH ROW WHEN (OLD.fulfils_online IS DISTINCT FROM NEW.fulfils_online)
    EXECUTE FUNCTION location_online_changed();

UPDATE variant SET available_online = variant_available_online(id);

CREATE INDEX search_word_prefix_idx ON search_word (word varchar_pattern_ops);
