-- Google and Microsoft accounts a person connected for their calendar and mail: one per provider, separate from
-- signing in with them (external_identities). Sync data of an integration references it and goes with it.
CREATE TABLE integrations (
    id                      UUID PRIMARY KEY,
    user_id                 UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    provider                TEXT NOT NULL CHECK (provider IN ('google', 'microsoft')),
    -- The provider's stable id of the account (Google's sub, the Graph user id) and its address, for display.
    account_id              TEXT NOT NULL CHECK (length(account_id) BETWEEN 1 AND 255),
    account_email           TEXT CHECK (length(account_email) <= 320),
    -- The scopes the provider last said it granted, space-separated as OAuth writes them.
    granted_scope           TEXT NOT NULL,
    status                  TEXT NOT NULL CHECK (status IN ('CONNECTED', 'NEEDS_RECONNECT')),
    connected_at            TIMESTAMPTZ NOT NULL,
    status_changed_at       TIMESTAMPTZ NOT NULL,
    -- Grows each time the person grants again: a refresh that began under an older grant does not overwrite a newer one.
    grant_generation        BIGINT NOT NULL DEFAULT 1,
    -- AES-256-GCM (platform.AesGcm, key id inside) with the person, provider and token kind as associated data.
    -- Both are dropped when the provider refuses the grant: a connection that needs reconnecting holds no token.
    access_token_sealed     BYTEA,
    access_token_expires_at TIMESTAMPTZ,
    refresh_token_sealed    BYTEA,
    token_refreshed_at      TIMESTAMPTZ,
    UNIQUE (user_id, provider),
    CHECK ((status = 'CONNECTED') = (access_token_sealed IS NOT NULL AND access_token_expires_at IS NOT NULL
                                     AND refresh_token_sealed IS NOT NULL))
);
