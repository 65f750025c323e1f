-- Tasks, their subtasks, reminders and history.

ALTER TABLE users ADD COLUMN breakdown_threshold INT NOT NULL DEFAULT 3 CHECK (breakdown_threshold BETWEEN 1 AND 20);

CREATE TABLE tasks (
    id                      UUID PRIMARY KEY,
    user_id                 UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- A subtask belongs to one parent; subtasks do not nest further.
    parent_id               UUID REFERENCES tasks (id) ON DELETE CASCADE,
    position                INT NOT NULL DEFAULT 0,
    title                   TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
    notes                   TEXT CHECK (length(notes) <= 10000),
    -- The due is either a local date (all-day, in the person's zone) or an instant, never both.
    due_date                DATE,
    due_at                  TIMESTAMPTZ,
    priority                TEXT CHECK (priority IN ('URGENT', 'HIGH', 'MEDIUM', 'LOW')),
    tags                    TEXT[] NOT NULL DEFAULT '{}',
    status                  TEXT NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'DONE', 'CANCELLED')),
    estimate_minutes        INT CHECK (estimate_minutes BETWEEN 1 AND 10080),
    rrule                   TEXT,
    -- "Repeat after completion": the next due counts from when it was done, not from the rule's calendar.
    repeat_after_completion BOOLEAN NOT NULL DEFAULT false,
    snoozed_until           TIMESTAMPTZ,
    missed_count            INT NOT NULL DEFAULT 0,
    broken_down_at          TIMESTAMPTZ,
    created_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    completed_at            TIMESTAMPTZ,
    CHECK (due_date IS NULL OR due_at IS NULL)
);
-- The Today query: a person's open top-level tasks by due.
CREATE INDEX tasks_open_by_due ON tasks (user_id, due_date, due_at) WHERE status = 'OPEN' AND parent_id IS NULL;
CREATE INDEX tasks_by_user_created ON tasks (user_id, created_at DESC, id DESC) WHERE parent_id IS NULL;
CREATE INDEX tasks_by_parent ON tasks (parent_id, position) WHERE parent_id IS NOT NULL;

CREATE TABLE task_reminders (
    id             UUID PRIMARY KEY,
    task_id        UUID NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    user_id        UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- Either an instant, or minutes before the task's due (0 = at the due).
    remind_at      TIMESTAMPTZ,
    offset_minutes INT CHECK (offset_minutes BETWEEN 0 AND 525600),
    channels       TEXT[] NOT NULL DEFAULT '{IN_APP}',
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((remind_at IS NULL) <> (offset_minutes IS NULL))
);
CREATE INDEX task_reminders_by_task ON task_reminders (task_id);

-- One row per completed occurrence: recurring tasks move forward, so their history lives here (insights read it).
CREATE TABLE task_completions (
    id             UUID PRIMARY KEY,
    task_id        UUID NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    user_id        UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    completed_at   TIMESTAMPTZ NOT NULL,
    occurrence_due TEXT,
    was_broken_down BOOLEAN NOT NULL DEFAULT false,
    tags           TEXT[] NOT NULL DEFAULT '{}'
);
CREATE INDEX task_completions_by_user_time ON task_completions (user_id, completed_at);

-- One row per missed due occurrence; the unique key makes counting idempotent across nodes and reruns.
CREATE TABLE task_misses (
    task_id        UUID NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    user_id        UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    occurrence_due TEXT NOT NULL,
    counted_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (task_id, occurrence_due)
);
CREATE INDEX task_misses_by_user_time ON task_misses (user_id, counted_at);
