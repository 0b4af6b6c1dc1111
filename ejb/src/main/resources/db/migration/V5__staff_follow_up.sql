-- Who on the staff closed a discrepancy, and what they found.
ALTER TABLE stock_discrepancy ADD COLUMN resolved_by VARCHAR(120);
ALTER TABLE stock_discrepancy ADD COLUMN resolution VARCHAR(300);
