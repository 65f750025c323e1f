package app.tdah;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import app.tdah.identity.AccessTokens;
import app.tdah.identity.Permission;
import app.tdah.admin.AdminGraphQl;
import app.tdah.admin.SchedulerRepository;
import app.tdah.admin.SchedulerService;
import app.tdah.admin.UserAdminGraphQl;
import app.tdah.admin.UserAdminRepository;
import app.tdah.admin.UserAdminService;
import app.tdah.accounts.AccountRepository;
import app.tdah.accounts.AccountService;
import app.tdah.accounts.AccountsGraphQl;
import app.tdah.accounts.LoginThrottle;
import app.tdah.accounts.PasswordHasher;
import app.tdah.accounts.PasswordPolicy;
import app.tdah.accounts.recovery.EmailVerification;
import app.tdah.accounts.recovery.OneTimeLinks;
import app.tdah.accounts.recovery.PasswordRecovery;
import app.tdah.accounts.recovery.RecoveryGraphQl;
import app.tdah.accounts.recovery.RecoveryRepository;
import app.tdah.accounts.recovery.RecoveryThrottle;
import app.tdah.accounts.sessions.SessionRepository;
import app.tdah.accounts.sessions.SessionService;
import app.tdah.accounts.sessions.SessionsGraphQl;
import app.tdah.digest.DailyDigestSender;
import app.tdah.digest.DigestRepository;
import app.tdah.audit.AuditLog;
import app.tdah.graphql.Authorization;
import app.tdah.graphql.GraphQlEngine;
import app.tdah.graphql.GraphQlFeature;
import app.tdah.graphql.GraphQlHttpService;
import app.tdah.graphql.SchemaSource;
import app.tdah.ical.IcalFeedHttpService;
import app.tdah.ical.IcalFeedRepository;
import app.tdah.ical.IcalFeedService;
import app.tdah.ical.IcalGraphQl;
import app.tdah.insights.InsightsGraphQl;
import app.tdah.insights.InsightsRepository;
import app.tdah.insights.InsightsService;
import app.tdah.jobs.ApplyRetentionJob;
import app.tdah.jobs.CountMissedTasksJob;
import app.tdah.jobs.DispatchRemindersJob;
import app.tdah.jobs.SendDailyDigestsJob;
import app.tdah.jobs.JobScheduler;
import app.tdah.jobs.PurgeExpiredTokensJob;
import app.tdah.jobs.ScheduledJob;
import app.tdah.jobs.SchedulerSettings;
import app.tdah.jobs.coordination.Coordination;
import app.tdah.jobs.coordination.RedissonCoordination;
import app.tdah.jobs.mail.SendMailJob;
import app.tdah.jobs.mail.SmtpMailSender;
import app.tdah.llm.ChatCompletionsClient;
import app.tdah.jobs.sms.SendSmsJob;
import app.tdah.jobs.sms.TwilioSmsSender;
import app.tdah.mfa.MfaGate;
import app.tdah.mfa.MfaGraphQl;
import app.tdah.mfa.MfaRepository;
import app.tdah.mfa.MfaService;
import app.tdah.mail.MailOutboxRepository;
import app.tdah.mail.MailService;
import app.tdah.myaccount.AccountExportHttpService;
import app.tdah.myaccount.DataExport;
import app.tdah.myaccount.MyAccountGraphQl;
import app.tdah.myaccount.MyAccountRepository;
import app.tdah.myaccount.MyAccountService;
import app.tdah.notifications.NotificationRepository;
import app.tdah.notifications.NotificationService;
import app.tdah.notifications.NotificationsGraphQl;
import app.tdah.observe.ReadinessChecks;
import app.tdah.oidc.OidcGraphQl;
import app.tdah.oidc.OidcHttpService;
import app.tdah.oidc.ProviderSignIn;
import app.tdah.platform.AesGcm;
import app.tdah.platform.AppConfig;
import app.tdah.platform.AppConfig.Role;
import app.tdah.platform.Database;
import app.tdah.platform.EmbeddedServices;
import app.tdah.platform.Redis;
import app.tdah.platform.Secrets;
import app.tdah.planner.BuiltInTaskPlanner;
import app.tdah.reminders.ReminderDispatcher;
import app.tdah.reminders.ReminderRepository;
import app.tdah.sms.PhoneNumbers;
import app.tdah.sms.PhoneRepository;
import app.tdah.sms.PhoneService;
import app.tdah.sms.SmsGraphQl;
import app.tdah.sms.SmsLogRepository;
import app.tdah.sms.SmsLogService;
import app.tdah.sms.SmsMessageRepository;
import app.tdah.sms.SmsOutbox;
import app.tdah.sms.TwilioSignature;
import app.tdah.sms.TwilioStatusHttpService;
import app.tdah.sms.VerificationCodes;
import app.tdah.planner.LlmTaskPlanner;
import app.tdah.planner.TaskPlanner;
import app.tdah.sms.assistant.SmsInbox;
import app.tdah.sms.webhook.SmsWebhookHttpService;
import app.tdah.tasks.MissedTasks;
import app.tdah.tasks.TaskCommands;
import app.tdah.tasks.TaskQueries;
import app.tdah.tasks.TaskRepository;
import app.tdah.tasks.TasksGraphQl;
import app.tdah.web.ClientAddress;
import app.tdah.web.RequestObservation;
import app.tdah.web.SecurityHeaders;
import app.tdah.web.SpaRouting;

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

    private Application(List<AutoCloseable> resources, WebServer server, JobScheduler scheduler, MissedTasks missedTasks) {
        this.resources = resources;
        this.server = server;
        this.scheduler = scheduler;
        this.missedTasks = missedTasks;
    }

    public static void migrateOnly(AppConfig settings) {
        try (EmbeddedServices embedded = EmbeddedServices.start(settings)) {
            int applied = database(settings, embedded).migrate().migrationsExecuted;
            LOG.log(System.Logger.Level.INFO, "Migrations applied: {0}", applied);
        }
    }

    /** Starts with the given clock: tests fix "now" for everything that reads the time. */
    public static Application start(AppConfig settings, Config config, Clock clock) {
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

            AccountRepository accountRepository = new AccountRepository(db);
            AuditLog auditLog = new AuditLog(db);
            AccessTokens accessTokens = new AccessTokens(secrets.jwtKey(), settings.publicUrl().toString(),
                    settings.accessTokenLifetime(), clock);
            RedissonClient redis = redisConnecting.join();
            resources.add(redis::shutdown);
            Coordination coordination = new RedissonCoordination(redis, settings.redisKeyPrefix());
            MfaRepository mfaRepository = new MfaRepository(db);
            PasswordHasher passwordHasher = new PasswordHasher(settings.argon2());
            PasswordPolicy passwordPolicy = new PasswordPolicy();
            AccountService accounts = new AccountService(accountRepository, passwordHasher,
                    passwordPolicy, new LoginThrottle(coordination, settings.loginFirstDelay(), settings.loginLockout()), accessTokens,
                    settings.refreshTokenLifetime(), settings.refreshReuseGrace(), auditLog, clock,
                    new MfaGate(mfaRepository, auditLog, clock, settings.mfaRequiredForAdmins()));
            Function<UUID, ZoneId> zoneOf = userId -> accounts.user(userId).map(u -> ZoneId.of(u.timeZone())).orElse(ZoneOffset.UTC);
            TaskRepository taskRepository = new TaskRepository(db);
            Optional<ChatCompletionsClient> llm = settings.llm().map(l -> new ChatCompletionsClient(l.baseUrl(), l.model(),
                    l.apiKey().orElse(null), l.timeout()));
            TaskQueries taskQueries = new TaskQueries(taskRepository, clock);
            TaskCommands tasks = new TaskCommands(taskRepository, taskQueries, planner(llm), clock);
            MissedTasks missedTasks = new MissedTasks(taskRepository, tasks, clock);
            SchedulerRepository schedulerRepository = new SchedulerRepository(db);
            if (settings.twilio().isEmpty()) {
                LOG.log(System.Logger.Level.INFO, "Text messages are off: set PA_TWILIO_ACCOUNT_SID, PA_TWILIO_AUTH_TOKEN and "
                        + "PA_TWILIO_FROM to send them.");
            }

            HttpRouting.Builder routing = HttpRouting.builder()
                    .addFilter(new ClientAddress(settings.trustedProxies()))
                    .addFilter(new RequestObservation(settings.accessLog()))
                    .addFilter(new SecurityHeaders());
            if (settings.hasRole(Role.WEB)) {
                List<GraphQlFeature> features = new ArrayList<>();
                AccountsGraphQl accountsGraphQl = new AccountsGraphQl(accounts, settings.secureCookie());
                features.add(accountsGraphQl);
                features.add(new MfaGraphQl(new MfaService(mfaRepository, new AesGcm(secrets.encryptionKey()), accounts, auditLog, clock),
                        accounts, accountsGraphQl));
                SessionService sessions = new SessionService(new SessionRepository(db), auditLog);
                features.add(new SessionsGraphQl(sessions));
                RecoveryRepository recoveryRepository = new RecoveryRepository(db);
                OneTimeLinks links = new OneTimeLinks(recoveryRepository, settings.publicUrl(), clock);
                RecoveryThrottle recoveryThrottle = new RecoveryThrottle(coordination, settings.recoveryLimits());
                MailService mail = new MailService(new MailOutboxRepository(db), clock);
                EmailVerification emailVerification = new EmailVerification(recoveryRepository, links, recoveryThrottle,
                        accounts, mail, auditLog, clock);
                accounts.onRegistered(emailVerification::sendToNewAccount);
                ExecutorService recoveryMails = Executors.newVirtualThreadPerTaskExecutor();
                resources.add(recoveryMails);
                features.add(new RecoveryGraphQl(emailVerification, new PasswordRecovery(recoveryRepository, links,
                        recoveryThrottle, accounts, passwordHasher, passwordPolicy, sessions, mail, auditLog, recoveryMails)));
                features.add(new TasksGraphQl(taskQueries, tasks, zoneOf));
                // Feature wiring: each feature adds its GraphQL slice (and HTTP routes, if any) here.
                IcalFeedService icalFeeds = new IcalFeedService(new IcalFeedRepository(db), settings.publicUrl(), clock);
                features.add(new IcalGraphQl(icalFeeds));
                features.add(new InsightsGraphQl(new InsightsService(new InsightsRepository(db), clock)));
                features.add(new NotificationsGraphQl(new NotificationService(new NotificationRepository(db))));
                features.add(new AdminGraphQl(new SchedulerService(schedulerRepository, clock)));
                UserAdminService userAdmin = new UserAdminService(new UserAdminRepository(db), auditLog);
                features.add(new UserAdminGraphQl(userAdmin));
                MyAccountService myAccount = new MyAccountService(new MyAccountRepository(db), accounts, userAdmin,
                        tasks, new DataExport(db), auditLog, clock);
                features.add(new MyAccountGraphQl(myAccount, accounts, settings.secureCookie()));
                ProviderSignIn providerSignIn = ProviderSignIn.create(settings.oidcProviders(), redis, settings.redisKeyPrefix(),
                        accounts, auditLog, db, settings.publicUrl(), clock);
                features.add(new OidcGraphQl(providerSignIn));
                PhoneService phones = new PhoneService(new PhoneRepository(db), new PhoneNumbers(settings.sms().defaultRegion()),
                        new VerificationCodes(secrets.encryptionKey()), new SmsOutbox(db), auditLog, settings.twilio().isPresent(), clock);
                features.add(new SmsGraphQl(phones, new SmsLogService(new SmsLogRepository(db), settings.sms(), clock)));
                GraphQlEngine engine = new GraphQlEngine(schemaParsing.join(), features,
                        new Authorization(accounts::effectiveRole, auditLog::record),
                        settings.graphqlMaxDepth(), settings.graphqlMaxComplexity());
                routing.register("/graphql", new GraphQlHttpService(engine, accessTokens));
                routing.register(IcalFeedHttpService.ROOT, new IcalFeedHttpService(icalFeeds));
                routing.register(AccountExportHttpService.ROOT,
                        new AccountExportHttpService(myAccount, accessTokens, accounts::effectiveRole, clock));
                routing.register(OidcHttpService.ROOT, new OidcHttpService(providerSignIn, settings.secureCookie()));
                settings.twilio().ifPresent(twilio -> {
                    TwilioSignature signature = new TwilioSignature(twilio.authToken(), settings.publicUrl());
                    routing.register(TwilioStatusHttpService.PATH, new TwilioStatusHttpService(
                            signature, new SmsMessageRepository(db), auditLog, clock));
                    SmsInbox smsInbox = SmsInbox.create(db, taskQueries, tasks, new SmsOutbox(db), llm,
                            userId -> accounts.effectiveRole(userId).map(role -> role.permits(Permission.ASSISTANT_LLM)).orElse(false),
                            settings.smsAssistant(), settings.publicUrl(), clock);
                    resources.add(smsInbox);
                    routing.register(SmsWebhookHttpService.PATH, new SmsWebhookHttpService(signature,
                            new PhoneNumbers(settings.sms().defaultRegion()), smsInbox, auditLog));
                });
                SpaRouting.register(routing);
            }
            migrating.join();

            CompletableFuture<JobScheduler> schedulerStarting = settings.hasRole(Role.WORKER)
                    ? CompletableFuture.supplyAsync(() -> JobScheduler.start(
                            SchedulerSettings.defaults(database.jdbcUrl(), database.user(), database.password()),
                            jobs(settings, db, accountRepository, mfaRepository, taskQueries, missedTasks, schedulerRepository, coordination, clock), schedulerRepository), STARTUP)
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
                    .host(settings.host())
                    .port(settings.port())
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
            return new Application(resources, server, scheduler, missedTasks);
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

    public MissedTasks missedTasks() {
        return missedTasks;
    }

    @Override
    public void close() {
        closeAll(resources);
    }

    /**
     * What the worker nodes run, on which schedule. Jobs whose interrupted run matters request recovery: another
     * node runs them again after the dead node's check-in lapses; each is idempotent, so a rerun repeats nothing.
     */
    private static List<ScheduledJob> jobs(AppConfig settings, DbClient db, AccountRepository accountRepository,
                                           MfaRepository mfaRepository, TaskQueries tasks, MissedTasks missedTasks,
                                           SchedulerRepository schedulerRepository, Coordination coordination, Clock clock) {
        MailOutboxRepository mailOutbox = new MailOutboxRepository(db);
        SmtpMailSender mailSender = new SmtpMailSender(settings.smtp());
        RecoveryRepository recoveryRepository = new RecoveryRepository(db);
        List<ScheduledJob> jobs = new ArrayList<>(List.of(
                new ScheduledJob("purge-expired-tokens", PurgeExpiredTokensJob.class,
                        () -> new PurgeExpiredTokensJob(now -> accountRepository.purgeExpiredRefreshTokens(now)
                                + mfaRepository.purgeExpiredChallenges(now)
                                + recoveryRepository.purgeExpiredTokens(now), clock),
                        SimpleScheduleBuilder.repeatHourlyForever().withMisfireHandlingInstructionNextWithRemainingCount(),
                        false),
                new ScheduledJob("dispatch-reminders", DispatchRemindersJob.class,
                        () -> new DispatchRemindersJob(new ReminderDispatcher(new ReminderRepository(db),
                                new MailService(mailOutbox, clock), new SmsOutbox(db), clock)),
                        SimpleScheduleBuilder.repeatSecondlyForever().withMisfireHandlingInstructionNextWithRemainingCount(),
                        true),
                new ScheduledJob("count-missed-tasks", CountMissedTasksJob.class,
                        () -> new CountMissedTasksJob(missedTasks::countMissed),
                        SimpleScheduleBuilder.repeatMinutelyForever().withMisfireHandlingInstructionNextWithRemainingCount(),
                        true),
                new ScheduledJob("send-daily-digests", SendDailyDigestsJob.class,
                        () -> new SendDailyDigestsJob(new DailyDigestSender(new DigestRepository(db), tasks,
                                new MailService(mailOutbox, clock), clock)),
                        SimpleScheduleBuilder.repeatMinutelyForever().withMisfireHandlingInstructionNextWithRemainingCount(),
                        true),
                new ScheduledJob("apply-retention", ApplyRetentionJob.class,
                        () -> new ApplyRetentionJob(schedulerRepository::purgeRunsBefore, clock),
                        SimpleScheduleBuilder.repeatHourlyForever().withMisfireHandlingInstructionNextWithRemainingCount(),
                        false),
                new ScheduledJob("send-mail", SendMailJob.class,
                        () -> new SendMailJob(mailOutbox, mailSender, settings.mailRetry(), clock),
                        SimpleScheduleBuilder.repeatSecondlyForever(10).withMisfireHandlingInstructionNextWithRemainingCount(),
                        true)));
        // Every 2 s: verification codes and replies are waited for.
        settings.twilio().map(TwilioSmsSender::new).ifPresent(smsSender -> jobs.add(new ScheduledJob("send-sms", SendSmsJob.class,
                () -> new SendSmsJob(new SmsMessageRepository(db), smsSender, settings.sms().retry(), settings.sms().limits(),
                        coordination, clock),
                SimpleScheduleBuilder.repeatSecondlyForever(2).withMisfireHandlingInstructionNextWithRemainingCount(),
                true)));
        return jobs;
    }

    /** The built-in planner, behind the LLM one when the operator configured an endpoint. */
    private static TaskPlanner planner(Optional<ChatCompletionsClient> llm) {
        TaskPlanner builtIn = new BuiltInTaskPlanner();
        return llm.<TaskPlanner>map(client -> new LlmTaskPlanner(client, builtIn)).orElse(builtIn);
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
