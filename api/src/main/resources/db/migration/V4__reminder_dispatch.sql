-- Reminder dispatch: when each reminder fires next, one delivery row per occurrence and channel, and the in-app list.

-- Quiet hours in the person's own zone: non-urgent reminders falling inside wait until the end.
ALTER TABLE users ADD COLUMN quiet_start TIME NOT NULL DEFAULT '22:00';
ALTER TABLE users ADD COLUMN quiet_end TIME NOT NULL DEFAULT '08:00';

-- Maintained by the tasks feature whenever a reminder or its task's due changes; NULL once fired (or never).
ALTER TABLE task_reminders ADD COLUMN next_fire_at TIMESTAMPTZ;
CREATE INDEX task_reminders_next_fire ON task_reminders (next_fire_at) WHERE next_fire_at IS NOT NULL;

-- Exactly once per reminder occurrence and channel, across nodes and reruns: the unique key decides.
CREATE TABLE reminder_deliveries (
    id          UUID PRIMARY KEY,
    reminder_id UUID NOT NULL REFERENCES task_reminders (id) ON DELETE CASCADE,
    task_id     UUID NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    user_id     UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    fire_at     TIMESTAMPTZ NOT NULL,
    channel     TEXT NOT NULL CHECK (channel IN ('IN_APP', 'EMAIL', 'SMS')),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    UNIQUE (reminder_id, fire_at, channel)
);
CREATE INDEX reminder_deliveries_by_user ON reminder_deliveries (user_id, created_at);

CREATE TABLE notifications (
    id         UUID PRIMARY KEY,
    user_id    UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    task_id    UUID REFERENCES tasks (id) ON DELETE CASCADE,
    title      TEXT NOT NULL,
    body       TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    read_at    TIMESTAMPTZ
);
CREATE INDEX notifications_by_user ON notifications (user_id, created_at DESC);
