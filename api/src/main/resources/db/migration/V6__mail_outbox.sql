-- Outgoing mail: written in the same breath as the change that causes it, sent later by the send-mail job.

CREATE TABLE mail_outbox (
    id              UUID PRIMARY KEY,
    recipient       TEXT NOT NULL CHECK (length(recipient) BETWEEN 3 AND 320),
    subject         TEXT NOT NULL CHECK (length(subject) BETWEEN 1 AND 998),
    text_body       TEXT NOT NULL,
    html_body       TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('VERIFICATION', 'PASSWORD_RESET', 'REMINDER', 'DAILY_DIGEST')),
    -- The caller's name for this mail (e.g. "reminder:<id>:<occurrence>"): enqueueing it again is a no-op.
    idempotency_key TEXT NOT NULL UNIQUE CHECK (length(idempotency_key) BETWEEN 1 AND 200),
    status          TEXT NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'DEAD')),
    -- Counted when a worker claims the row, so an attempt that died with its node still counts.
    attempts        INT NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- Set while SENDING: the claim is a lease, and a row claimed too long ago belonged to a node that died mid-send.
    claimed_at      TIMESTAMPTZ,
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at         TIMESTAMPTZ,
    CHECK ((status = 'SENDING') = (claimed_at IS NOT NULL)),
    CHECK ((status = 'SENT') = (sent_at IS NOT NULL))
);
-- The claim query: due pending rows, oldest due first.
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE status = 'PENDING';
-- The lease sweep: rows held by a sender, by when they were claimed.
CREATE INDEX mail_outbox_claimed ON mail_outbox (claimed_at) WHERE status = 'SENDING';
