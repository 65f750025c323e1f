package app.tdah.integrations.sync;

import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

/**
 * {@code sync-integrations}: syncs the calendars and mailboxes that are due. Runs may overlap on purpose (on one node
 * or several): each claims different streams, so a long round is shared by every worker node.
 */
public final class SyncIntegrationsJob implements Job {

    private final SyncRunner runner;

    public SyncIntegrationsJob(SyncRunner runner) {
        this.runner = runner;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        try {
            context.setResult(runner.runDue());
        } catch (RuntimeException e) {
            throw new JobExecutionException("Syncing integrations failed", e, false);
        }
    }
}
