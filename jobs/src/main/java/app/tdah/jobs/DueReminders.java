package app.tdah.jobs;

/** Port into the reminders domain: hands reminders whose time has come to their channels. */
public interface DueReminders {

    /** Dispatches up to {@code batchSize} due reminders in one transaction; returns how many were claimed. */
    int dispatchDue(int batchSize);
}
