-- The security audit trail, and an account's active state.
--
-- Audit rows name people by id without a foreign key: deleting an account keeps its rows, with the ids replaced by a
-- pseudonym (see AuditLog.pseudonymise), so the trail stays whole and names no one. Details never hold a secret.
CREATE TABLE audit_events (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    action      TEXT NOT NULL,
    outcome     TEXT NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
    actor_id    UUID,
    subject_id  UUID,
    ip          TEXT,
    user_agent  TEXT,
    details     JSONB NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_events_time_idx ON audit_events (occurred_at DESC, id DESC);
CREATE INDEX audit_events_subject_idx ON audit_events (subject_id, occurred_at DESC);
CREATE INDEX audit_events_actor_idx ON audit_events (actor_id, occurred_at DESC);
CREATE INDEX audit_events_action_idx ON audit_events (action, occurred_at DESC);

-- A deactivated account cannot sign in, and its access tokens stop working at once.
ALTER TABLE users ADD COLUMN deactivated_at TIMESTAMPTZ;
