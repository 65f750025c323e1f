package app.tdah.sms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.helidon.dbclient.DbExecute;

import app.tdah.accounts.SensitiveChanges;
import app.tdah.identity.ClientInfo;
import app.tdah.audit.AuditAction;
import app.tdah.audit.AuditEvent;
import app.tdah.audit.AuditLog;
import app.tdah.errors.UserError;
import app.tdah.jobs.coordination.Coordination;
import app.tdah.sms.PhoneRepository.PhoneRow;
import app.tdah.sms.PhoneRepository.RecentCodes;
import app.tdah.mail.MailText;

/**
 * A person's phone and its verification: a 6-digit code by SMS (through the outbox, in the same transaction as the
 * code's hash), valid 10 minutes, 5 tries per code; codes at least a minute apart and at most 3 an hour, counted per
 * person and per number from the SMS log, so removing and re-adding a phone or switching accounts resets nothing.
 * A verified number belongs to one person: that is how an inbound text finds its sender, and why adding one needs a
 * confirmed email address and a recently authenticated session, and is mailed to the owner once verified.
 * <p>
 * Against SMS pumping (sign-ups texting codes to premium numbers for a share of the fees), codes go only to numbers of
 * the countries the operator opened ({@code PA_SMS_COUNTRIES}), and at most so many an hour per client address and in
 * all ({@link VerificationLimits}); when those limits cannot be counted, no code goes.
 */
public final class PhoneService {

    static final Duration CODE_VALIDITY = Duration.ofMinutes(10);
    static final int MAX_ATTEMPTS = 5;
    static final Duration CODE_SPACING = Duration.ofMinutes(1);
    static final int CODES_PER_WINDOW = 3;
    static final Duration CODE_WINDOW = Duration.ofHours(1);
    static final String KIND = "VERIFICATION";
    private static final Duration LIMIT_INTERVAL = Duration.ofHours(1);
    private static final System.Logger LOG = System.getLogger(PhoneService.class.getName());

    /** Verification texts per hour from one client address, and in all, cluster-wide. */
    public record VerificationLimits(int perClientAddress, int global) {
    }

    private final PhoneRepository repository;
    private final PhoneNumbers numbers;
    private final VerificationCodes codes;
    private final SmsOutbox outbox;
    private final SensitiveChanges sensitiveChanges;
    private final Coordination coordination;
    private final VerificationLimits limits;
    private final AuditLog audit;
    private final boolean smsAvailable;
    private final Clock clock;

    /** {@code smsAvailable}: an SMS provider is configured, so a code can actually reach the phone. */
    public PhoneService(PhoneRepository repository, PhoneNumbers numbers, VerificationCodes codes, SmsOutbox outbox,
                        SensitiveChanges sensitiveChanges, Coordination coordination, VerificationLimits limits,
                        AuditLog audit, boolean smsAvailable, Clock clock) {
        this.repository = repository;
        this.numbers = numbers;
        this.codes = codes;
        this.outbox = outbox;
        this.sensitiveChanges = sensitiveChanges;
        this.coordination = coordination;
        this.limits = limits;
        this.audit = audit;
        this.smsAvailable = smsAvailable;
        this.clock = clock;
    }

    /** The phone after the change, or the mistakes that prevented it. */
    public record Result(Optional<Phone> phone, List<UserError> errors) {
        static Result of(Phone phone) {
            return new Result(Optional.of(phone), List.of());
        }

        static Result failure(String field, String message, UserError.Code code) {
            return new Result(Optional.empty(), List.of(new UserError(field, message, code)));
        }
    }

    public Optional<Phone> phone(UUID userId) {
        return repository.find(userId);
    }

