package app.tdah.digest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import app.tdah.accounts.AccountRecords;
import app.tdah.integrations.sync.MailHeader;
import app.tdah.integrations.sync.SyncedMail;
import app.tdah.integrations.sync.SyncedMessage;
import app.tdah.jobs.DailyDigests;
import app.tdah.mail.MailService;
import app.tdah.tasks.Task;
import app.tdah.tasks.TaskQueries;

/**
 * Sends each person one digest a day at their local digest time (default 07:30): today's tasks, those from earlier,
 * and unread mail from people they wrote to lately (which likely needs an answer). The mail is queued and the day
 * marked in one transaction, so a day's digest is queued once. A person with nothing due and no such mail gets no
 * mail: an empty digest is noise.
 */
public final class DailyDigestSender implements DailyDigests {

    /** Mail needing action listed at most in one digest. */
    static final int MAX_MAIL = 10;

    private final DigestRepository repository;
    private final AccountRecords records;
    private final TaskQueries tasks;
    private final SyncedMail syncedMail;
    private final MailService mail;
    private final Clock clock;

    public DailyDigestSender(DigestRepository repository, AccountRecords records, TaskQueries tasks, SyncedMail syncedMail,
                             MailService mail, Clock clock) {
        this.repository = repository;
        this.records = records;
        this.tasks = tasks;
        this.syncedMail = syncedMail;
        this.mail = mail;
        this.clock = clock;
    }

    @Override
    public int sendDue(int batchSize) {
        Instant now = clock.instant();
        return repository.inTransaction(tx -> {
            int handled = 0;
            for (DigestRepository.Recipient person : repository.due(tx, now, batchSize)) {
                LocalDate today = now.atZone(person.zone()).toLocalDate();
                TaskQueries.Today day = tasks.today(person.id(), person.zone());
                List<String> toAnswer = syncedMail.needingAction(person.id(), now, MAX_MAIL).stream()
                        .map(DailyDigestSender::mailLine).toList();
                if (!day.dueToday().isEmpty() || !day.overdue().isEmpty() || !toAnswer.isEmpty()) {
                    mail.enqueueDigest(tx, person.id(), person.email(), person.displayName(), today, titles(day.dueToday()),
                            titles(day.overdue()), toAnswer, "digest:" + person.id() + ":" + today);
                }
                records.markDigestSent(tx, person.id(), today);
                handled++;
            }
            return handled;
        });
    }

    /** "Ada Lovelace: Invoice 42". */
    private static String mailLine(SyncedMessage message) {
        MailHeader h = message.header();
        String from = h.fromName() != null && !h.fromName().isBlank() ? h.fromName() : h.fromAddress();
        return from + ": " + (h.subject() == null || h.subject().isBlank() ? "(no subject)" : h.subject());
    }

    private static List<String> titles(List<Task> list) {
        return list.stream().map(Task::title).toList();
    }
}
