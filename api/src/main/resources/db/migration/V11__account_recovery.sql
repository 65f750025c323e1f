-- Email verification, password reset and email change: one-time links sent by mail.

-- When the person proved they receive mail at users.email; null until then, and again after a change of address is
-- confirmed it is the time of that confirmation.
ALTER TABLE users ADD COLUMN email_verified_at TIMESTAMPTZ;

-- A one-time link's token is stored only as its SHA-256 hash. It is spent by setting used_at, in the same statement
-- that checks it is unspent and unexpired, so of two concurrent uses exactly one wins.
CREATE TABLE account_tokens (
    id         UUID PRIMARY KEY,
    user_id    UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose    TEXT NOT NULL CHECK (purpose IN ('VERIFY_EMAIL', 'CHANGE_EMAIL', 'RESET_PASSWORD')),
    token_hash BYTEA NOT NULL UNIQUE,
    -- The address the link was sent to: for CHANGE_EMAIL the new address, which becomes users.email when spent.
    email      CITEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);
CREATE INDEX account_tokens_user_idx ON account_tokens (user_id, purpose);
CREATE INDEX account_tokens_expires_idx ON account_tokens (expires_at);

-- Notices of security changes (a password changed, an email change requested) go through the outbox too.
ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_kind_check;
ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_kind_check
    CHECK (kind IN ('VERIFICATION', 'PASSWORD_RESET', 'REMINDER', 'DAILY_DIGEST', 'SECURITY_NOTICE'));
