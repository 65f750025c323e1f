package app.tdah.jobs;

/** Port into the tasks domain: counts due occurrences that passed without completion. */
public interface MissedTasks {

    /** Counts up to {@code batchSize} newly missed occurrences; returns how many were counted. */
    int countMissed(int batchSize);
}
