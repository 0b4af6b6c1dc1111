-- Every hold belongs to whoever made it: the shop's checkout, or one till (POS middleware) by its
-- key. A reference is unique only within its holder, so no caller can make, read or adopt a hold
-- under another's reference (a checkout once adopted a hold made in advance for its order number).
ALTER TABLE reservation ADD COLUMN holder VARCHAR(40) NOT NULL DEFAULT 'checkout';
ALTER TABLE reservation ALTER COLUMN holder DROP DEFAULT;
ALTER TABLE reservation DROP CONSTRAINT reservation_reference_key;
ALTER TABLE reservation ADD CONSTRAINT reservation_holder_reference_key UNIQUE (holder, reference);
-- Open holds per holder, counted before a till may hold more.
CREATE INDEX reservation_open_by_holder_idx ON reservation (holder) WHERE status = 'HELD';
