-- Browsers an account signed in from (OWASP's device cookies): the SHA-256 of a random token the
-- browser keeps in a cookie. Failed sign-ins from such a browser count against that browser only,
-- so a stranger who fails on purpose locks out strangers, not the owner.
CREATE TABLE trusted_device (
    token_hash   VARCHAR(64)  PRIMARY KEY,
    email        VARCHAR(254) NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    last_used_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX trusted_device_email ON trusted_device (email);

-- The trusted browser a failure came from; NULL for any other client.
ALTER TABLE sign_in_failure ADD COLUMN device_hash VARCHAR(64);
DROP INDEX sign_in_failure_email;
CREATE INDEX sign_in_failure_email ON sign_in_failure (email, device_hash, failed_at);
