-- What the shop shows of its catalogue changed: a brand, a category, a product, its prices,
-- pictures or size chart, a location's share of the online stock, or a SKU going out of stock or
-- back in. The shop keeps rendered pages and search results until such a change (stock figures
-- within a band reach the product pages as live stock messages instead); CatalogueChanges takes
-- the rows away when woken at commit (and every half second) and forgets what it kept. A row per change, so that writers
-- never wait on one another; nothing fires when only a stock figure moves.
CREATE TABLE catalogue_change (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    what        VARCHAR(40) NOT NULL,
    changed_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE FUNCTION catalogue_changed() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO catalogue_change (what) VALUES (TG_TABLE_NAME || ' ' || lower(TG_OP));
    PERFORM pg_notify('catalogue_change', '');
    RETURN NULL;
END $$;

CREATE TRIGGER brand_catalogue_change AFTER INSERT OR UPDATE OR DELETE ON brand
    FOR EACH ROW EXECUTE FUNCTION catalogue_changed();
CREATE TRIGGER category_catalogue_change AFTER INSERT OR UPDATE OR DELETE ON category
    FOR EACH ROW EXECUTE FUNCTION catalogue_changed();
CREATE TRIGGER product_catalogue_change AFTER INSERT OR UPDATE OR DELETE ON product
    FOR EACH ROW EXECUTE FUNCTION catalogue_changed();
CREATE TRIGGER product_image_catalogue_change AFTER INSERT OR UPDATE OR DELETE ON product_image
    FOR EACH ROW EXECUTE FUNCTION catalogue_changed();
CREATE TRIGGER size_chart_catalogue_change AFTER INSERT OR UPDATE OR DELETE ON size_chart
    FOR EACH ROW EXECUTE FUNCTION catalogue_changed();
CREATE TRIGGER size_chart_measurement_catalogue_change
    AFTER INSERT OR UPDATE OR DELETE ON size_chart_measurement
    FOR EACH ROW EXECUTE FUNCTION catalogue_changed();
CREATE TRIGGER variant_catalogue_change AFTER INSERT OR DELETE ON variant
    FOR EACH ROW EXECUTE FUNCTION catalogue_changed();
-- Every column but the stock figure, which the stock triggers write at every change.
CREATE TRIGGER variant_edited_catalogue_change
    AFTER UPDATE OF product_id, sku, barcode, size_label, size_position, colour_name, colour_hex,
                    price_minor, currency, sale_price_minor, sale_currency ON variant
    FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*)
    EXECUTE FUNCTION catalogue_changed();
-- Listings show whether a product is in stock and count the products that are.
CREATE TRIGGER variant_stock_catalogue_change AFTER UPDATE OF available_online ON variant
    FOR EACH ROW WHEN ((OLD.available_online = 0) <> (NEW.available_online = 0))
    EXECUTE FUNCTION catalogue_changed();
-- A location's share of the online stock changes the figures of all its SKUs at once, without a
-- stock message for each.
CREATE TRIGGER location_catalogue_change AFTER INSERT OR DELETE ON location
    FOR EACH ROW EXECUTE FUNCTION catalogue_changed();
CREATE TRIGGER location_online_catalogue_change
    AFTER UPDATE OF fulfils_online, safety_stock, silent_since, silent_extra_safety ON location
    FOR EACH ROW WHEN (OLD.fulfils_online IS DISTINCT FROM NEW.fulfils_online
                       OR OLD.safety_stock IS DISTINCT FROM NEW.safety_stock
                       OR OLD.silent_since IS DISTINCT FROM NEW.silent_since
                       OR OLD.silent_extra_safety IS DISTINCT FROM NEW.silent_extra_safety)
    EXECUTE FUNCTION catalogue_changed();
