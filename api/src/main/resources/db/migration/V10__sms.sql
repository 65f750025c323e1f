-- The SMS assistant: people's phones, carrier opt-outs, and every message in and out.

-- A person's phone. A number is verified by a 6-digit code sent to it (stored only as a hash). Once verified, a number
-- belongs to exactly one person: that is how an inbound text finds its sender.
CREATE TABLE phones (
    user_id           UUID PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    e164              TEXT NOT NULL CHECK (e164 ~ '^\+[1-9][0-9]{6,14}$'),
    verified_at       TIMESTAMPTZ,
    code_hash         BYTEA,
    code_expires_at   TIMESTAMPTZ,
    code_attempts     INT NOT NULL DEFAULT 0,
    codes_sent        INT NOT NULL DEFAULT 0,
    last_code_sent_at TIMESTAMPTZ,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX phones_verified_number ON phones (e164) WHERE verified_at IS NOT NULL;

-- Carrier keywords (STOP / START) act on the number, whoever it belongs to, even no one.
CREATE TABLE sms_opt_outs (
    e164         TEXT PRIMARY KEY,
    opted_out_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Every message, inbound and outbound: the log people and admins read, and for outbound rows the outbox the
-- send-sms job drains (the same claim/lease/backoff shape as mail_outbox).
CREATE TABLE sms_messages (
    id              UUID PRIMARY KEY,
    direction       TEXT NOT NULL CHECK (direction IN ('INBOUND', 'OUTBOUND')),
    -- The person, when the number is theirs; null for unknown numbers (onboarding replies, STOP from strangers).
    user_id         UUID REFERENCES users (id) ON DELETE CASCADE,
    -- The other party, E.164.
    phone           TEXT NOT NULL,
    body            TEXT NOT NULL,
    encoding        TEXT NOT NULL CHECK (encoding IN ('GSM7', 'UCS2')),
    segments        INT NOT NULL CHECK (segments >= 1),
    -- Why it was sent: REPLY, REMINDER, VERIFICATION, ONBOARDING, OPT_OUT_CONFIRMATION...; inbound rows say INBOUND.
    kind            TEXT NOT NULL,
    -- Twilio's MessageSid: inbound, unique, which is what makes a retried webhook act once; outbound, once accepted.
    twilio_sid      TEXT UNIQUE,
    -- Inbound: RECEIVED. Outbound: PENDING, SENDING, then Twilio's ACCEPTED/QUEUED/SENT/DELIVERED/UNDELIVERED/FAILED,
    -- or DEAD after a definitive refusal or the last retry.
    status          TEXT NOT NULL,
    attempts        INT NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ,
    claimed_at      TIMESTAMPTZ,
    last_error      TEXT,
    -- The caller's name for an outbound message: enqueueing it again is a no-op (e.g. "reminder:<id>:<occurrence>").
    idempotency_key TEXT UNIQUE,
    in_reply_to     UUID REFERENCES sms_messages (id) ON DELETE SET NULL,
    -- The task a reminder was about, so "done" right after it acts on that task.
    task_id         UUID,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- When Twilio accepted it (outbound) and when its final delivery status arrived.
    sent_at         TIMESTAMPTZ,
    status_at       TIMESTAMPTZ
);
CREATE INDEX sms_messages_due ON sms_messages (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX sms_messages_claimed ON sms_messages (claimed_at) WHERE status = 'SENDING';
CREATE INDEX sms_messages_user ON sms_messages (user_id, created_at DESC);
CREATE INDEX sms_messages_phone ON sms_messages (phone, created_at DESC);
CREATE INDEX sms_messages_day ON sms_messages (created_at);
