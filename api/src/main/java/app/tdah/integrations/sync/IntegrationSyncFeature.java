package app.tdah.integrations.sync;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import app.tdah.integrations.Capability;
import app.tdah.integrations.Integration;
import app.tdah.integrations.IntegrationTokens;
import app.tdah.integrations.IntegrationsFeature;
import app.tdah.integrations.Provider;
import app.tdah.integrations.google.GmailSource;
import app.tdah.integrations.google.GoogleCalendarSource;
import app.tdah.integrations.microsoft.GraphCalendarSource;
import app.tdah.integrations.microsoft.GraphMailSource;
import app.tdah.jobs.ScheduledJob;
import app.tdah.platform.ConfigValues;
import app.tdah.wiring.Feature;
import app.tdah.wiring.Foundation;

import io.helidon.config.Config;
import org.quartz.SimpleScheduleBuilder;

/**
 * Calendar and mail sync of connected Google and Microsoft accounts ({@code pa.sync}, and the providers' API URLs and
 * request rates under {@code pa.integrations}): the {@code sync-integrations} job, sync status and
 * {@code syncNow} over GraphQL, and the synced events for the agenda.
 */
public final class IntegrationSyncFeature {

    /** How long a sync waits for its provider's rate limit before leaving the rest for its next turn. */
    private static final Duration LONGEST_LIMIT_WAIT = Duration.ofSeconds(30);

    private final IntegrationSyncService service;
    private final CalendarEvents calendarEvents;
    private final CalendarWrites calendarWrites;
    private final SyncRepository repository;
    private final Feature feature;

    private IntegrationSyncFeature(IntegrationSyncService service, CalendarEvents calendarEvents, CalendarWrites calendarWrites,
                                   SyncRepository repository, Feature feature) {
        this.service = service;
        this.calendarEvents = calendarEvents;
        this.calendarWrites = calendarWrites;
        this.repository = repository;
        this.feature = feature;
    }

    /** {@code tokens}: the integrations feature's current access tokens. */
    public static IntegrationSyncFeature create(Foundation foundation, AccessTokenSource tokens) {
        SyncSettings settings = settings(foundation.config().get("sync"));
        Config integrations = foundation.config().get("integrations");
        Duration timeout = Duration.ofSeconds(integrations.get("http.timeout.seconds").asInt().get());
        ProviderHttp google = http(foundation, integrations.get("google"), Provider.GOOGLE, timeout);
        ProviderHttp microsoft = http(foundation, integrations.get("microsoft"), Provider.MICROSOFT, timeout);
        SyncRepository repository = new SyncRepository(foundation.db());
        Map<Provider, Map<SyncedData, ChangeSource<?>>> sources = sources(google, microsoft, settings, foundation.clock());
        CalendarWrites writes = new CalendarWrites(Map.of(
                Provider.GOOGLE, (EventWriter) sources.get(Provider.GOOGLE).get(SyncedData.CALENDAR),
                Provider.MICROSOFT, (EventWriter) sources.get(Provider.MICROSOFT).get(SyncedData.CALENDAR)), tokens);
        SyncRunner runner = new SyncRunner(repository, sources, tokens,
                foundation.coordination(), foundation.audit(), settings, foundation.clock());
        IntegrationSyncService service = new IntegrationSyncService(repository, foundation.clock());
        Feature feature = Feature.builder()
                .graphQl(new IntegrationSyncGraphQl(service))
                .job(new ScheduledJob("sync-integrations", SyncIntegrationsJob.class, () -> new SyncIntegrationsJob(runner),
                        SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(settings.tick().toMillis())
                                .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount(),
                        false))
                .build();
        return new IntegrationSyncFeature(service, new CalendarEvents(repository), writes, repository, feature);
    }

