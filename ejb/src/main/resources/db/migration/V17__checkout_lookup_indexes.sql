-- A confirmed order empties the bag it came from, found through its checkout attempt: by the
-- attempt's order and the bag's attempt key. Without these, each checkout read both tables whole
-- (found in the sale-spike benchmark: checkouts slowed as orders and guest bags piled up).
CREATE INDEX checkout_attempt_order ON checkout_attempt (order_id) WHERE order_id IS NOT NULL;
CREATE INDEX cart_attempt_key ON cart (attempt_key);
