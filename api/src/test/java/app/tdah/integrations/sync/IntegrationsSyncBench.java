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
    /** The lease of a node's claim on a stream when the bench is not told otherwise: the product's default. */
    private static final Duration DEFAULT_LEASE = Duration.ofMinutes(2);

    private IntegrationsSyncBench() {
    }

    /**
     * A day's interval, so that no stream's own slot comes round during the round: each stream is due exactly once,
     * and any second sync of it would be a double.
     */
    static SyncSettings settings(Duration lease) {
        return new SyncSettings(Duration.ofDays(1), Duration.ofSeconds(10), 16, lease, Duration.ofMinutes(1),
                Duration.ofDays(30), Duration.ofDays(180), Duration.ofDays(30));
    }

    public static void main(String[] args) throws Exception {
        int people = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int googleLimit = args.length > 1 ? Integer.parseInt(args[1]) : 250;
        int microsoftLimit = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        SyncSettings settings = settings(args.length > 3 ? Duration.ofSeconds(Long.parseLong(args[3])) : DEFAULT_LEASE);
        boolean initial = args.length <= 4 || !args[4].equals("--rounds-only");
        String jdbcUrl = TestServices.createDatabase();
        Database database = new Database(jdbcUrl, TestServices.pgUser(), TestServices.pgPassword(), 20);
        database.migrate();
        RedissonClient redis = Redis.connect(TestServices.redisUrl(), Redis.Topology.SINGLE, "");
        try (DbClient nodeA = database.openClient(); DbClient nodeB = database.openClient();
             FakeGoogle google = new FakeGoogle(CLOCK); FakeMicrosoftGraph microsoft = new FakeMicrosoftGraph()) {
            google.pageSize(2_500);
            microsoft.pageSize(500);
            if (initial) {
                initialSync(nodeA, redis, google, microsoft, settings);
            }
            List<ConnectedIntegration> integrations = connectAndSeed(nodeA, redis, google, microsoft, people, settings);
            incrementalRound(nodeA, nodeB, redis, google, microsoft, integrations, googleLimit, microsoftLimit, settings);
            killedNodeRound(jdbcUrl, nodeA, google, microsoft, integrations, googleLimit, microsoftLimit, settings, redis);
        } finally {
            redis.shutdown();
            TestServices.dropDatabase(jdbcUrl);
        }
    }

    private static void initialSync(DbClient db, RedissonClient redis, FakeGoogle google, FakeMicrosoftGraph microsoft,
                                    SyncSettings settings) {
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
            SyncRunner runner = runner(db, coordination(redis), URI.create(google.url()), URI.create(microsoft.url()), 100_000,
                    100_000, settings);
            SyncRepository repository = new SyncRepository(db);
            new IntegrationSyncService(repository, CLOCK).track(new ConnectedIntegration(integration, user, provider,
                    Set.of(Capability.CALENDAR_READ, Capability.MAIL_READ)));
            long baseline = heapAfterGc();
            resetPeaks();
            for (SyncState stream : repository.claimDue(CLOCK.instant(), CLOCK.instant().plus(settings.lease()), "bench", 2)) {
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

    /** N people, half Google and half Microsoft, 20 events and 20 inbox messages each, fully synced (not measured). */
    private static List<ConnectedIntegration> connectAndSeed(DbClient db, RedissonClient redis, FakeGoogle google,
                                                             FakeMicrosoftGraph microsoft, int people, SyncSettings settings) {
        Instant now = CLOCK.instant();
        IntegrationSyncService service = new IntegrationSyncService(new SyncRepository(db), CLOCK);
        List<ConnectedIntegration> integrations = new ArrayList<>();
        for (int p = 0; p < people; p++) {
            Provider provider = p % 2 == 0 ? Provider.GOOGLE : Provider.MICROSOFT;
            UUID user = user(db);
            ConnectedIntegration c = new ConnectedIntegration(integration(db, user, provider), user, provider,
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
        SyncRunner seeding = runner(db, coordination(redis), URI.create(google.url()), URI.create(microsoft.url()), 50_000,
                50_000, settings);
        while (seeding.runDue() > 0) {
            Thread.onSpinWait();
        }
        return integrations;
    }

    /**
     * A round's 50 changes to each person's calendar and inbox, by item id prefix: 15 events {@code created}, 5
     * {@code moved} (retitled and moved by 10 minutes), 10 {@code deleted} from number {@code deletedFrom}; 15 messages
     * {@code mailCreated}, 5 {@code mailGone}.
     */
    private record Changes(String created, String createdTitle, String moved, String movedTitle, String deleted,
                           int deletedFrom, String mailCreated, String mailGone) {

        void apply(FakeGoogle google, FakeMicrosoftGraph microsoft, ConnectedIntegration c) {
            Instant now = CLOCK.instant();
            String token = "token-" + c.id();
            boolean isGoogle = c.provider() == Provider.GOOGLE;
            for (int i = 0; i < 15; i++) {
                Instant start = now.plus(Duration.ofHours(3L * i + 1));
                if (isGoogle) {
                    google.account(token).putTimed(created + i, createdTitle + i, start, start.plusSeconds(900));
                    google.account(token).addMessage(mailCreated + i, "B <b@example.com>", "me@example.com", "New mail " + i, now, "INBOX", "UNREAD");
                } else {
                    microsoft.mailbox(token).putEvent(created + i, createdTitle + i, start, start.plusSeconds(900), "busy", null);
                    microsoft.mailbox(token).putMessage(mailCreated + i, "B", "b@example.com", "New mail " + i, now, false);
                }
            }
            for (int i = 0; i < 5; i++) {
                Instant start = now.plus(Duration.ofHours(5L * i)).plusSeconds(600);
                if (isGoogle) {
                    google.account(token).putTimed(moved + i, movedTitle + i, start, start.plusSeconds(1800));
                    google.account(token).deleteMessage(mailGone + i);
                } else {
                    microsoft.mailbox(token).putEvent(moved + i, movedTitle + i, start, start.plusSeconds(1800), "busy", null);
                    microsoft.mailbox(token).removeMessage(mailGone + i);
                }
            }
            for (int i = deletedFrom; i < deletedFrom + 10; i++) {
                if (isGoogle) {
                    google.account(token).deleteEvent(deleted + i);
                } else {
                    microsoft.mailbox(token).deleteEvent(deleted + i);
                }
            }
        }
    }

    private static final Changes FIRST_ROUND = new Changes("n", "New ", "e", "Moved ", "e", 10, "k", "m");
    /** Leaves the first round's items different again: its new events move or go, its new messages partly go. */
    private static final Changes SECOND_ROUND = new Changes("r", "Later ", "n", "Moved again ", "n", 5, "q", "k");

    /** What the fakes had counted before a round, so that a round's figures are its own. */
    private record Before(int googleRequests, int microsoftRequests, Set<String> listedAtOnce, int cursorsReread) {

        static Before of(FakeGoogle google, FakeMicrosoftGraph microsoft) {
            Set<String> atOnce = new HashSet<>(google.listedAtOnce());
            atOnce.addAll(microsoft.listedAtOnce());
            return new Before(google.requests().size(), microsoft.requests().size(), atOnce,
                    google.cursorsAnsweredTwice().size() + microsoft.cursorsAnsweredTwice().size());
        }

        /** Requests per provider, the most in any 1 s, streams synced twice at once, changes lost, non-200 answers. */
        void report(DbClient db, List<ConnectedIntegration> integrations, FakeGoogle google, FakeMicrosoftGraph microsoft,
                    int googleLimit, int microsoftLimit, String doubles) {
            List<FakeProviderServer.Request> googleRound = google.requests().subList(googleRequests, google.requests().size());
            List<FakeProviderServer.Request> microsoftRound = microsoft.requests().subList(microsoftRequests, microsoft.requests().size());
            System.out.printf("  Google %,d requests, at most %d in any 1 s (limit %d/s); Microsoft %,d requests, at most %d in any 1 s (limit %d/s)%n",
                    googleRound.size(), maxPerSecond(googleRound), googleLimit, microsoftRound.size(), maxPerSecond(microsoftRound), microsoftLimit);
            Set<String> atOnce = new HashSet<>(google.listedAtOnce());
            atOnce.addAll(microsoft.listedAtOnce());
            atOnce.removeAll(listedAtOnce);
            System.out.printf("  streams synced twice at once: %d; %s; changes lost or doubled (stored vs the fakes' truth): %d; "
                            + "incremental cursors read again: %d; non-200 answers: %d%n",
                    atOnce.size(), doubles, lost(db, integrations, google, microsoft),
                    google.cursorsAnsweredTwice().size() + microsoft.cursorsAnsweredTwice().size() - cursorsReread,
                    googleRound.stream().filter(r -> r.status() != 200).count() + microsoftRound.stream().filter(r -> r.status() != 200).count());
        }
    }

    private static void incrementalRound(DbClient nodeA, DbClient nodeB, RedissonClient redis, FakeGoogle google,
                                         FakeMicrosoftGraph microsoft, List<ConnectedIntegration> integrations, int googleLimit,
                                         int microsoftLimit, SyncSettings settings) throws Exception {
        integrations.forEach(c -> FIRST_ROUND.apply(google, microsoft, c));
        Before before = Before.of(google, microsoft);
        Instant roundStart = makeAllDue(nodeA);
        String prefix = "pa-bench-round-" + UUID.randomUUID();
        SyncRunner a = runner(nodeA, new RedissonCoordination(redis, prefix), URI.create(google.url()), URI.create(microsoft.url()),
                googleLimit, microsoftLimit, settings);
        SyncRunner b = runner(nodeB, new RedissonCoordination(redis, prefix), URI.create(google.url()), URI.create(microsoft.url()),
                googleLimit, microsoftLimit, settings);
        long started = System.nanoTime();
        AtomicBoolean converged = new AtomicBoolean();
        int completed = 0;
        try (ExecutorService nodes = Executors.newFixedThreadPool(2)) {
            List<Future<Integer>> runs = List.of(nodes.submit(() -> node(a, converged)), nodes.submit(() -> node(b, converged)));
            awaitConverged(nodeA, roundStart);
            converged.set(true);
            for (Future<Integer> run : runs) {
                completed += run.get();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("round: %,d people (%,d streams), 50 changes each, 2 nodes: converged in %.1f s; %,d stream syncs completed%n",
                integrations.size(), integrations.size() * 2, seconds, completed);
        before.report(nodeA, integrations, google, microsoft, googleLimit, microsoftLimit, String.format(
                "syncs beyond one a stream: %d (a stream's own daily slot falling in the round, or a retry after a failure)",
                completed - integrations.size() * 2));
    }

    /**
     * The same people, 50 more changes each, synced by node A in this JVM and node B in a JVM of its own
     * ({@link SyncBenchWorker}), which is killed with SIGKILL once a third of the streams are synced and while it holds
     * claims: it neither finishes nor gives back anything, as when a machine dies. Its claims lapse after the lease and
     * node A takes them up.
     */
    private static void killedNodeRound(String jdbcUrl, DbClient nodeA, FakeGoogle google, FakeMicrosoftGraph microsoft,
                                        List<ConnectedIntegration> integrations, int googleLimit, int microsoftLimit,
                                        SyncSettings settings, RedissonClient redis) throws Exception {
        integrations.forEach(c -> SECOND_ROUND.apply(google, microsoft, c));
        String prefix = "pa-bench-killed-" + UUID.randomUUID();
        Process worker = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), SyncBenchWorker.class.getName(), jdbcUrl, prefix, google.url(),
                microsoft.url(), Integer.toString(googleLimit), Integer.toString(microsoftLimit),
                Long.toString(settings.lease().toSeconds()))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            String workerNode = new java.io.BufferedReader(new java.io.InputStreamReader(worker.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8)).readLine().substring("node ".length());
            SyncRunner a = runner(nodeA, new RedissonCoordination(redis, prefix), URI.create(google.url()),
                    URI.create(microsoft.url()), googleLimit, microsoftLimit, settings);
            Before before = Before.of(google, microsoft);
            int streams = integrations.size() * 2;
            Instant roundStart = makeAllDue(nodeA);
            long started = System.nanoTime();
            AtomicBoolean converged = new AtomicBoolean();
            long syncedAtKill;
            List<String> orphaned;
            double killedAt;
            int completedByA;
            try (ExecutorService nodes = Executors.newSingleThreadExecutor()) {
                Future<Integer> runA = nodes.submit(() -> node(a, converged));
                while ((syncedAtKill = streams - unsynced(nodeA, roundStart)) < streams / 3 || claimsOf(nodeA, workerNode).isEmpty()) {
                    if (!worker.isAlive() || syncedAtKill == streams) {
                        throw new IllegalStateException("node B was never caught holding claims mid-round");
                    }
                    Thread.sleep(5);
                }
                worker.destroyForcibly().waitFor();
                killedAt = (System.nanoTime() - started) / 1e9;
                orphaned = claimsOf(nodeA, workerNode);
                awaitConverged(nodeA, roundStart);
                converged.set(true);
                completedByA = runA.get();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("killed node: %,d people (%,d streams), 50 more changes each; node B (its own JVM) killed with SIGKILL "
                            + "at %.1f s, %,d streams synced, holding %d claims (%s)%n", integrations.size(), streams, killedAt,
                    syncedAtKill, orphaned.size(), orphaned.stream().collect(Collectors.groupingBy(s -> s,
                            java.util.TreeMap::new, Collectors.counting())).toString());
            System.out.printf("killed node: converged in %.1f s, %.1f s after the kill (lease %d s, and the dead node's "
                            + "Redisson locks lapse 30 s after their last renewal); node A completed %,d stream syncs%n",
                    seconds, seconds - killedAt, settings.lease().toSeconds(), completedByA);
            before.report(nodeA, integrations, google, microsoft, googleLimit, microsoftLimit, String.format(
                    "streams synced this round: %,d of %,d", streams - unsynced(nodeA, roundStart), streams));
        } finally {
            worker.destroyForcibly();
        }
    }

    /** Makes every stream due now; returns the moment the round starts. */
    private static Instant makeAllDue(DbClient db) {
        Instant roundStart = Instant.now();
        db.execute().update("UPDATE integration_syncs SET next_run_at = ?", CLOCK.instant().atOffset(java.time.ZoneOffset.UTC));
        return roundStart;
    }

    /** Streams not synced since {@code roundStart}. */
    private static long unsynced(DbClient db, Instant roundStart) {
        return db.execute().get("SELECT count(*) AS n FROM integration_syncs WHERE last_success_at IS NULL OR last_success_at < ?",
                roundStart.atOffset(java.time.ZoneOffset.UTC)).orElseThrow().column("n").get(Long.class);
    }

    private static void awaitConverged(DbClient db, Instant roundStart) throws InterruptedException {
        while (unsynced(db, roundStart) > 0) {
            Thread.sleep(50);
        }
    }

    /** The streams {@code node} holds a live claim on, as "provider stream". */
    private static List<String> claimsOf(DbClient db, String node) {
        return db.execute().query("SELECT provider || ' ' || stream AS s FROM integration_syncs WHERE claimed_by = ? "
                + "AND claimed_until > now() ORDER BY 1", node).map(r -> r.column("s").get(String.class)).toList();
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

    static SyncRunner runner(DbClient db, Coordination coordination, URI google, URI microsoft, int googleLimit,
                             int microsoftLimit, SyncSettings settings) {
        ProviderHttp googleHttp = new ProviderHttp(google,
                new RequestLimit(coordination, Provider.GOOGLE, googleLimit, Duration.ofSeconds(30)), Duration.ofSeconds(30), CLOCK);
        ProviderHttp microsoftHttp = new ProviderHttp(microsoft,
                new RequestLimit(coordination, Provider.MICROSOFT, microsoftLimit, Duration.ofSeconds(30)), Duration.ofSeconds(30), CLOCK);
        return new SyncRunner(new SyncRepository(db), IntegrationSyncFeature.sources(googleHttp, microsoftHttp, settings, CLOCK),
                id -> "token-" + id, coordination, new AuditLog(db), settings, CLOCK);
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
