package app.tdah.sms;

import static app.tdah.platform.ConfigValues.nonBlank;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

import app.tdah.accounts.AccountsFeature;
import app.tdah.identity.Permission;
import app.tdah.integrations.sync.CalendarEvents;
import app.tdah.jobs.ScheduledJob;
import app.tdah.jobs.outbox.RetryPolicy;
import app.tdah.jobs.sms.SendSmsJob;
import app.tdah.jobs.sms.SmsSendLimits;
import app.tdah.jobs.sms.TwilioSettings;
import app.tdah.jobs.sms.TwilioSmsSender;
import app.tdah.llm.ChatCompletionsClient;
import app.tdah.platform.ConfigValues;
import app.tdah.scheduling.ScheduledTasks;
import app.tdah.sms.assistant.DayEvents;
import app.tdah.sms.assistant.SmsAssistantSettings;
import app.tdah.sms.assistant.SmsInbox;
import app.tdah.sms.webhook.SmsWebhookHttpService;
import app.tdah.tasks.TasksFeature;
import app.tdah.wiring.Feature;
import app.tdah.wiring.Foundation;

import io.helidon.config.Config;
import org.quartz.SimpleScheduleBuilder;

/**
 * Texts over Twilio ({@code pa.twilio}, {@code pa.sms}): phone verification, the SMS outbox and its {@code send-sms}
 * job, delivery reports, and the SMS assistant's webhook. Without a Twilio account only the phone settings exist.
 */
public final class SmsFeature {

    private static final System.Logger LOG = System.getLogger(SmsFeature.class.getName());

    private final SmsOutbox outbox;
    private final Feature feature;

    private SmsFeature(SmsOutbox outbox, Feature feature) {
        this.outbox = outbox;
        this.feature = feature;
    }

