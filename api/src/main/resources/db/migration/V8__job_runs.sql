-- One row per job run on any node: the admin view's last result and recent failures. Kept 14 days (apply-retention).
CREATE TABLE job_runs (
    id          BIGSERIAL PRIMARY KEY,
    job         TEXT NOT NULL,
    node        TEXT NOT NULL,
    started_at  TIMESTAMPTZ NOT NULL,
    duration_ms BIGINT NOT NULL,
    succeeded   BOOLEAN NOT NULL,
    error       TEXT
);
CREATE INDEX job_runs_by_job_time ON job_runs (job, started_at DESC);
CREATE INDEX job_runs_by_time ON job_runs (started_at);
