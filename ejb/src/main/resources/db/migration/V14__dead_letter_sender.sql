-- Whether a refused POS message came from a till that proved who it was (its key). Only those are
-- replayed, and as that till's store: a JMS message without a valid key stays for staff to read,
-- never to apply (issue #10).
ALTER TABLE pos_dead_letter ADD COLUMN sender_verified BOOLEAN NOT NULL DEFAULT true;
