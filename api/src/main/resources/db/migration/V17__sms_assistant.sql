-- The SMS assistant's memory between two texts of a person, and its per-number notices.

-- One conversation per person: the list last shown (so "done 2" and "MORE" know what 2 and the next page are) and the
-- last action "undo" can take back.
CREATE TABLE sms_conversations (
    user_id            UUID PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    -- The tasks of the last list, in the order they were numbered (1 is the first); empty when none was shown.
    list_task_ids      UUID[] NOT NULL DEFAULT '{}',
    -- What that list was (e.g. "Today"), for the heading of its next page.
    list_name          TEXT,
    -- Where the next page starts ("MORE"); equal to the list's length when it was shown in full.
    list_next_offset   INT NOT NULL DEFAULT 0 CHECK (list_next_offset >= 0),
    -- The last action "undo" takes back: what was done, to which task, and what the task was before.
    undo_kind          TEXT CHECK (undo_kind IN ('CREATED', 'COMPLETED', 'SNOOZED')),
    undo_task_id       UUID,
    undo_snoozed_until TIMESTAMPTZ,
    undo_due_date      DATE,
    undo_due_at        TIMESTAMPTZ,
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((undo_kind IS NULL) = (undo_task_id IS NULL))
);

-- Notices sent to numbers that cannot use the assistant (unknown, or not verified yet): at most one per number and
-- kind per interval, so a stranger texting all day gets one answer, not one per text.
CREATE TABLE sms_number_notices (
    e164         TEXT NOT NULL,
    kind         TEXT NOT NULL,
    last_sent_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (e164, kind)
);
