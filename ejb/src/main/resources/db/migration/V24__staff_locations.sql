-- Issue #12, staff roles beyond ADMIN: where each member of staff works. WAREHOUSE staff see and
-- work their warehouses' parcels, STORE_MANAGER and STORE_ASSOCIATE their stores'; CUSTOMER_SERVICE
-- sees every order and cancels, at no location. ADMIN works everywhere.
CREATE TABLE staff_location (
    account_id  BIGINT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    location_id BIGINT NOT NULL REFERENCES location (id),
    PRIMARY KEY (account_id, location_id)
);
