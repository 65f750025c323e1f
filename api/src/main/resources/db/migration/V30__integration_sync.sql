-- Calendar and mail sync of connected Google and Microsoft accounts: each integration's sync state per stream, the
-- events and mail headers it keeps (never a mail body).
-- integration_id names a row of the integrations table (foreign keys with ON DELETE CASCADE: V31).

CREATE TABLE integration_syncs (
    integration_id  UUID NOT NULL,
    stream          TEXT NOT NULL CHECK (stream IN ('CALENDAR', 'MAIL')),
    user_id         UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    provider        TEXT NOT NULL CHECK (provider IN ('GOOGLE', 'MICROSOFT')),
    -- ACTIVE, or NEEDS_RECONNECT once the provider no longer honours the grant (nothing is tried until it is renewed).
    state           TEXT NOT NULL DEFAULT 'ACTIVE' CHECK (state IN ('ACTIVE', 'NEEDS_RECONNECT')),
    -- The provider's cursor after the last complete sync (a syncToken, a deltaLink, a historyId); NULL: a full sync is next.
    cursor          TEXT,
    -- Where an unfinished sync resumes (the next page's token or link); NULL between syncs.
    page_cursor     TEXT,
    -- Whether the unfinished (or next) sync is a full one.
    full_sync       BOOLEAN NOT NULL DEFAULT true,
    -- Every row a sync writes carries the current generation; a finished full sync deletes the older ones.
    generation      BIGINT NOT NULL DEFAULT 1,
    next_run_at     TIMESTAMPTZ NOT NULL,
    -- A worker node's claim: no other node starts this sync before it lapses (a node that dies lets it lapse).
    claimed_until   TIMESTAMPTZ,
    claimed_by      TEXT,
    last_run_at     TIMESTAMPTZ,
    last_success_at TIMESTAMPTZ,
    -- In words a person understands; NULL after a success.
    last_error      TEXT,
    last_error_at   TIMESTAMPTZ,
    -- Failures in a row, for the backoff.
    failures        INT NOT NULL DEFAULT 0,
    -- Events or mail headers held, and changes applied by the last sync.
    items           INT NOT NULL DEFAULT 0,
    last_changes    INT NOT NULL DEFAULT 0,
    PRIMARY KEY (integration_id, stream)
);
CREATE INDEX integration_syncs_due ON integration_syncs (next_run_at) WHERE state = 'ACTIVE';
CREATE INDEX integration_syncs_by_user ON integration_syncs (user_id);

-- One row per event of a connected calendar. A recurring series is one row with its RFC 5545 recurrence lines,
-- expanded when read; a changed or cancelled occurrence of it is a row of its own naming the series and the
-- occurrence it replaces (cancelled: the occurrence is gone).
CREATE TABLE calendar_events (
    integration_id UUID NOT NULL,
    event_id       TEXT NOT NULL,
    user_id        UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title          TEXT,
    location       TEXT,
    -- Timed events: instants. All-day events: dates (end exclusive), in whatever zone the person is.
    starts_at      TIMESTAMPTZ,
    ends_at        TIMESTAMPTZ,
    start_date     DATE,
    end_date       DATE,
    busy           BOOLEAN NOT NULL DEFAULT true,
    link           TEXT,
    recurrence     TEXT[],
    -- The zone a series repeats in (its local time stays put across DST).
    time_zone      TEXT,
    series_id      TEXT,
    -- The replaced occurrence's start: an instant (ISO-8601, UTC) or a date.
    original_start TEXT,
    cancelled      BOOLEAN NOT NULL DEFAULT false,
    generation     BIGINT NOT NULL,
    PRIMARY KEY (integration_id, event_id),
    CHECK ((starts_at IS NULL) = (ends_at IS NULL) AND (start_date IS NULL) = (end_date IS NULL))
);
CREATE INDEX calendar_events_by_user_time ON calendar_events (user_id, starts_at) WHERE recurrence IS NULL;
CREATE INDEX calendar_events_by_user_date ON calendar_events (user_id, start_date) WHERE recurrence IS NULL;
CREATE INDEX calendar_events_series ON calendar_events (user_id) WHERE recurrence IS NOT NULL;

-- Inbox mail headers: who, to whom, subject, date, labels and the provider's snippet. No bodies.
CREATE TABLE mail_headers (
    integration_id UUID NOT NULL,
    message_id     TEXT NOT NULL,
    user_id        UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    thread_id      TEXT,
    from_name      TEXT,
    from_address   TEXT,
    to_addresses   TEXT,
    subject        TEXT,
    received_at    TIMESTAMPTZ,
    labels         TEXT[] NOT NULL DEFAULT '{}',
    snippet        TEXT,
    unread         BOOLEAN NOT NULL DEFAULT false,
    link           TEXT,
    generation     BIGINT NOT NULL,
    PRIMARY KEY (integration_id, message_id)
);
CREATE INDEX mail_headers_by_user_time ON mail_headers (user_id, received_at DESC);
