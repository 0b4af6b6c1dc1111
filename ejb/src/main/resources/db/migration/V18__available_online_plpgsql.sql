-- What a SKU sells online, recomputed by the stock trigger after every stock change, now in
-- PL/pgSQL: it keeps its query's plan for the session, where an SQL function (which cannot be
-- inlined, being an aggregate) was parsed and planned again at every call. A profile of the till
-- door under load showed PostgreSQL parsing and planning it for each line of each event. The
-- definition is unchanged.
CREATE OR REPLACE FUNCTION variant_available_online(variant BIGINT) RETURNS INT
LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN (SELECT COALESCE(SUM(sellable(s, l)), 0)::INT
            FROM stock_level s JOIN location l ON l.id = s.location_id
            WHERE s.variant_id = variant);
END $$;
