package app.tdah.integrations.sync;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import app.tdah.audit.AuditLog;
import app.tdah.integrations.Capability;
import app.tdah.integrations.Provider;
import app.tdah.jobs.coordination.Coordination;
import app.tdah.jobs.coordination.RedissonCoordination;
import app.tdah.platform.Database;
import app.tdah.platform.Redis;
import app.tdah.testing.FakeGoogle;
import app.tdah.testing.FakeMicrosoftGraph;
import app.tdah.testing.FakeProviderServer;
import app.tdah.testing.TestServices;

import io.helidon.dbclient.DbClient;
import org.redisson.api.RedissonClient;

/**
 * The sync's figures against the fake providers on loopback, with this machine's PostgreSQL and Redis. Not a JUnit
 * test; bench/integrations-sync runs its main with the test classpath.
 *
 * <p>1. One person's initial sync, Google then Microsoft: 5,000 events and 20,000 inbox headers each; time per
 * stream and peak heap. 2. An incremental round: N people (half Google, half Microsoft, calendar and mail each) made
 * due at once, 50 changes each, synced by two "nodes" (two runners with their own database pools, the same Redis
 * locks and rate limits, each doing what its sync-integrations job runs do): time to converge, the highest request
 * rate per provider in any 1-second window against the configured limit, streams synced twice, changes lost.
 */
public final class IntegrationsSyncBench {

    private static final Clock CLOCK = Clock.systemUTC();
    /**
     * A day's interval, so that no stream's own slot comes round during the round: each stream is due exactly once,
     * and any second sync of it would be a double.
     */
    private static final SyncSettings SETTINGS = new SyncSettings(Duration.ofDays(1), Duration.ofSeconds(10), 16,
            Duration.ofMinutes(10), Duration.ofMinutes(1), Duration.ofDays(30), Duration.ofDays(180), Duration.ofDays(30));

    private IntegrationsSyncBench() {
    }

    public static void main(String[] args) throws Exception {
        int people = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int googleLimit = args.length > 1 ? Integer.parseInt(args[1]) : 250;
        int microsoftLimit = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        String jdbcUrl = TestServices.createDatabase();
        Database database = new Database(jdbcUrl, TestServices.pgUser(), TestServices.pgPassword(), 20);
        database.migrate();
        RedissonClient redis = Redis.connect(TestServices.redisUrl(), Redis.Topology.SINGLE, "");
        try (DbClient nodeA = database.openClient(); DbClient nodeB = database.openClient();
             FakeGoogle google = new FakeGoogle(CLOCK); FakeMicrosoftGraph microsoft = new FakeMicrosoftGraph()) {
            google.pageSize(2_500);
            microsoft.pageSize(500);
            initialSync(nodeA, redis, google, microsoft);
            incrementalRound(nodeA, nodeB, redis, google, microsoft, people, googleLimit, microsoftLimit);
        } finally {
            redis.shutdown();
            TestServices.dropDatabase(jdbcUrl);
        }
    }

