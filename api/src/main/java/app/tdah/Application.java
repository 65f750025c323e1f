package app.tdah;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import app.tdah.accounts.AccountsFeature;
import app.tdah.accounts.RefreshCookie;
import app.tdah.admin.AdminFeature;
import app.tdah.audit.AnonymousRefusalLimit;
import app.tdah.audit.AuditAction;
import app.tdah.audit.AuditEvent;
import app.tdah.agenda.AgendaFeature;
import app.tdah.audit.AuditLog;
import app.tdah.identity.ClientInfo;
import app.tdah.identity.Permission;
import app.tdah.integrations.IntegrationsFeature;
import app.tdah.digest.DigestFeature;
import app.tdah.graphql.Authorization;
import app.tdah.graphql.GraphQlEngine;
import app.tdah.graphql.GraphQlFeature;
import app.tdah.graphql.GraphQlHttpService;
import app.tdah.graphql.SchemaSource;
import app.tdah.ical.IcalFeature;
import app.tdah.focus.FocusFeature;
import app.tdah.insights.InsightsFeature;
import app.tdah.integrations.sync.AccessTokenSource;
import app.tdah.integrations.sync.IntegrationSyncFeature;
import app.tdah.integrations.sync.IntegrationSyncService;
import app.tdah.jobs.JobScheduler;
import app.tdah.jobs.PurgeExpiredTokensJob;
import app.tdah.jobs.ScheduledJob;
import app.tdah.jobs.SchedulerSettings;
import app.tdah.jobs.coordination.Coordination;
import app.tdah.jobs.coordination.LocalFallbackCoordination;
import app.tdah.jobs.coordination.RedissonCoordination;
import app.tdah.llm.ChatCompletionsClient;
import app.tdah.llm.LlmSettings;
import app.tdah.mail.MailFeature;
import app.tdah.mailtasks.MailTasksFeature;
import app.tdah.mfa.MfaFeature;
import app.tdah.mfa.MfaGate;
import app.tdah.myaccount.MyAccountFeature;
import app.tdah.notifications.NotificationsFeature;
import app.tdah.observe.ReadinessChecks;
import app.tdah.oidc.OidcFeature;
import app.tdah.platform.AesGcm;
import app.tdah.platform.AppConfig;
import app.tdah.platform.AppConfig.Role;
import app.tdah.platform.Database;
import app.tdah.platform.EmbeddedServices;
import app.tdah.platform.EncryptionKeys;
import app.tdah.platform.KeyRotation;
import app.tdah.platform.Redis;
import app.tdah.platform.Secrets;
import app.tdah.reminders.RemindersFeature;
import app.tdah.scheduling.ScheduledTasks;
import app.tdah.scheduling.SchedulingFeature;
import app.tdah.sms.SmsFeature;
import app.tdah.tasks.MissedTasks;
import app.tdah.tasks.TasksFeature;
import app.tdah.web.ClientAddress;
import app.tdah.web.RequestObservation;
import app.tdah.web.SecurityHeaders;
import app.tdah.web.SpaRouting;
import app.tdah.wiring.Feature;
import app.tdah.wiring.Foundation;

import io.helidon.config.Config;
import io.helidon.dbclient.DbClient;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;

import org.quartz.SimpleScheduleBuilder;
import org.redisson.api.RedissonClient;

