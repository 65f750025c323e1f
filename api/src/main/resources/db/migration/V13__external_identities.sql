-- Sign in with Google or Microsoft: the provider identities linked to accounts.
--
-- An identity is the provider's subject id (stable for that provider and this client), never the email: an email
-- claim alone never links an account. One identity belongs to one account, and an account has at most one identity
-- per provider, so the list a person sees stays short.
CREATE TABLE external_identities (
    id           UUID PRIMARY KEY,
    user_id      UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    provider     TEXT NOT NULL CHECK (provider IN ('google', 'microsoft')),
    subject      TEXT NOT NULL,
    -- The email the provider stated when the identity was linked or last used: shown to the person, never matched on.
    email        TEXT,
    linked_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_used_at TIMESTAMPTZ,
    UNIQUE (provider, subject),
    UNIQUE (user_id, provider)
);

-- An account created through a provider has no password (NULL): password sign-in can never succeed for it until its
-- owner sets one.
ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL;
