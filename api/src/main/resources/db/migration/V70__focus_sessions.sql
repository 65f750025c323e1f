-- Focus sessions whose timer ran to its end (5 to 50 minutes on one task); insights count them. A session outlives
-- its task: the time was spent focusing whatever became of the task.
CREATE TABLE focus_sessions (
    id       UUID PRIMARY KEY,
    user_id  UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    task_id  UUID REFERENCES tasks (id) ON DELETE SET NULL,
    minutes  INT NOT NULL CHECK (minutes BETWEEN 5 AND 50),
    ended_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX focus_sessions_by_user_time ON focus_sessions (user_id, ended_at);
