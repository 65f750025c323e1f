package app.tdah.jobs;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

/** Every minute: "leave now" nudges for events with a place, each once whatever the node. */
@DisallowConcurrentExecution
public final class SendLeaveNowNudgesJob implements Job {

    private final LeaveNowNudges nudges;

    public SendLeaveNowNudgesJob(LeaveNowNudges nudges) {
        this.nudges = nudges;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        try {
            context.setResult(nudges.sendDue());
        } catch (RuntimeException e) {
            throw new JobExecutionException("Sending leave-now nudges failed", e, false);
        }
    }
}