    /** Each provider's API for each stream. */
    public static Map<Provider, Map<SyncedData, ChangeSource<?>>> sources(ProviderHttp google, ProviderHttp microsoft,
                                                                         SyncSettings settings, Clock clock) {
        Map<Provider, Map<SyncedData, ChangeSource<?>>> sources = new EnumMap<>(Provider.class);
        sources.put(Provider.GOOGLE, Map.of(
                SyncedData.CALENDAR, new GoogleCalendarSource(google, settings.calendarPast(), clock),
                SyncedData.MAIL, new GmailSource(google, settings.mailWindow(), clock)));
        sources.put(Provider.MICROSOFT, Map.of(
                SyncedData.CALENDAR, new GraphCalendarSource(microsoft, settings.calendarPast(), settings.calendarFuture(), clock),
                SyncedData.MAIL, new GraphMailSource(microsoft, settings.mailWindow(), clock)));
        return sources;
    }

    private static SyncSettings settings(Config sync) {
        Duration tick = Duration.ofSeconds(sync.get("tick.seconds").asInt().get());
        return new SyncSettings(
                SyncSettings.parseDuration(sync.get("interval").asString().get()),
                tick,
                sync.get("concurrency").asInt().get(),
                Duration.ofMinutes(sync.get("lease.minutes").asInt().get()),
                tick.multipliedBy(6),
                Duration.ofDays(sync.get("calendar.past.days").asInt().get()),
                Duration.ofDays(sync.get("calendar.future.days").asInt().get()),
                Duration.ofDays(sync.get("mail.days").asInt().get()));
    }

    private static ProviderHttp http(Foundation foundation, Config provider, Provider which, Duration timeout) {
        return new ProviderHttp(ConfigValues.url(provider.get("api.url").asString().get()),
                new RequestLimit(foundation.coordination(), which, provider.get("requests.per.second").asInt().get(), LONGEST_LIMIT_WAIT),
                timeout, foundation.clock());
    }

    /** For the integrations feature: connect, reconnect and disconnect tell the sync. */
    public IntegrationSyncService service() {
        return service;
    }

    /** Every connected calendar's events, for the agenda. */
    public CalendarEvents calendarEvents() {
        return calendarEvents;
    }

    /** The synced mail headers: what needs an answer. */
    public SyncedMail syncedMail() {
        return new SyncedMail(repository);
    }

    /** Events written into connected calendars (a task scheduled into a slot). */
    public CalendarWrites calendarWrites() {
        return calendarWrites;
    }

    /** Told, in the transaction that applies them, of each page of calendar changes a sync brings in. */
    public void onCalendarChanges(CalendarChangeListener listener) {
        repository.onCalendarChanges(listener);
    }

    public Feature feature() {
        return feature;
    }

    /** Starts syncing each integration when it is connected (again), and forgets what it synced when it goes. */
    public void follow(IntegrationsFeature integrations) {
        integrations.integrations().onConnected(connected -> service().track(syncView(connected)));
        integrations.integrations().onDisconnected(service()::forget);
    }

    /** The sync's view of a connected integration. */
    private static ConnectedIntegration syncView(Integration integration) {
        return new ConnectedIntegration(integration.id(), integration.userId(), integration.provider(), integration.capabilities());
    }

    /**
     * The sync's view of the integrations' tokens: a grant that is gone (or an integration disconnected meanwhile)
     * stops the stream until the person reconnects; a provider that cannot be reached now is a passing failure.
     */
    public static AccessTokenSource tokensOf(IntegrationsFeature integrations) {
        IntegrationTokens tokens = integrations.tokens();
        return integrationId -> {
            try {
                return tokens.accessToken(integrationId).value();
            } catch (IntegrationTokens.Unavailable e) {
                if (e.reason() == IntegrationTokens.Unavailable.Reason.NEEDS_RECONNECT
                        || e.reason() == IntegrationTokens.Unavailable.Reason.NOT_FOUND) {
                    throw new ReconnectNeeded(e.getMessage());
                }
                throw new IllegalStateException("No access token for integration " + integrationId + ": " + e.reason(), e);
            }
        };
    }
}
