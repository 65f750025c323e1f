package app.tdah.sms.assistant;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import app.tdah.llm.ChatCompletionsClient;
import app.tdah.platform.UnitOfWork;
import app.tdah.sms.SmsMessageRepository;
import app.tdah.sms.SmsOutbox;
import app.tdah.tasks.TaskCommands;
import app.tdah.tasks.TaskQueries;

import io.helidon.dbclient.DbClient;

/**
 * Where every text Twilio posts lands, once: recorded, routed by its sender, answered.
 *
 * <ul>
 *   <li>A text is one transaction: the message, what it changes (a task, the conversation) and the reply commit
 *       together, or none of them does. A question for the language model commits what it has before the model is
 *       asked, so no connection waits on the model.</li>
 *   <li>Each MessageSid is acted on once. Inserting the message under its unique sid is the guard: a retry, or the
 *       same message posted to a second node, waits for the first one's transaction, finds the sid taken and gets
 *       the reply recorded for it.</li>
 *   <li>A person's texts are handled one after the other, each seeing the conversation the previous one left.</li>
 *   <li>Carrier keywords act on the number whoever it belongs to. An opted-out number is sent nothing at all.</li>
 *   <li>Unknown and unverified numbers get one notice per number and interval.</li>
 *   <li>A reply ready within the budget goes back in the webhook's TwiML (and is logged as sent that way); a later
 *       one goes through the SMS outbox as a reply to the message.</li>
 * </ul>
 */