    /**
     * Sets the person's number (replacing any other, verified or not) and texts it a code; for the pending number,
     * sends a new code. A number the person already verified is left as it is.
     */
    public Result addPhone(UUID userId, UUID session, String number, ClientInfo client) {
        if (!smsAvailable) {
            return Result.failure(null, "Text messages are not set up on this server.", UserError.Code.UNAVAILABLE);
        }
        Optional<UserError> refused = sensitiveChanges.refusalOfNewCredential(userId, session);
        if (refused.isPresent()) {
            return new Result(Optional.empty(), List.of(refused.get()));
        }
        Optional<String> parsed = numbers.toE164(number);
        if (parsed.isEmpty()) {
            return Result.failure("number", "Enter a mobile number, with its country code if it is abroad (like +1 415 555 0123).",
                    UserError.Code.INVALID);
        }
        String e164 = parsed.get();
        if (!numbers.isTextable(e164)) {
            return Result.failure("number", "This server texts only numbers of " + String.join(", ", numbers.textableRegions())
                    + ".", UserError.Code.INVALID);
        }
        Instant now = clock.instant();
        return repository.inTransaction(tx -> {
            Optional<PhoneRow> current = repository.lock(tx, userId);
            if (current.isPresent() && current.get().e164().equals(e164) && current.get().verifiedAt() != null) {
                return Result.of(current.get().phone());
            }
            if (repository.verifiedByAnother(tx, e164, userId)) {
                return Result.failure("number", "This number is already verified on another account.", UserError.Code.ALREADY_EXISTS);
            }
            if (repository.optedOut(tx, e164)) {
                return Result.failure("number", "This number asked us to stop texting it. Text START to our number, then try again.",
                        UserError.Code.INVALID);
            }
            Optional<Duration> wait = waitBeforeNextCode(repository.recentCodes(tx, userId, e164, KIND, now.minus(CODE_WINDOW)), now);
            if (wait.isPresent()) {
                return Result.failure(null, "Please wait " + describe(wait.get()) + " before asking for another code.",
                        UserError.Code.RATE_LIMITED);
            }
            if (!withinVerificationLimits(client)) {
                audit.record(tx, AuditEvent.bySelf(AuditAction.PHONE_CODE_THROTTLED, AuditEvent.Outcome.DENIED, userId, client,
                        Map.of("number", PhoneNumbers.masked(e164))));
                return Result.failure(null, "We are sending many codes right now. Please try again in a few minutes.",
                        UserError.Code.RATE_LIMITED);
            }
            String code = codes.newCode();
            Instant expiresAt = now.plus(CODE_VALIDITY);
            repository.saveCode(tx, userId, e164, codes.hash(userId, e164, code), expiresAt, now);
            String text = SmsTemplates.verificationCode(code, CODE_VALIDITY, repository.language(tx, userId));
            outbox.enqueue(tx, new SmsOutbox.OutboundSms(userId, e164, text, KIND, null, null, null), now);
            audit.record(tx, AuditEvent.bySelf(AuditAction.PHONE_CODE_SENT, AuditEvent.Outcome.SUCCESS, userId, client,
                    Map.of("number", PhoneNumbers.masked(e164))));
            return Result.of(new Phone(e164, null, expiresAt));
        });
    }

