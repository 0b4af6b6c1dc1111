-- A store going silent (or heard again) recomputes what all its SKUs sell online. It now locks
-- those variant rows in id order first, the order every stock writer takes them in
-- (StockWrites.lockSkus): updating them in whatever order the planner chose deadlocked with till
-- events that held some of them (issue #10, item 15).
CREATE OR REPLACE FUNCTION location_online_changed() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM variant
        WHERE id IN (SELECT variant_id FROM stock_level WHERE location_id = NEW.id)
        ORDER BY id FOR NO KEY UPDATE;
    UPDATE variant v SET available_online = variant_available_online(v.id)
    WHERE v.id IN (SELECT variant_id FROM stock_level WHERE location_id = NEW.id);
    RETURN NULL;
END $$;