public final class SmsInbox implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SmsInbox.class.getName());
    private static final String SIGN_UP_NOTICE = "SIGN_UP";
    private static final String VERIFY_NOTICE = "VERIFY";

    private final DbClient db;
    private final TaskQueries tasks;
    private final TaskCommands commands;
    private final Optional<ChatCompletionsClient> llm;
    private final Predicate<UUID> mayUseLlm;
    private final SmsMessageRepository messages;
    private final SmsOutbox outbox;
    private final SmsAssistantSettings settings;
    private final URI publicUrl;
    private final DayEvents calendars;
    private final Clock clock;
    private final ExecutorService answering = Executors.newVirtualThreadPerTaskExecutor();

    private SmsInbox(DbClient db, TaskQueries tasks, TaskCommands commands, Optional<ChatCompletionsClient> llm,
                     Predicate<UUID> mayUseLlm, SmsOutbox outbox, SmsAssistantSettings settings, URI publicUrl,
                     DayEvents calendars, Clock clock) {
        this.db = db;
        this.tasks = tasks;
        this.commands = commands;
        this.llm = llm;
        this.mayUseLlm = mayUseLlm;
        this.messages = new SmsMessageRepository(db);
        this.outbox = outbox;
        this.settings = settings;
        this.publicUrl = publicUrl;
        this.calendars = calendars;
        this.clock = clock;
    }

    /**
     * The inbox with its assistant. {@code llm} present: questions go to that model for people {@code mayUseLlm}
     * lets use it.
     */
    public static SmsInbox create(DbClient db, TaskQueries tasks, TaskCommands commands, SmsOutbox outbox,
                                  Optional<ChatCompletionsClient> llm, Predicate<UUID> mayUseLlm,
                                  SmsAssistantSettings settings, URI publicUrl, DayEvents calendars, Clock clock) {
        return new SmsInbox(db, tasks, commands, llm, mayUseLlm, outbox, settings, publicUrl, calendars, clock);
    }

    /**
     * Handles one text; the reply to send back in the webhook's TwiML, if any. The text is handled on its own thread;
     * this one waits for the reply until the budget ends.
     */
    public Optional<String> receive(InboundSms sms) {
        long deadline = System.nanoTime() + settings.replyBudget().toNanos();
        Delivery delivery = new Delivery();
        answering.execute(() -> handle(sms, delivery));
        try {
            try {
                return delivery.twiml.get(Math.max(deadline - System.nanoTime(), 0), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // Unless the reply is being committed for the TwiML right now, it goes through the outbox.
                return delivery.giveUpWaiting() ? Optional.empty() : delivery.twiml.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            delivery.giveUpWaiting();
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Handling text " + sms.messageSid() + " failed", e.getCause());
        }
    }

    /**
     * How a text's reply goes back: in the webhook's TwiML while the webhook waits for it, through the outbox once it
     * stopped waiting. Whichever of the two comes first decides, once.
     */
    private static final class Delivery {

        private enum Route { UNDECIDED, TWIML, OUTBOX }

        private final AtomicReference<Route> route = new AtomicReference<>(Route.UNDECIDED);
        /** The TwiML reply (empty: none), once committed. */
        private final CompletableFuture<Optional<String>> twiml = new CompletableFuture<>();

        /** The reply is ready: true when it goes in the TwiML, the webhook then waiting for its commit. */
        boolean claimTwiml() {
            return route.compareAndSet(Route.UNDECIDED, Route.TWIML);
        }

        /** The budget is over: true when the reply, if any, now goes through the outbox. */
        boolean giveUpWaiting() {
            return route.compareAndSet(Route.UNDECIDED, Route.OUTBOX);
        }
    }

    private void handle(InboundSms sms, Delivery delivery) {
        try {
            delivery.twiml.complete(handleInTransaction(sms, delivery));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "Handling text " + sms.messageSid() + " failed", e);
            delivery.twiml.completeExceptionally(e);
        }
    }

    private Optional<String> handleInTransaction(InboundSms sms, Delivery delivery) {
        Instant now = clock.instant();
        String number = sms.fromE164();
        UUID inboundId = UUID.randomUUID();
        try (UnitOfWork work = UnitOfWork.begin(db)) {
            SmsAssistantRepository repository = new SmsAssistantRepository(work);
            SmsAssistantRepository.Sender sender = repository.sender(number);
            UUID userId = sender.verified() ? sender.userId() : null;
            if (!messages.insertInbound(work.execute(), inboundId, number, sms.body(), sms.messageSid(), userId, now)) {
                return replyAlreadyGiven(repository, sms.messageSid(), delivery);
            }
            return deliver(work, repository, reply(work, repository, sms, sender, now), inboundId, userId, number, delivery);
        } catch (AnswerFailed e) {
            LOG.log(System.Logger.Level.ERROR, "Answering text " + sms.messageSid() + " failed", e.getCause());
            return apologise(sms, e.userId, inboundId, now, delivery);
        }
    }

    /** What to answer, inside the text's transaction; empty: nothing at all. */
    private Optional<Reply> reply(UnitOfWork work, SmsAssistantRepository repository, InboundSms sms,
                                  SmsAssistantRepository.Sender sender, Instant now) {
        String number = sms.fromE164();
        Optional<CarrierKeyword> keyword = CarrierKeyword.of(sms.body());
        if (keyword.isPresent() && keyword.get() == CarrierKeyword.STOP) {
            // Twilio confirms the opt-out to the person itself; anything from us now would be one text too many.
            messages.optOut(work.execute(), number, now);
            return Optional.empty();
        }
        if (keyword.isPresent() && keyword.get() == CarrierKeyword.START) {
            // Twilio confirms this one too.
            messages.optIn(work.execute(), number);
            return Optional.empty();
        }
        if (sender.optedOut()) {
            return Optional.empty();
        }
        boolean help = keyword.isPresent() && keyword.get() == CarrierKeyword.HELP;
        if (sender.userId() == null) {
            return help || repository.claimNotice(number, SIGN_UP_NOTICE, now, settings.noticeInterval())
                    ? Optional.of(Reply.onboarding(SmsReplies.onboarding(settings.signupUrl().toString()))) : Optional.empty();
        }
        if (!sender.verified()) {
            return help || repository.claimNotice(number, VERIFY_NOTICE, now, settings.noticeInterval())
                    ? Optional.of(Reply.onboarding(SmsReplies.unverified(publicUrl.toString()))) : Optional.empty();
        }
        repository.holdConversation(sender.userId());
        SmsAssistant assistant = assistantIn(work, repository);
        try {
            return Optional.of(Reply.answer(assistant.answer(new SmsAssistant.Texter(sender.userId(), sender.zone(), sender.language()), sms.body())));
        } catch (RuntimeException e) {
            throw new AnswerFailed(sender.userId(), e);
        }
    }

    /** The assistant for one text: every read and change it makes is part of the text's transaction. */
    private SmsAssistant assistantIn(UnitOfWork work, SmsAssistantRepository repository) {
        TaskQueries queries = tasks.in(work);
        TaskCommands changes = commands.in(work);
        TaskActions actions = new TaskActions(queries, changes, repository, clock);
        Optional<LlmAssistant> brain = llm.map(client -> new LlmAssistant(client, new AssistantTools(queries, actions, clock), clock));
        return new SmsAssistant(queries, changes, actions, repository, calendars, clock, brain, mayUseLlm, work::commit);
    }

    /**
     * Records the reply and commits the text: logged as sent in the TwiML while the webhook waits for it, otherwise
     * queued in the outbox as a reply to the message (unless the number opted out meanwhile).
     */
    private Optional<String> deliver(UnitOfWork work, SmsAssistantRepository repository, Optional<Reply> reply,
                                     UUID inboundId, UUID userId, String number, Delivery delivery) {
        if (reply.isPresent() && delivery.claimTwiml()) {
            messages.insertSentByTwiml(work.execute(), inboundId, userId, number, reply.get().text(), reply.get().kind(),
                    clock.instant());
            work.commit();
            return Optional.of(reply.get().text());
        }
        if (reply.isPresent() && !repository.optedOut(number)) {
            outbox.enqueue(work.execute(), new SmsOutbox.OutboundSms(userId, number, reply.get().text(), reply.get().kind(),
                    "reply:" + inboundId, inboundId, null), clock.instant());
        }
        work.commit();
        return Optional.empty();
    }

    /**
     * The assistant failed and its transaction rolled back: the text is recorded again with an apology as its reply.
     * Its row is there already if it was committed before the model was asked.
     */
    private Optional<String> apologise(InboundSms sms, UUID userId, UUID inboundId, Instant now, Delivery delivery) {
        try (UnitOfWork work = UnitOfWork.begin(db)) {
            SmsAssistantRepository repository = new SmsAssistantRepository(work);
            if (!messages.insertInbound(work.execute(), inboundId, sms.fromE164(), sms.body(), sms.messageSid(), userId, now)
                    && !repository.inboundId(sms.messageSid()).equals(Optional.of(inboundId))) {
                return Optional.empty();
            }
            // In the person's language: read again, since the failed transaction took its reading with it.
            SmsReplies replies = SmsReplies.in(repository.sender(sms.fromE164()).language());
            return deliver(work, repository, Optional.of(Reply.answer(replies.failed())), inboundId, userId, sms.fromE164(),
                    delivery);
        }
    }

    /**
     * A message seen before. Inserting its sid waited for the first request's transaction, so its reply is recorded:
     * given again if it went by TwiML (the first response may never have reached Twilio), else nothing, since the
     * outbox sends it (or the model is still answering).
     */
    private static Optional<String> replyAlreadyGiven(SmsAssistantRepository repository, String messageSid, Delivery delivery) {
        Optional<String> given = repository.inboundId(messageSid).flatMap(repository::replyTo)
                .filter(SmsAssistantRepository.RecordedReply::sentByTwiml)
                .map(SmsAssistantRepository.RecordedReply::body);
        return given.isPresent() && delivery.claimTwiml() ? given : Optional.empty();
    }

    /** The assistant failed answering a verified person: handled once the text's transaction is rolled back. */
    private static final class AnswerFailed extends RuntimeException {
        private final transient UUID userId;

        AnswerFailed(UUID userId, RuntimeException cause) {
            super(cause);
            this.userId = userId;
        }
    }

    /** Lets texts still being handled finish (and queue their replies) before the connections close. */
    @Override
    public void close() {
        answering.close();
    }
}
