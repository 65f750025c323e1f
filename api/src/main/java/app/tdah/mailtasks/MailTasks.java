package app.tdah.mailtasks;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import app.tdah.errors.UserError;
import app.tdah.integrations.sync.MailHeader;
import app.tdah.integrations.sync.SyncedMail;
import app.tdah.integrations.sync.SyncedMessage;
import app.tdah.tasks.TaskCommands;
import app.tdah.tasks.TaskDraft;

/** Mail that needs action: unread mail from people the person writes to, and a task made from one message. */
public final class MailTasks {

    /** The most messages listed at once. */
    static final int MAX_LISTED = 50;
    /** Kept well under a task title's limit: a subject is a title, not a letter. */
    static final int MAX_TITLE = 200;

    private final SyncedMail mail;
    private final TaskCommands tasks;
    private final Function<UUID, ZoneId> zoneOf;
    private final Clock clock;

    MailTasks(SyncedMail mail, TaskCommands tasks, Function<UUID, ZoneId> zoneOf, Clock clock) {
        this.mail = mail;
        this.tasks = tasks;
        this.zoneOf = zoneOf;
        this.clock = clock;
    }

    public List<SyncedMessage> needingAction(UUID userId) {
        return mail.needingAction(userId, clock.instant(), MAX_LISTED);
    }

    /**
     * A task titled from the message's subject ("Mail from ..." without one), its notes naming the sender and linking
     * back to the message in Gmail or Outlook on the web.
     */
    public TaskCommands.Result createTask(UUID userId, UUID integrationId, String messageId) {
        Optional<SyncedMessage> found = mail.message(userId, integrationId, messageId);
        if (found.isEmpty()) {
            return new TaskCommands.Result(Optional.empty(), List.of(new UserError("messageId", "That message isn't among your synced mail.",
                    UserError.Code.NOT_FOUND)));
        }
        MailHeader h = found.get().header();
        String sender = h.fromName() != null && !h.fromName().isBlank()
                ? h.fromName() + (h.fromAddress() == null ? "" : " <" + h.fromAddress() + ">") : h.fromAddress();
        String subject = h.subject() == null ? "" : h.subject().strip().replaceAll("\\s+", " ");
        String title = subject.isEmpty() ? "Mail from " + (sender == null ? "someone" : sender) : subject;
        if (title.length() > MAX_TITLE) {
            title = title.substring(0, MAX_TITLE - 3).strip() + "...";
        }
        String notes = "From: " + (sender == null ? "unknown" : sender)
                + (h.link() == null ? "" : "\nOpen the message in " + found.get().provider().displayName() + ": " + h.link());
        return tasks.create(userId, new TaskDraft(title, notes, null, null, List.of(), null, null, false, null, List.of()),
                zoneOf.apply(userId));
    }
}