    private static void initialSync(DbClient db, RedissonClient redis, FakeGoogle google, FakeMicrosoftGraph microsoft) {
        Instant now = CLOCK.instant();
        for (Provider provider : Provider.values()) {
            UUID user = user(db);
            UUID integration = integration(db, user, provider);
            String token = "token-" + integration;
            for (int i = 0; i < 5_000; i++) {
                Instant start = now.minus(Duration.ofDays(20)).plus(Duration.ofMinutes(53L * i));
                if (provider == Provider.GOOGLE) {
                    google.account(token).putTimed("ev" + i, "Event " + i, start, start.plus(Duration.ofMinutes(45)));
                } else {
                    microsoft.mailbox(token).putEvent("ev" + i, "Event " + i, start, start.plus(Duration.ofMinutes(45)), "busy", "Room " + i % 9);
                }
            }
            for (int i = 0; i < 20_000; i++) {
                Instant received = now.minus(Duration.ofMinutes(i + 1L));
                if (provider == Provider.GOOGLE) {
                    google.account(token).addMessage("m" + i, "Sender " + i % 300 + " <s" + i % 300 + "@example.com>", "me@example.com",
                            "Subject " + i, received, "INBOX", i % 3 == 0 ? "UNREAD" : "CATEGORY_PERSONAL");
                } else {
                    microsoft.mailbox(token).putMessage("m" + i, "Sender " + i % 300, "s" + i % 300 + "@example.com", "Subject " + i, received, i % 3 != 0);
                }
            }
            SyncRunner runner = runner(db, coordination(redis), google, microsoft, 100_000, 100_000);
            SyncRepository repository = new SyncRepository(db);
            new IntegrationSyncService(repository, CLOCK).track(new ConnectedIntegration(integration, user, provider,
                    Set.of(Capability.CALENDAR_READ, Capability.MAIL_READ)));
            long baseline = heapAfterGc();
            resetPeaks();
            for (SyncState stream : repository.claimDue(CLOCK.instant(), CLOCK.instant().plus(SETTINGS.lease()), "bench", 2)) {
                long started = System.nanoTime();
                boolean done = runner.sync(stream);
                double seconds = (System.nanoTime() - started) / 1e9;
                SyncState after = repository.streamsOf(user).stream().filter(s -> s.data() == stream.data()).findFirst().orElseThrow();
                System.out.printf("initial %-9s %-8s %s: %,d items in %.1f s (%,.0f items/s)%s%n", provider.displayName(),
                        stream.data().words(), done ? "done" : "FAILED", after.items(), seconds, after.items() / seconds,
                        after.lastError() == null ? "" : " " + after.lastError());
            }
            long requests = (provider == Provider.GOOGLE ? google.requests() : microsoft.requests()).stream()
                    .filter(r -> token.equals(r.token())).count();
            System.out.printf("initial %-9s peak heap %.0f MiB (the fakes' data and the JVM before: %.0f MiB after GC); %,d requests%n",
                    provider.displayName(), peakHeap() / 1048576.0, baseline / 1048576.0, requests);
            new IntegrationSyncService(repository, CLOCK).forget(integration);
        }
    }

