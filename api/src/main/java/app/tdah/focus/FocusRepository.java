package app.tdah.focus;

import static app.tdah.platform.SqlValues.timestamp;

import java.util.Optional;
import java.util.UUID;

import io.helidon.dbclient.DbClient;

/** All SQL of focus sessions. */
final class FocusRepository {

    private final DbClient db;

    FocusRepository(DbClient db) {
        this.db = db;
    }

    /** Stores the session when its task is the person's own (checked in the same statement); empty otherwise. */
    Optional<FocusSession> insert(UUID userId, FocusSession session) {
        long inserted = db.execute().insert("INSERT INTO focus_sessions (id, user_id, task_id, minutes, ended_at) "
                        + "SELECT ?::uuid, ?::uuid, id, ?, ? FROM tasks WHERE id = ?::uuid AND user_id = ?::uuid",
                session.id(), userId, session.minutes(), timestamp(session.endedAt()), session.taskId(), userId);
        return inserted == 1 ? Optional.of(session) : Optional.empty();
    }
}
