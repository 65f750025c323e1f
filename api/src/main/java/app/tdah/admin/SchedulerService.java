package app.tdah.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The operator's view of background work: every job with its next fire time, last result and recent failures, and
 * the scheduler nodes with whether they are alive.
 */
public final class SchedulerService {

    private static final int RECENT_FAILURES = 20;

    private final SchedulerRepository repository;
    private final Clock clock;

    public SchedulerService(SchedulerRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public record SchedulerStatus(List<JobView> jobs, List<NodeView> nodes, List<SchedulerRepository.Run> recentFailures) {
    }

    public record JobView(String name, String state, Instant nextFireTime, Instant previousFireTime, SchedulerRepository.Run lastRun) {
    }

    public record NodeView(String instanceId, Instant lastCheckin, boolean alive) {
    }

    public SchedulerStatus status() {
        Map<String, SchedulerRepository.Run> lastRuns = repository.lastRuns().stream()
                .collect(Collectors.toMap(SchedulerRepository.Run::job, Function.identity()));
        List<JobView> jobs = repository.jobs().stream()
                .map(j -> new JobView(j.name(), j.state(), j.nextFireTime(), j.previousFireTime(), lastRuns.get(j.name())))
                .toList();
        Instant now = clock.instant();
        // Quartz's own rule: a node that has not checked in for about two intervals is presumed dead.
        List<NodeView> nodes = repository.nodes().stream()
                .map(n -> new NodeView(n.instanceId(), n.lastCheckin(),
                        n.lastCheckin() != null && n.lastCheckin().plusMillis(2 * n.checkinIntervalMs()).isAfter(now)))
                .toList();
        return new SchedulerStatus(jobs, nodes, repository.recentFailures(RECENT_FAILURES));
    }
}