    private static void incrementalRound(DbClient nodeA, DbClient nodeB, RedissonClient redis, FakeGoogle google,
                                         FakeMicrosoftGraph microsoft, int people, int googleLimit, int microsoftLimit) throws Exception {
        Instant now = CLOCK.instant();
        SyncRepository repository = new SyncRepository(nodeA);
        IntegrationSyncService service = new IntegrationSyncService(repository, CLOCK);
        List<ConnectedIntegration> integrations = new ArrayList<>();
        for (int p = 0; p < people; p++) {
            Provider provider = p % 2 == 0 ? Provider.GOOGLE : Provider.MICROSOFT;
            UUID user = user(nodeA);
            ConnectedIntegration c = new ConnectedIntegration(integration(nodeA, user, provider), user, provider,
                    Set.of(Capability.CALENDAR_READ, Capability.MAIL_READ));
            integrations.add(c);
            String token = "token-" + c.id();
            for (int i = 0; i < 20; i++) {
                Instant start = now.plus(Duration.ofHours(5L * i));
                if (provider == Provider.GOOGLE) {
                    google.account(token).putTimed("e" + i, "Event " + i, start, start.plusSeconds(1800));
                    google.account(token).addMessage("m" + i, "A <a@example.com>", "me@example.com", "Hello " + i, now.minusSeconds(600L * i), "INBOX");
                } else {
                    microsoft.mailbox(token).putEvent("e" + i, "Event " + i, start, start.plusSeconds(1800), "busy", null);
                    microsoft.mailbox(token).putMessage("m" + i, "A", "a@example.com", "Hello " + i, now.minusSeconds(600L * i), false);
                }
            }
            service.track(c);
        }
        // The first (full) syncs, at a high limit: not measured.
        SyncRunner seeding = runner(nodeA, coordination(redis), google, microsoft, 50_000, 50_000);
        while (seeding.runDue() > 0) {
            Thread.onSpinWait();
        }
        // 50 changes a person: 30 in the calendar (15 new, 5 moved, 10 deleted), 20 in the inbox (15 new, 5 gone).
        for (ConnectedIntegration c : integrations) {
            String token = "token-" + c.id();
            for (int i = 0; i < 15; i++) {
                Instant start = now.plus(Duration.ofHours(3L * i + 1));
                if (c.provider() == Provider.GOOGLE) {
                    google.account(token).putTimed("n" + i, "New " + i, start, start.plusSeconds(900));
                    google.account(token).addMessage("k" + i, "B <b@example.com>", "me@example.com", "New mail " + i, now, "INBOX", "UNREAD");
                } else {
                    microsoft.mailbox(token).putEvent("n" + i, "New " + i, start, start.plusSeconds(900), "busy", null);
                    microsoft.mailbox(token).putMessage("k" + i, "B", "b@example.com", "New mail " + i, now, false);
                }
            }
            for (int i = 0; i < 5; i++) {
                Instant moved = now.plus(Duration.ofHours(5L * i)).plusSeconds(600);
                if (c.provider() == Provider.GOOGLE) {
                    google.account(token).putTimed("e" + i, "Moved " + i, moved, moved.plusSeconds(1800));
                    google.account(token).deleteMessage("m" + i);
                } else {
                    microsoft.mailbox(token).putEvent("e" + i, "Moved " + i, moved, moved.plusSeconds(1800), "busy", null);
                    microsoft.mailbox(token).removeMessage("m" + i);
                }
            }
            for (int i = 10; i < 20; i++) {
                if (c.provider() == Provider.GOOGLE) {
                    google.account(token).deleteEvent("e" + i);
                } else {
                    microsoft.mailbox(token).deleteEvent("e" + i);
                }
            }
        }
        Instant roundStart = Instant.now();
        nodeA.execute().update("UPDATE integration_syncs SET next_run_at = ?", now.atOffset(java.time.ZoneOffset.UTC));
        int googleBefore = google.requests().size();
        int microsoftBefore = microsoft.requests().size();
        String prefix = "pa-bench-round-" + UUID.randomUUID();
        SyncRunner a = runner(nodeA, new RedissonCoordination(redis, prefix), google, microsoft, googleLimit, microsoftLimit);
        SyncRunner b = runner(nodeB, new RedissonCoordination(redis, prefix), google, microsoft, googleLimit, microsoftLimit);
        long started = System.nanoTime();
        AtomicBoolean converged = new AtomicBoolean();
        int completed = 0;
        try (ExecutorService nodes = Executors.newFixedThreadPool(2)) {
            List<Future<Integer>> runs = List.of(nodes.submit(() -> node(a, converged)), nodes.submit(() -> node(b, converged)));
            while (nodeA.execute().get("SELECT count(*) AS n FROM integration_syncs WHERE last_success_at IS NULL OR last_success_at < ?",
                    roundStart.atOffset(java.time.ZoneOffset.UTC)).orElseThrow().column("n").get(Long.class) > 0) {
                Thread.sleep(50);
            }
            converged.set(true);
            for (Future<Integer> run : runs) {
                completed += run.get();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        List<FakeProviderServer.Request> googleRound = google.requests().subList(googleBefore, google.requests().size());
        List<FakeProviderServer.Request> microsoftRound = microsoft.requests().subList(microsoftBefore, microsoft.requests().size());
        System.out.printf("round: %,d people (%,d streams), 50 changes each, 2 nodes: converged in %.1f s; %,d stream syncs completed%n",
                people, people * 2, seconds, completed);
        System.out.printf("round: Google %,d requests, at most %d in any 1 s (limit %d/s); Microsoft %,d requests, at most %d in any 1 s (limit %d/s)%n",
                googleRound.size(), maxPerSecond(googleRound), googleLimit, microsoftRound.size(), maxPerSecond(microsoftRound), microsoftLimit);
        Set<String> atOnce = new HashSet<>(google.listedAtOnce());
        atOnce.addAll(microsoft.listedAtOnce());
        System.out.printf("round: streams synced twice at once: %d; syncs beyond one a stream: %d (a stream's own daily slot "
                        + "falling in the round, or a retry after a failure); changes lost: %d; non-200 answers: %d%n",
                atOnce.size(), completed - people * 2, lost(nodeA, integrations, google, microsoft),
                googleRound.stream().filter(r -> r.status() != 200).count() + microsoftRound.stream().filter(r -> r.status() != 200).count());
    }

    /** One worker node: job runs back to back (what its ticks do under load) until the round has converged. */
    private static int node(SyncRunner runner, AtomicBoolean converged) throws InterruptedException {
        int completed = 0;
        while (!converged.get()) {
            int n = runner.runDue();
            completed += n;
            if (n == 0) {
                Thread.sleep(20);
            }
        }
        return completed;
    }

    /** Items whose stored state differs from the provider's: missing, extra, or with a stale title or flag. */
    private static long lost(DbClient db, List<ConnectedIntegration> integrations, FakeGoogle google, FakeMicrosoftGraph microsoft) {
        long lost = 0;
        for (ConnectedIntegration c : integrations) {
            String token = "token-" + c.id();
            Set<String> events = new HashSet<>(db.execute().query("SELECT event_id || ' ' || title AS k FROM calendar_events WHERE integration_id = ?::uuid", c.id())
                    .map(r -> r.column("k").get(String.class)).toList());
            Set<String> mail = new HashSet<>(db.execute().query("SELECT message_id AS k FROM mail_headers WHERE integration_id = ?::uuid", c.id())
                    .map(r -> r.column("k").get(String.class)).toList());
            Set<String> expectedEvents = c.provider() == Provider.GOOGLE
                    ? google.account(token).liveEvents().stream().map(e -> e.get("id").asText() + " " + e.get("summary").asText()).collect(Collectors.toSet())
                    : microsoft.mailbox(token).liveEvents().stream().map(e -> e.get("id").asText() + " " + e.get("subject").asText()).collect(Collectors.toSet());
            Set<String> expectedMail = c.provider() == Provider.GOOGLE
                    ? google.account(token).inbox().stream().map(FakeGoogle.Account.Message::id).collect(Collectors.toSet())
                    : microsoft.mailbox(token).inbox().stream().map(m -> m.get("id").asText()).collect(Collectors.toSet());
            lost += difference(events, expectedEvents) + difference(mail, expectedMail);
        }
        return lost;
    }

    private static long difference(Set<String> stored, Set<String> expected) {
        return stored.stream().filter(s -> !expected.contains(s)).count() + expected.stream().filter(e -> !stored.contains(e)).count();
    }

    private static int maxPerSecond(List<FakeProviderServer.Request> requests) {
        List<Instant> times = requests.stream().map(FakeProviderServer.Request::at).sorted().toList();
        int max = 0;
        int first = 0;
        for (int last = 0; last < times.size(); last++) {
            while (!times.get(first).plusSeconds(1).isAfter(times.get(last))) {
                first++;
            }
            max = Math.max(max, last - first + 1);
        }
        return max;
    }

    private static SyncRunner runner(DbClient db, Coordination coordination, FakeGoogle google, FakeMicrosoftGraph microsoft,
                                     int googleLimit, int microsoftLimit) {
        ProviderHttp googleHttp = new ProviderHttp(URI.create(google.url()),
                new RequestLimit(coordination, Provider.GOOGLE, googleLimit, Duration.ofSeconds(30)), Duration.ofSeconds(30), CLOCK);
        ProviderHttp microsoftHttp = new ProviderHttp(URI.create(microsoft.url()),
                new RequestLimit(coordination, Provider.MICROSOFT, microsoftLimit, Duration.ofSeconds(30)), Duration.ofSeconds(30), CLOCK);
        return new SyncRunner(new SyncRepository(db), IntegrationSyncFeature.sources(googleHttp, microsoftHttp, SETTINGS, CLOCK),
                id -> "token-" + id, coordination, new AuditLog(db), SETTINGS, CLOCK);
    }

    private static Coordination coordination(RedissonClient redis) {
        return new RedissonCoordination(redis, "pa-bench-" + UUID.randomUUID());
    }

    private static UUID user(DbClient db) {
        UUID id = UUID.randomUUID();
        db.execute().insert("INSERT INTO users (id, email, password_hash, display_name, time_zone) VALUES (?::uuid, ?, 'x', 'B', 'UTC')",
                id, id + "@example.com");
        return id;
    }

    /**
     * The connection the sync rows hang from (V31: they go with it). Its tokens are placeholders: the bench's runners
     * take their access tokens from a function of the integration id, as the fakes expect.
     */
    private static UUID integration(DbClient db, UUID userId, Provider provider) {
        UUID id = UUID.randomUUID();
        db.execute().insert("INSERT INTO integrations (id, user_id, provider, account_id, account_email, granted_scope, status, "
                        + "connected_at, status_changed_at, access_token_sealed, access_token_expires_at, refresh_token_sealed) "
                        + "VALUES (?::uuid, ?::uuid, ?, ?, ?, '', 'CONNECTED', now(), now(), '\\x00'::bytea, now() + interval '1 hour', "
                        + "'\\x00'::bytea)", id, userId, provider.code(), "account-" + id, userId + "@example.com");
        return id;
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
