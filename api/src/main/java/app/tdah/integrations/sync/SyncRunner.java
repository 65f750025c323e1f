package app.tdah.integrations.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import app.tdah.audit.AuditAction;
import app.tdah.audit.AuditEvent;
import app.tdah.audit.AuditLog;
import app.tdah.integrations.Provider;
import app.tdah.jobs.coordination.Coordination;

/**
 * The work of the {@code sync-integrations} job on one node: claims due streams (rows other nodes are claiming are
 * skipped) and syncs them side by side, each under a cluster-wide lock of its own so that it never runs twice at
 * once, even when a claim lapsed while a slow sync was still going.
 */
public final class SyncRunner {

    private static final System.Logger LOG = System.getLogger(SyncRunner.class.getName());

    private final SyncRepository repository;
    private final Map<Provider, Map<SyncedData, ChangeSource<?>>> sources;
    private final AccessTokenSource tokens;
    private final Coordination coordination;
    private final AuditLog audit;
    private final SyncSettings settings;
    private final SyncSchedule schedule;
    private final Clock clock;
    private final String node = "node-" + UUID.randomUUID();

    public SyncRunner(SyncRepository repository, Map<Provider, Map<SyncedData, ChangeSource<?>>> sources,
                      AccessTokenSource tokens, Coordination coordination, AuditLog audit, SyncSettings settings, Clock clock) {
        this.repository = repository;
        this.sources = Map.copyOf(sources);
        this.tokens = tokens;
        this.coordination = coordination;
        this.audit = audit;
        this.settings = settings;
        this.schedule = new SyncSchedule(settings.interval());
        this.clock = clock;
    }

    /** The name this node's claims carry ({@code claimed_by}): the bench reads whose claims a killed node left. */
    String node() {
        return node;
    }

    /**
     * Claims due streams a batch at a time and syncs each batch side by side, until none is due or the run has lasted
     * long enough (the next run takes the rest). Returns how many streams completed their sync.
     */
    public int runDue() {
        long deadline = System.nanoTime() + settings.longestRun().toNanos();
        int completed = 0;
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            while (System.nanoTime() < deadline) {
                Instant now = clock.instant();
                List<SyncState> claimed = repository.claimDue(now, now.plus(settings.lease()), node, settings.concurrency());
                if (claimed.isEmpty()) {
                    break;
                }
                List<Future<Boolean>> runs = claimed.stream().map(s -> workers.submit(() -> sync(s))).toList();
                for (Future<Boolean> run : runs) {
                    completed += run.get() ? 1 : 0;
                }
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return completed;
    }

    /** Syncs one claimed stream if no one else is syncing it; true when it completed. */
    boolean sync(SyncState claimed) {
        Optional<Boolean> ran = coordination.withLock(claimed.lockName(), Duration.ZERO, () -> syncHoldingLock(claimed));
        if (ran.isEmpty()) {
            repository.release(claimed, clock.instant().plus(settings.tick()));
            return false;
        }
        return ran.get();
    }

    private boolean syncHoldingLock(SyncState sync) {
        ChangeSource<?> source = sources.get(sync.provider()).get(sync.data());
        Position position = sync.position();
        int changes = 0;
        boolean restarted = false;
        try {
            String token = tokens.accessToken(sync.integrationId());
            while (true) {
                Page<?> page;
                try {
                    page = source.page(token, position);
                } catch (ProviderException.CursorExpired expired) {
                    if (restarted) {
                        throw expired;
                    }
                    LOG.log(System.Logger.Level.INFO, "Full {0} sync of integration {1}: {2}", sync.data().words(),
                            sync.integrationId(), expired.getMessage());
                    audit(sync, AuditAction.INTEGRATION_SYNC_RESTARTED, AuditEvent.Outcome.SUCCESS, expired);
                    position = position.restartedFull();
                    restarted = true;
                    continue;
                }
                Position after = position.after(page.next());
                repository.applyPage(sync, position, page, after);
                changes += page.changes();
                position = after;
                if (page.next() instanceof Page.Done) {
                    break;
                }
            }
            Instant now = clock.instant();
            repository.succeeded(sync, now, schedule.nextSlot(sync.integrationId(), now), changes);
            return true;
        } catch (ReconnectNeeded e) {
            repository.needsReconnect(sync, clock.instant(), sync.provider().displayName() + " no longer lets us read your "
                    + sync.data().words() + ": reconnect it on the Integrations page.");
            LOG.log(System.Logger.Level.INFO, "Integration {0} needs reconnecting: {1}", sync.integrationId(), e.getMessage());
        } catch (ProviderException e) {
            Instant now = clock.instant();
            repository.failed(sync, now, e.describe(sync.provider(), sync.data()),
                    SyncSchedule.afterFailure(now, sync.failures() + 1, e.retryAfter().orElse(null)));
            LOG.log(System.Logger.Level.INFO, "{0} {1} sync of integration {2} stopped: {3}", sync.provider().displayName(),
                    sync.data().words(), sync.integrationId(), e.getMessage());
            // A provider that slows us down is routine; a refusal, an error or garbage is worth an audit row, once in a row.
            if (!(e instanceof ProviderException.RateLimited) && sync.failures() == 0) {
                audit(sync, AuditAction.INTEGRATION_SYNC_FAILED, AuditEvent.Outcome.FAILURE, e);
            }
        } catch (RuntimeException e) {
            Instant now = clock.instant();
            repository.failed(sync, now, "Something went wrong on our side while syncing your " + sync.data().words()
                    + "; we will try again.", SyncSchedule.afterFailure(now, sync.failures() + 1, null));
            LOG.log(System.Logger.Level.WARNING, "Sync of integration " + sync.integrationId() + " failed", e);
            if (sync.failures() == 0) {
                audit(sync, AuditAction.INTEGRATION_SYNC_FAILED, AuditEvent.Outcome.FAILURE, e);
            }
        }
        return false;
    }

    /** The provider's own words go into the details, shortened; they carry no token. */
    private void audit(SyncState sync, AuditAction action, AuditEvent.Outcome outcome, Exception cause) {
        String detail = String.valueOf(cause.getMessage());
        audit.record(AuditEvent.against(action, outcome, sync.userId(), null, Map.of(
                "integration", sync.integrationId().toString(), "provider", sync.provider().name(), "data", sync.data().name(),
                "error", cause.getClass().getSimpleName(), "detail", detail.length() > 200 ? detail.substring(0, 200) : detail)));
    }
}
