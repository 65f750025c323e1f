-- Multi-factor authentication: a TOTP authenticator per account, backup codes, and sign-in challenges.

-- The TOTP secret is kept AES-256-GCM encrypted under pa.encryption.key (the server must read it back to check codes).
-- confirmed_at NULL: an enrolment started but not yet confirmed with a first code; MFA is on once it is set.
-- last_used_step: the newest 30-second step a code was accepted for. Only later steps are accepted after it, so each
-- code works once, on every node.
CREATE TABLE mfa_authenticators (
    user_id        UUID PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    secret_sealed  BYTEA NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    confirmed_at   TIMESTAMPTZ,
    last_used_step BIGINT
);

-- Backup codes are random (80 bits), so their SHA-256 is enough to make a copy of the database useless.
CREATE TABLE mfa_backup_codes (
    user_id   UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash BYTEA NOT NULL,
    used_at   TIMESTAMPTZ,
    PRIMARY KEY (user_id, code_hash)
);

-- A password accepted for an account with MFA on gives a challenge instead of a session; verifyMfa spends it with a
-- code. Stored as the SHA-256 of the token, deleted when spent.
CREATE TABLE mfa_challenges (
    token_hash BYTEA PRIMARY KEY,
    user_id    UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX mfa_challenges_user_idx ON mfa_challenges (user_id);