/** One running node: its connections, its services, its scheduler and its web server, wired by hand. */
public final class Application implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Application.class.getName());
    private static final Executor STARTUP = Executors.newVirtualThreadPerTaskExecutor();

    private final List<AutoCloseable> resources;
    private final WebServer server;
    private final JobScheduler scheduler;
    private final MissedTasks missedTasks;
    private final IntegrationsFeature integrations;
    private final IntegrationSyncService integrationSync;

    private Application(List<AutoCloseable> resources, WebServer server, JobScheduler scheduler, MissedTasks missedTasks,
                        IntegrationsFeature integrations, IntegrationSyncService integrationSync) {
        this.resources = resources;
        this.server = server;
        this.scheduler = scheduler;
        this.missedTasks = missedTasks;
        this.integrations = integrations;
        this.integrationSync = integrationSync;
    }

    public static void migrateOnly(AppConfig settings) {
        try (EmbeddedServices embedded = EmbeddedServices.start(settings)) {
            int applied = database(settings, embedded).migrate().migrationsExecuted;
            LOG.log(System.Logger.Level.INFO, "Migrations applied: {0}", applied);
        }
    }

    /**
     * Re-seals every secret stored encrypted (integration tokens, authenticator secrets) under the primary encryption
     * key, and audits it. Returns false when some value opens under no configured key: it is left as it is.
     */
    public static boolean rotateKeys(AppConfig settings) {
        EncryptionKeys keys = Secrets.load(settings).encryptionKeys();
        AesGcm aes = new AesGcm(keys);
        try (EmbeddedServices embedded = EmbeddedServices.start(settings);
             DbClient db = database(settings, embedded).openClient()) {
            List<KeyRotation.SealedColumn> columns = new ArrayList<>(IntegrationsFeature.sealedTokens(db));
            columns.add(MfaFeature.sealedSecrets(db));
            Map<String, String> details = new LinkedHashMap<>();
            long unreadable = 0;
            for (KeyRotation.SealedColumn column : columns) {
                KeyRotation.Outcome outcome = KeyRotation.rotate(aes, column);
                LOG.log(System.Logger.Level.INFO, "{0}: {1} re-sealed, {2} already under the primary key, {3} unreadable",
                        outcome.column(), outcome.resealed(), outcome.alreadyCurrent(), outcome.unreadable());
                details.put(outcome.column(), outcome.resealed() + " resealed, " + outcome.unreadable() + " unreadable");
                unreadable += outcome.unreadable();
            }
            details.put("primary", keys.primaryId());
            new AuditLog(db).record(AuditEvent.against(AuditAction.ENCRYPTION_KEYS_ROTATED,
                    unreadable == 0 ? AuditEvent.Outcome.SUCCESS : AuditEvent.Outcome.FAILURE, null, ClientInfo.UNKNOWN, details));
            return unreadable == 0;
        }
    }

    /** Starts with the given clock: tests fix "now" for everything that reads the time. */
    public static Application start(AppConfig settings, Config config, Clock clock) {
        return start(settings, config, clock, Optional.empty());
    }

    /** Starts with the given clock and the access tokens integrations sync with (tests and benches supply them). */
    public static Application start(AppConfig settings, Config config, Clock clock, AccessTokenSource integrationTokens) {
        return start(settings, config, clock, Optional.of(integrationTokens));
    }

    private static Application start(AppConfig settings, Config config, Clock clock,
                                     Optional<AccessTokenSource> integrationTokens) {
        long started = System.nanoTime();
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            EmbeddedServices embedded = EmbeddedServices.start(settings);
            resources.add(embedded);
            if (settings.embeddedDatabase() || settings.embeddedRedis()) {
                LOG.log(System.Logger.Level.INFO, "Running in EMBEDDED mode: data is kept in {0}. "
                        + "Set PA_DB_URL and PA_REDIS_URL to use your own PostgreSQL and Redis.", settings.dataDir());
            }
            // Start-up work runs side by side: Flyway migrates while Redis connects, the schema parses and the
            // services are built. Only the scheduler and the web server wait for the migrated schema.
            Database database = database(settings, embedded);
            CompletableFuture<Void> migrating = CompletableFuture.runAsync(database::migrate, STARTUP);
            String redisUrl = settings.redisUrl().or(embedded::redisUrl).orElseThrow();
            Redis.Topology topology = settings.embeddedRedis() ? Redis.Topology.SINGLE : settings.redisTopology();
            CompletableFuture<RedissonClient> redisConnecting = CompletableFuture.supplyAsync(
                    () -> Redis.connect(redisUrl, topology, settings.redisSentinelMaster()), STARTUP);
            CompletableFuture<SchemaSource> schemaParsing = CompletableFuture.supplyAsync(SchemaSource::load, STARTUP);
            Secrets secrets = Secrets.load(settings);
            DbClient db = database.openClient();
            resources.add(db);
            RedissonClient redis = redisConnecting.join();
            resources.add(redis::shutdown);
            Coordination coordination = new LocalFallbackCoordination(
                    new RedissonCoordination(redis, settings.redisKeyPrefix()), clock);
            Config refusals = config.get("pa.audit.refusals");
            AuditLog audit = new AuditLog(db, new AnonymousRefusalLimit(coordination,
                    refusals.get("ip.per.minute").asInt().get(), refusals.get("global.per.minute").asInt().get()));
            Foundation foundation = new Foundation(config.get("pa"), settings.publicUrl(), db, redis,
                    settings.redisKeyPrefix(), coordination, secrets, audit, clock, resources::add);

            // The features, each built once from its own configuration; later ones use what earlier ones offer.
            Optional<ChatCompletionsClient> llm = LlmSettings.from(foundation.config().get("llm")).map(LlmSettings::client);
            MailFeature mail = MailFeature.create(foundation);
            MfaGate mfaGate = MfaFeature.gate(foundation);
            AccountsFeature accounts = AccountsFeature.create(foundation, mfaGate, mail.mail());
            MfaFeature mfa = MfaFeature.create(foundation, accounts);
            TasksFeature tasks = TasksFeature.create(foundation, accounts::zoneAndLanguageOf, llm,
                    userId -> accounts.permits(userId, Permission.ASSISTANT_LLM));
            IntegrationsFeature integrations = IntegrationsFeature.create(foundation, accounts, mail.mail());
            IntegrationSyncFeature integrationSync = IntegrationSyncFeature.create(foundation,
                    integrationTokens.orElseGet(() -> IntegrationSyncFeature.tokensOf(integrations)));
            integrationSync.follow(integrations);
            ScheduledTasks scheduledTasks = SchedulingFeature.scheduledTasks(foundation);
            SmsFeature sms = SmsFeature.create(foundation, accounts, tasks, llm, integrationSync.calendarEvents(), scheduledTasks);
            AdminFeature admin = AdminFeature.create(foundation, accounts.records());
            List<Feature> features = List.of(
                    accounts.feature(),
                    mfa.feature(),
                    tasks.feature(),
                    IcalFeature.create(foundation, accounts),
                    InsightsFeature.create(foundation),
                    FocusFeature.create(foundation),
                    NotificationsFeature.create(foundation),
                    admin.feature(),
                    MyAccountFeature.create(foundation, accounts, admin, tasks),
                    OidcFeature.create(foundation, accounts),
                    integrations.feature(),
                    sms.feature(),
                    mail.feature(),
                    RemindersFeature.create(foundation, mail.mail(), sms.outbox(), integrationSync.calendarEvents()::busyUntil),
                    DigestFeature.create(foundation, accounts.records(), tasks.queries(), integrationSync.syncedMail(), mail.mail()),
                    integrationSync.feature(),
                    AgendaFeature.create(integrationSync.calendarEvents(), tasks.queries(), scheduledTasks,
                            userId -> accounts.zoneAndLanguageOf(userId).zone()),
                    SchedulingFeature.create(foundation, tasks, integrations, integrationSync, accounts::zoneAndLanguageOf),
                    MailTasksFeature.create(foundation, integrationSync.syncedMail(), tasks.commands(),
                            userId -> accounts.zoneAndLanguageOf(userId).zone()),
                    tokenPurge(accounts, mfa, clock));

            List<Feature.Route> routes = features.stream().flatMap(f -> f.routes().stream()).toList();
            HttpRouting.Builder routing = HttpRouting.builder()
                    .addFilter(new ClientAddress(settings.trustedProxies()))
                    .addFilter(new RequestObservation(settings.accessLog(),
                            routes.stream().map(Feature.Route::path).toList(),
                            routes.stream().filter(Feature.Route::secretBelow).map(Feature.Route::path).collect(Collectors.toSet())))
                    .addFilter(new SecurityHeaders());
            if (settings.hasRole(Role.WEB)) {
                List<GraphQlFeature> graphQl = features.stream().flatMap(f -> f.graphQl().stream()).toList();
                Config limits = foundation.config().get("graphql.max");
                GraphQlEngine engine = new GraphQlEngine(schemaParsing.join(), graphQl,
                        new Authorization(foundation.audit()::record),
                        limits.get("depth").asInt().get(), limits.get("complexity").asInt().get(),
                        limits.get("mutations").asInt().get());
                routing.register("/graphql", new GraphQlHttpService(engine, accounts.accessTokens(), accounts.accounts()::liveRole,
                        new RefreshCookie(accounts.secureCookie()).name()));
                routes.forEach(route -> routing.register(route.path(), route.service()));
                SpaRouting.register(routing);
            }
            migrating.join();

            CompletableFuture<JobScheduler> schedulerStarting = settings.hasRole(Role.WORKER)
                    ? CompletableFuture.supplyAsync(() -> JobScheduler.start(
                            SchedulerSettings.defaults(database.jdbcUrl(), database.user(), database.password()),
                            features.stream().flatMap(f -> f.jobs().stream()).toList(), admin.scheduler()), STARTUP)
                    : CompletableFuture.completedFuture(null);
            var health = HealthObserver.builder()
                    .details(true)
                    .addCheck(() -> HealthCheckResponse.builder().status(true).build(), HealthCheckType.LIVENESS, "alive")
                    .addCheck(ReadinessChecks.database(db), HealthCheckType.READINESS, "database")
                    .addCheck(ReadinessChecks.redis(redis), HealthCheckType.READINESS, "redis");
            if (settings.hasRole(Role.WORKER)) {
                health.addCheck(ReadinessChecks.of(() -> schedulerStarting.isDone() && schedulerStarting.join().isHealthy()),
                        HealthCheckType.READINESS, "scheduler");
            }

            WebServer server = WebServer.builder()
                    .config(config.get("server"))
                    .addFeature(ObserveFeature.builder()
                            .addObserver(health.build())
                            .addObserver(MetricsObserver.create())
                            .build())
                    .routing(routing)
                    .build()
                    .start();
            resources.add(server::stop);
            JobScheduler scheduler = schedulerStarting.join();
            if (scheduler != null) {
                resources.add(scheduler);
            }
            LOG.log(System.Logger.Level.INFO, "Personal Assistant TDAH ready on http://localhost:{0} (roles {1}) in {2} ms",
                    Integer.toString(server.port()), settings.roles(), (System.nanoTime() - started) / 1_000_000);
            return new Application(resources, server, scheduler, tasks.missedTasks(), integrations, integrationSync.service());
        } catch (CompletionException e) {
            closeAll(resources);
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        } catch (RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    public int port() {
        return server.port();
    }

    public JobScheduler scheduler() {
        return scheduler;
    }

    /** Counts missed due dates now, as the {@code count-missed-tasks} job does: tests need not wait for it. */
    public MissedTasks missedTasks() {
        return missedTasks;
    }

    public IntegrationsFeature integrations() {
        return integrations;
    }

    /** What connecting and disconnecting integrations tell the sync. */
    public IntegrationSyncService integrationSync() {
        return integrationSync;
    }

    @Override
    public void close() {
        closeAll(resources);
    }

    /**
     * Expired refresh tokens, recovery links and sign-in challenges are deleted hourly. Jobs whose interrupted run
     * matters request recovery: another node runs them again after the dead node's check-in lapses; each is
     * idempotent, so a rerun repeats nothing.
     */
    private static Feature tokenPurge(AccountsFeature accounts, MfaFeature mfa, Clock clock) {
        return Feature.builder()
                .job(new ScheduledJob("purge-expired-tokens", PurgeExpiredTokensJob.class,
                        () -> new PurgeExpiredTokensJob((Instant now) -> accounts.purgeExpiredTokens(now)
                                + mfa.purgeExpiredChallenges(now), clock),
                        SimpleScheduleBuilder.repeatHourlyForever().withMisfireHandlingInstructionNextWithRemainingCount(),
                        false))
                .build();
    }

    private static Database database(AppConfig settings, EmbeddedServices embedded) {
        return settings.dbUrl()
                .map(url -> new Database(url, settings.dbUser(), settings.dbPassword(), settings.dbPoolSize()))
                .orElseGet(() -> new Database(embedded.jdbcUrl().orElseThrow(), "postgres", "", settings.dbPoolSize()));
    }

    /** Closes in reverse order of opening: the server stops taking requests before its connections go. */
    private static void closeAll(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "Error while shutting down", e);
            }
        }
        resources.clear();
    }
}
