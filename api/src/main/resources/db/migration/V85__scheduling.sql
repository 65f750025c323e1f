-- When a person works and wants nudges (their own table: the accounts' users table is another feature's), which tasks
-- were written into a calendar as events, and which "leave now" nudges went out.

-- Working hours bound the free time findTimeFor proposes; leave_now_minutes (NULL: off) is how long before an event
-- with a location the person is told to leave.
CREATE TABLE scheduling_preferences (
    user_id           UUID PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    work_start        TIME NOT NULL DEFAULT '09:00',
    work_end          TIME NOT NULL DEFAULT '18:00',
    -- ISO days of the week, Monday = 1.
    work_days         SMALLINT[] NOT NULL DEFAULT '{1,2,3,4,5}',
    leave_now_minutes INT CHECK (leave_now_minutes BETWEEN 5 AND 240),
    CHECK (work_start < work_end)
);

-- A task scheduled into a slot of a connected calendar: the event it became. The sync moves the task when the event
-- moves and clears the task's time when the event is deleted (and the link with it).
CREATE TABLE task_calendar_events (
    task_id        UUID PRIMARY KEY REFERENCES tasks (id) ON DELETE CASCADE,
    integration_id UUID NOT NULL REFERENCES integrations (id) ON DELETE CASCADE,
    event_id       TEXT NOT NULL,
    link           TEXT,
    created_at     TIMESTAMPTZ NOT NULL,
    UNIQUE (integration_id, event_id)
);

-- One "leave now" nudge per event occurrence, whichever node noticed it first.
CREATE TABLE leave_now_nudges (
    integration_id UUID NOT NULL REFERENCES integrations (id) ON DELETE CASCADE,
    event_id       TEXT NOT NULL,
    starts_at      TIMESTAMPTZ NOT NULL,
    sent_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (integration_id, event_id, starts_at)
);
