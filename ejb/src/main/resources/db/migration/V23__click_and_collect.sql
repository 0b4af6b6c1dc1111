-- Issue #12, click and collect and the allocation rule.

-- A store may send parcels to shoppers (ship-from-store) or only serve click and collect; how many
-- days it holds a parcel for collection (the shopper is reminded after three).
ALTER TABLE location ADD COLUMN ships_online BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE location ADD COLUMN pickup_hold_days INT NOT NULL DEFAULT 7
    CHECK (pickup_hold_days BETWEEN 1 AND 60);

-- Ready for collection: the code the shopper shows at the counter, since when, whether reminded.
ALTER TABLE customer_order ADD COLUMN pickup_code CHAR(6) CHECK (pickup_code ~ '^[0-9]{6}$');
ALTER TABLE customer_order ADD COLUMN ready_at TIMESTAMPTZ;
ALTER TABLE customer_order ADD COLUMN reminded_at TIMESTAMPTZ;
CREATE INDEX customer_order_waiting_pickup ON customer_order (ready_at)
    WHERE status = 'READY_FOR_PICKUP';

-- A parcel for click and collect picked at another location travels to the pickup store (TO_STORE)
-- and waits there (READY_FOR_PICKUP) until it is COLLECTED or, past the hold, NOT_COLLECTED.
ALTER TABLE shipment DROP CONSTRAINT shipment_status_check;
ALTER TABLE shipment ADD CONSTRAINT shipment_status_check CHECK (status IN (
    'TO_PICK', 'PICKING', 'PACKED', 'BOOKING', 'BOOKING_FAILED', 'BOOKED',
    'SHIPPED', 'OUT_FOR_DELIVERY', 'DELIVERED', 'DELIVERY_FAILED',
    'RETURNED_TO_ORIGIN', 'TO_STORE', 'READY_FOR_PICKUP', 'COLLECTED', 'NOT_COLLECTED',
    'CANCELLED'));
DROP INDEX shipment_location_open_idx;
CREATE INDEX shipment_location_open_idx ON shipment (location_id, status)
    WHERE status NOT IN ('DELIVERED', 'RETURNED_TO_ORIGIN', 'COLLECTED', 'NOT_COLLECTED',
                         'CANCELLED');
-- The collection stage of a store's page finds parcels coming to it from other locations too.
CREATE INDEX shipment_for_collection ON shipment (status)
    WHERE status IN ('TO_STORE', 'READY_FOR_PICKUP');