    /**
     * {@code calendars}: the person's connected calendars, whose events of the day "today" lists with the tasks;
     * {@code scheduled}: which tasks were written into which events, so such a task is listed once.
     */
    public static SmsFeature create(Foundation foundation, AccountsFeature accounts, TasksFeature tasks,
                                    Optional<ChatCompletionsClient> llm, CalendarEvents calendars, ScheduledTasks scheduled) {
        Config sms = foundation.config().get("sms");
        SmsSettings settings = settings(sms);
        Optional<TwilioSettings> twilio = twilio(foundation.config().get("twilio"), foundation.publicUrl());
        SmsOutbox outbox = new SmsOutbox(foundation.db());
        PhoneNumbers numbers = new PhoneNumbers(settings.defaultRegion(), settings.countries());
        PhoneService phones = new PhoneService(new PhoneRepository(foundation.db()), numbers,
                new VerificationCodes(foundation.secrets().encryptionKeys().primary()), outbox, accounts.sensitiveChanges(),
                foundation.coordination(), new PhoneService.VerificationLimits(
                        sms.get("verification.ip.per.hour").asInt().get(), sms.get("verification.global.per.hour").asInt().get()),
                foundation.audit(), twilio.isPresent(), foundation.clock());
        accounts.onPasswordReset(phones::afterPasswordReset);
        Feature.Builder feature = Feature.builder()
                .graphQl(new SmsGraphQl(phones, new SmsLogService(new SmsLogRepository(foundation.db()), settings, foundation.clock())));
        if (twilio.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "Text messages are off: set PA_TWILIO_ACCOUNT_SID, PA_TWILIO_AUTH_TOKEN and "
                    + "PA_TWILIO_FROM to send them.");
            return new SmsFeature(outbox, feature.build());
        }
        TwilioSettings account = twilio.get();
        TwilioRequestFilter twilioRequests = new TwilioRequestFilter(
                new TwilioSignature(account.authToken(), foundation.publicUrl()), foundation.audit());
        SmsInbox inbox = SmsInbox.create(foundation.db(), tasks.queries(), tasks.commands(), outbox, llm,
                userId -> accounts.permits(userId, Permission.ASSISTANT_LLM),
                assistantSettings(sms, foundation.publicUrl()), foundation.publicUrl(), dayEvents(calendars, scheduled), foundation.clock());
        foundation.closeAtStop().accept(inbox);
        feature.route(TwilioStatusHttpService.PATH, new TwilioStatusHttpService(twilioRequests,
                        new SmsMessageRepository(foundation.db()), foundation.clock()))
                .route(SmsWebhookHttpService.PATH, new SmsWebhookHttpService(twilioRequests, numbers, inbox))
                // Every 2 s: verification codes and replies are waited for.
                .job(new ScheduledJob("send-sms", SendSmsJob.class,
                        () -> new SendSmsJob(new SmsMessageRepository(foundation.db()), new TwilioSmsSender(account),
                                settings.retry(), settings.limits(), foundation.coordination(), foundation.clock()),
                        SimpleScheduleBuilder.repeatSecondlyForever(2).withMisfireHandlingInstructionNextWithRemainingCount(),
                        true));
        return new SmsFeature(outbox, feature.build());
    }

    /** A day's events as texts list them: a local start time (none for all-day ones) and a title. */
    private static DayEvents dayEvents(CalendarEvents calendars, ScheduledTasks scheduled) {
        return (userId, day, zone, listedTasks) -> {
            Set<ScheduledTasks.EventRef> listedAsTasks = scheduled.eventsOf(userId, listedTasks).keySet();
            return calendars.on(userId, day, zone).stream()
                    .filter(e -> !listedAsTasks.contains(new ScheduledTasks.EventRef(e.integrationId(), e.eventId())))
                    .map(e -> new DayEvents.DayEvent(e.allDay() ? null : e.startsAt().atZone(zone).toLocalTime(),
                            e.title() == null || e.title().isBlank() ? "(no title)" : e.title()))
                    .toList();
        };
    }

    private static SmsSettings settings(Config sms) {
        return new SmsSettings(
                sms.get("default.region").asString().get(),
                Arrays.stream(sms.get("countries").asString().get().split(",")).map(String::strip).filter(c -> !c.isEmpty()).toList(),
                // Retries wait 15 s, 30 s, 1 min... up to 15 min: a text hours late is rarely worth sending.
                new RetryPolicy(sms.get("max.attempts").asInt().get(), Duration.ofSeconds(15), Duration.ofMinutes(15)),
                new SmsSendLimits(sms.get("rate.user.per.hour").asInt().get(), Duration.ofHours(1),
                        sms.get("rate.global.per.minute").asInt().get(), Duration.ofMinutes(1)),
                new BigDecimal(sms.get("price.per.segment").asString().get().trim()),
                sms.get("price.currency").asString().get());
    }

    /** Present when the account, its auth token and a sender are configured: texts go out only then. */
    private static Optional<TwilioSettings> twilio(Config twilio, URI publicUrl) {
        Optional<String> accountSid = nonBlank(twilio.get("account.sid"));
        Optional<String> authToken = nonBlank(twilio.get("auth.token"));
        Optional<String> from = nonBlank(twilio.get("from"));
        if (accountSid.isEmpty() && authToken.isEmpty() && from.isEmpty()) {
            return Optional.empty();
        }
        if (accountSid.isEmpty() || authToken.isEmpty() || from.isEmpty()) {
            throw new IllegalStateException("PA_TWILIO_ACCOUNT_SID, PA_TWILIO_AUTH_TOKEN and PA_TWILIO_FROM go together; missing: "
                    + ((accountSid.isEmpty() ? "PA_TWILIO_ACCOUNT_SID " : "") + (authToken.isEmpty() ? "PA_TWILIO_AUTH_TOKEN " : "")
                    + (from.isEmpty() ? "PA_TWILIO_FROM" : "")).strip());
        }
        return Optional.of(new TwilioSettings(accountSid.get(), authToken.get(), from.get(),
                ConfigValues.url(twilio.get("api.url").asString().get()),
                URI.create(publicUrl + TwilioStatusHttpService.PATH),
                Duration.ofSeconds(twilio.get("timeout.seconds").asInt().get())));
    }

    private static SmsAssistantSettings assistantSettings(Config sms, URI publicUrl) {
        return new SmsAssistantSettings(
                URI.create(nonBlank(sms.get("signup.url")).orElse(publicUrl + "/signup")),
                Duration.ofMillis(sms.get("reply.budget.millis").asInt().get()),
                Duration.ofHours(sms.get("notice.interval.hours").asInt().get()));
    }

    /** Where reminders and replies queue their texts. */
    public SmsOutbox outbox() {
        return outbox;
    }

    public Feature feature() {
        return feature;
    }
}
