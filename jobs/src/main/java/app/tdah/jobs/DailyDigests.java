package app.tdah.jobs;

/** Port into the digest feature: queues the daily digests whose local time has come. */
public interface DailyDigests {

    /** Handles up to {@code batchSize} people whose digest may be due; returns how many got today's. */
    int sendDue(int batchSize);
}