    /** Checks a code against the pending one; every wrong guess counts, the fifth ends the code. */
    public Result verifyPhone(UUID userId, String code, ClientInfo client) {
        String guess = code == null ? "" : code.replaceAll("[\\s-]", "");
        if (!guess.matches("[0-9]{6}")) {
            return Result.failure("code", "Enter the 6-digit code from the text.", UserError.Code.INVALID);
        }
        Instant now = clock.instant();
        return repository.inTransaction(tx -> {
            Optional<PhoneRow> row = repository.lock(tx, userId);
            if (row.isEmpty()) {
                return Result.failure("code", "Add your phone number first.", UserError.Code.NOT_FOUND);
            }
            PhoneRow phone = row.get();
            if (phone.codeHash() == null) {
                return phone.verifiedAt() != null ? Result.of(phone.phone())
                        : Result.failure("code", "Ask for a new code.", UserError.Code.EXPIRED);
            }
            if (phone.codeAttempts() >= MAX_ATTEMPTS) {
                return Result.failure("code", "Too many wrong tries for this code. Ask for a new one.", UserError.Code.EXPIRED);
            }
            if (!now.isBefore(phone.codeExpiresAt())) {
                return Result.failure("code", "This code has expired. Ask for a new one.", UserError.Code.EXPIRED);
            }
            if (!codes.matches(phone.codeHash(), userId, phone.e164(), guess)) {
                repository.countAttempt(tx, userId);
                int attempt = phone.codeAttempts() + 1;
                audit.record(tx, AuditEvent.bySelf(AuditAction.PHONE_VERIFICATION_FAILED, AuditEvent.Outcome.FAILURE, userId, client,
                        Map.of("number", PhoneNumbers.masked(phone.e164()), "attempt", Integer.toString(attempt))));
                int left = MAX_ATTEMPTS - attempt;
                return Result.failure("code", left > 1 ? "That code is not right. " + left + " tries left."
                        : left == 1 ? "That code is not right. 1 try left."
                        : "That code is not right, and that was the last try. Ask for a new code.", UserError.Code.INVALID);
            }
            if (repository.verifiedByAnother(tx, phone.e164(), userId)) {
                return Result.failure("code", "This number has just been verified on another account.", UserError.Code.ALREADY_EXISTS);
            }
            repository.markVerified(tx, userId, now);
            audit.record(tx, AuditEvent.bySelf(AuditAction.PHONE_VERIFIED, AuditEvent.Outcome.SUCCESS, userId, client,
                    Map.of("number", PhoneNumbers.masked(phone.e164()))));
            sensitiveChanges.tellOwner(tx, userId, MailText.of("securityChange.phoneAdded", PhoneNumbers.masked(phone.e164())),
                    "phone-verified:" + userId + ":" + now);
            return Result.of(new Phone(phone.e164(), now, null));
        });
    }

    /** Forgets the person's phone; nothing to do when there is none. */
    public Result removePhone(UUID userId, ClientInfo client) {
        return repository.inTransaction(tx -> {
            repository.delete(tx, userId).ifPresent(e164 -> audit.record(tx, AuditEvent.bySelf(AuditAction.PHONE_REMOVED,
                    AuditEvent.Outcome.SUCCESS, userId, client, Map.of("number", PhoneNumbers.masked(e164)))));
            return new Result(Optional.empty(), List.of());
        });
    }

    /**
     * What a password reset leaves for the person to check: the phone that texts act for them from. Shown masked:
     * enough to recognise one's own number.
     */
    public List<MailText> afterPasswordReset(DbExecute tx, UUID userId) {
        return repository.find(tx, userId)
                .map(phone -> List.of(MailText.of(phone.verified() ? "passwordWasReset.phone" : "passwordWasReset.phoneNotVerified",
                        PhoneNumbers.masked(phone.e164()))))
                .orElse(List.of());
    }

    /** One permit from the client address's hourly allowance and one from everyone's; none when they cannot be counted. */
    private boolean withinVerificationLimits(ClientInfo client) {
        try {
            return (client.ip() == null || coordination.tryAcquire("sms-verification-ip:" + client.ip(),
                    limits.perClientAddress(), LIMIT_INTERVAL))
                    && coordination.tryAcquire("sms-verification-global", limits.global(), LIMIT_INTERVAL);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Verification text limits unavailable, no code sent: {0}", e.toString());
            return false;
        }
    }

    /** How long until another code may go: a minute after the last one, and an hour after the oldest of the last three. */
    private static Optional<Duration> waitBeforeNextCode(RecentCodes recent, Instant now) {
        Instant allowedAt = Instant.MIN;
        if (recent.newest() != null) {
            allowedAt = recent.newest().plus(CODE_SPACING);
        }
        if (recent.count() >= CODES_PER_WINDOW && recent.oldest() != null) {
            Instant windowEnd = recent.oldest().plus(CODE_WINDOW);
            allowedAt = windowEnd.isAfter(allowedAt) ? windowEnd : allowedAt;
        }
        return allowedAt.isAfter(now) ? Optional.of(Duration.between(now, allowedAt)) : Optional.empty();
    }

    private static String describe(Duration wait) {
        long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
        if (seconds < 90) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = (seconds + 59) / 60;
        return minutes + " minutes";
    }
}
