package app.tdah.sms.assistant;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import app.tdah.llm.ChatCompletionsClient;
import app.tdah.sms.SmsMessageRepository;
import app.tdah.sms.SmsOutbox;
import app.tdah.tasks.TaskCommands;
import app.tdah.tasks.TaskQueries;

import io.helidon.dbclient.DbClient;

/**
 * Where every text Twilio posts lands, once: recorded, routed by its sender, answered.
 *
 * <ul>
 *   <li>Each MessageSid is acted on once. Inserting the message under its unique sid is the guard: a retry, or the
 *       same message posted to a second node, finds it taken and gets the reply already recorded for it.</li>
 *   <li>Carrier keywords act on the number whoever it belongs to. An opted-out number is sent nothing at all.</li>
 *   <li>Unknown and unverified numbers get one notice per number and interval.</li>
 *   <li>An answer ready within the budget goes back in the webhook's TwiML (and is logged as sent that way); a later
 *       one goes through the SMS outbox as a reply to the message.</li>
 * </ul>
 */
public final class SmsInbox implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SmsInbox.class.getName());
    private static final Duration DUPLICATE_POLL = Duration.ofMillis(20);
    private static final String SIGN_UP_NOTICE = "SIGN_UP";
    private static final String VERIFY_NOTICE = "VERIFY";

    private final SmsAssistantRepository repository;
    private final SmsMessageRepository messages;
    private final SmsAssistant assistant;
    private final SmsOutbox outbox;
    private final SmsAssistantSettings settings;
    private final URI publicUrl;
    private final Clock clock;
    private final ExecutorService answering = Executors.newVirtualThreadPerTaskExecutor();

    SmsInbox(SmsAssistantRepository repository, SmsMessageRepository messages, SmsAssistant assistant, SmsOutbox outbox,
             SmsAssistantSettings settings, URI publicUrl, Clock clock) {
        this.repository = repository;
        this.messages = messages;
        this.assistant = assistant;
        this.outbox = outbox;
        this.settings = settings;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /**
     * The inbox with its assistant. {@code llm} present: questions go to that model for people {@code mayUseLlm}
     * lets use it.
     */
    public static SmsInbox create(DbClient db, TaskQueries tasks, TaskCommands commands, SmsOutbox outbox,
                                  Optional<ChatCompletionsClient> llm, Predicate<UUID> mayUseLlm,
                                  SmsAssistantSettings settings, URI publicUrl, Clock clock) {
        SmsAssistantRepository repository = new SmsAssistantRepository(db);
        TaskActions actions = new TaskActions(tasks, commands, repository, clock);
        Optional<LlmAssistant> brain = llm.map(client -> new LlmAssistant(client,
                new AssistantTools(tasks, actions, clock), clock));
        return new SmsInbox(repository, new SmsMessageRepository(db), new SmsAssistant(tasks, commands, actions, repository, clock, brain, mayUseLlm),
                outbox, settings, publicUrl, clock);
    }

    /** Handles one text; the reply to send back in the webhook's TwiML, if any. */
    public Optional<String> receive(InboundSms sms) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        String number = sms.fromE164();
        SmsAssistantRepository.Sender sender = repository.sender(number);
        UUID inboundId = UUID.randomUUID();
        UUID userId = sender.verified() ? sender.userId() : null;
        if (!messages.insertInbound(inboundId, sms.fromE164(), sms.body(), sms.messageSid(), userId, now)) {
            return replyAlreadyGiven(sms.messageSid(), started);
        }
        Optional<CarrierKeyword> keyword = CarrierKeyword.of(sms.body());
        if (keyword.isPresent() && keyword.get() == CarrierKeyword.STOP) {
            // Twilio confirms the opt-out to the person itself; anything from us now would be one text too many.
            repository.optOut(number, now);
            return Optional.empty();
        }
        if (keyword.isPresent() && keyword.get() == CarrierKeyword.START) {
            // Twilio confirms this one too.
            repository.optIn(number);
            return Optional.empty();
        }
        if (sender.optedOut()) {
            return Optional.empty();
        }
        boolean help = keyword.isPresent() && keyword.get() == CarrierKeyword.HELP;
        if (sender.userId() == null) {
            return help || repository.claimNotice(number, SIGN_UP_NOTICE, now, settings.noticeInterval())
                    ? Optional.of(inTwiml(Reply.onboarding(SmsReplies.onboarding(settings.signupUrl().toString())), inboundId, null, number))
                    : Optional.empty();
        }
        if (!sender.verified()) {
            return help || repository.claimNotice(number, VERIFY_NOTICE, now, settings.noticeInterval())
                    ? Optional.of(inTwiml(Reply.onboarding(SmsReplies.unverified(publicUrl.toString())), inboundId, null, number))
                    : Optional.empty();
        }
        return answerWithinBudget(sms, inboundId, new SmsAssistant.Texter(userId, sender.zone(), sender.language()), started);
    }

    /**
     * The person's answer in TwiML when it is ready within the budget; otherwise nothing now, and the answer goes
     * through the outbox once it is ready.
     */
    private Optional<String> answerWithinBudget(InboundSms sms, UUID inboundId, SmsAssistant.Texter person, long started) {
        UUID userId = person.id();
        CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> answerOrApologise(person, sms), answering);
        long left = settings.replyBudget().toNanos() - (System.nanoTime() - started);
        try {
            return Optional.of(inTwiml(Reply.answer(answer.get(Math.max(left, 0), TimeUnit.NANOSECONDS)), inboundId, userId,
                    sms.fromE164()));
        } catch (TimeoutException e) {
            answer.thenAccept(text -> sendLate(text, inboundId, userId, sms.fromE164()));
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.thenAccept(text -> sendLate(text, inboundId, userId, sms.fromE164()));
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException("The SMS answer failed", e.getCause());
        }
    }

    private String answerOrApologise(SmsAssistant.Texter person, InboundSms sms) {
        try {
            return assistant.answer(person, sms.body());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "Answering text " + sms.messageSid() + " failed", e);
            return person.replies().failed();
        }
    }

    private String inTwiml(Reply reply, UUID inboundId, UUID userId, String number) {
        messages.insertSentByTwiml(inboundId, userId, number, reply.text(), reply.kind(), clock.instant());
        return reply.text();
    }

    private void sendLate(String text, UUID inboundId, UUID userId, String number) {
        try {
            if (!repository.optedOut(number)) {
                outbox.enqueue(new SmsOutbox.OutboundSms(userId, number, text, "REPLY", "reply:" + inboundId, inboundId, null),
                        clock.instant());
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "Queueing the late reply to message " + inboundId + " failed", e);
        }
    }

    /**
     * A message seen before: its reply again if it went by TwiML (the first response may never have reached Twilio),
     * else nothing, since the outbox sends it. The first request may still be answering: wait for it within the budget.
     */
    private Optional<String> replyAlreadyGiven(String messageSid, long started) {
        Optional<UUID> original = repository.inboundId(messageSid);
        long deadline = started + settings.replyBudget().toNanos();
        while (original.isPresent()) {
            Optional<SmsAssistantRepository.RecordedReply> reply = repository.replyTo(original.get());
            if (reply.isPresent()) {
                return reply.get().sentByTwiml() ? Optional.of(reply.get().body()) : Optional.empty();
            }
            if (System.nanoTime() >= deadline) {
                break;
            }
            try {
                Thread.sleep(DUPLICATE_POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return Optional.empty();
    }

    /** Lets answers still being worked out finish (and queue their replies) before the connections close. */
    @Override
    public void close() {
        answering.close();
    }
}
