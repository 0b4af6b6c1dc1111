-- The mail outbox retries a failed email with a growing pause (30 s, 1 min, 2 min, ... up to 30 min)
-- instead of at every wake-up, so a mail server that is down does not burn the attempts in seconds.
ALTER TABLE outgoing_mail ADD COLUMN next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now();
DROP INDEX outgoing_mail_waiting;
CREATE INDEX outgoing_mail_waiting ON outgoing_mail (next_attempt_at, id) WHERE sent_at IS NULL;
