-- Calendar feeds: a secret URL per person that calendar apps poll for their open tasks.
-- The token is stored only as its SHA-256 hash. One live feed per person (the primary key): rotating replaces the
-- hash, so the old URL stops working at once; revoking deletes the row.
CREATE TABLE ical_feeds (
    user_id    UUID PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    token_hash BYTEA NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL
);
