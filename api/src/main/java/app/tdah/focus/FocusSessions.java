package app.tdah.focus;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.tdah.errors.UserError;

/** Records the focus sessions that ran to their end. */
public final class FocusSessions {

    static final UserError TASK_NOT_FOUND = new UserError("taskId", "That task doesn’t exist.", UserError.Code.NOT_FOUND);
    static final UserError MINUTES_OUT_OF_RANGE = new UserError("minutes",
            "A focus session lasts " + FocusSession.MIN_MINUTES + " to " + FocusSession.MAX_MINUTES + " minutes.",
            UserError.Code.INVALID);

    /** The session recorded, or why not. */
    public record Result(Optional<FocusSession> session, List<UserError> errors) {
        static Result refused(UserError error) {
            return new Result(Optional.empty(), List.of(error));
        }
    }

    private final FocusRepository repository;
    private final Clock clock;

    FocusSessions(FocusRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Records that the person's timer on {@code taskId} ran its {@code minutes} to the end, now. */
    Result record(UUID userId, UUID taskId, int minutes) {
        if (minutes < FocusSession.MIN_MINUTES || minutes > FocusSession.MAX_MINUTES) {
            return Result.refused(MINUTES_OUT_OF_RANGE);
        }
        return repository.insert(userId, new FocusSession(UUID.randomUUID(), taskId, minutes, clock.instant()))
                .map(session -> new Result(Optional.of(session), List.of()))
                .orElseGet(() -> Result.refused(TASK_NOT_FOUND));
    }
}
