package app.tdah.mfa;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Pattern;

import app.tdah.accounts.AccountService;
import app.tdah.identity.ClientInfo;
import app.tdah.accounts.LoginThrottle;
import app.tdah.accounts.SensitiveChanges;
import app.tdah.accounts.User;
import app.tdah.audit.AuditAction;
import app.tdah.audit.AuditEvent;
import app.tdah.audit.AuditLog;
import app.tdah.errors.UserError;
import app.tdah.platform.AesGcm;
import app.tdah.platform.BearerSecrets;
import app.tdah.mail.MailText;

import io.helidon.dbclient.DbExecute;

/**
 * Multi-factor authentication with an authenticator app (TOTP) and backup codes: enrolment, the second step of
 * signing in, new backup codes, turning it off. Every code works once: a TOTP code only for a time step later than
 * the last one accepted, a backup code only while unused. Wrong codes count toward the same per-account throttle as
 * wrong passwords. Setting it up needs a recently authenticated session, and the owner is mailed of every change;
 * {@link #reauthenticate} is how a session becomes recently authenticated again.
 */
public final class MfaService {

    static final int BACKUP_CODES = 10;
    static final String ISSUER = "Personal Assistant";
    /** Crockford's base32: no i, l, o or u, so a code read aloud or copied by hand stays unambiguous. */
    private static final String BACKUP_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
    /** 16 characters of 5 bits: 80 bits, beyond guessing, so a plain SHA-256 is a safe way to store them. */
    /** 24 characters of 32: 120 bits, beyond guessing offline from a stolen SHA-256 (NIST's 112-bit floor). */
    private static final int BACKUP_CODE_LENGTH = 24;
    /** The 80-bit codes handed out before: they keep working until used or replaced. */
    private static final int EARLIER_BACKUP_CODE_LENGTH = 16;
    private static final int MAX_CODE_INPUT = 64;
    private static final Pattern TOTP_CODE = Pattern.compile("\\d{" + Totp.DIGITS + "}");
    private static final Pattern BACKUP_CODE = Pattern.compile("[" + BACKUP_ALPHABET + "]{" + BACKUP_CODE_LENGTH + "}"
            + "|[" + BACKUP_ALPHABET + "]{" + EARLIER_BACKUP_CODE_LENGTH + "}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final UserError WRONG_CODE = new UserError("code",
            "That code didn't work. Enter the newest code from your app, or one of your backup codes.",
            UserError.Code.INVALID_CREDENTIALS);
    private static final UserError CHALLENGE_GONE = new UserError("challenge",
            "This sign-in has expired. Please sign in again with your password.", UserError.Code.NOT_AUTHENTICATED);
    private static final UserError MFA_OFF = new UserError(null,
            "Two-step sign-in is off for your account.", UserError.Code.NOT_FOUND);

    private final MfaRepository repository;
    private final AesGcm encryption;
    private final AccountService accounts;
    private final SensitiveChanges sensitiveChanges;
    private final AuditLog audit;
    private final Clock clock;

    public MfaService(MfaRepository repository, AesGcm encryption, AccountService accounts,
                      SensitiveChanges sensitiveChanges, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.encryption = encryption;
        this.accounts = accounts;
        this.sensitiveChanges = sensitiveChanges;
        this.audit = audit;
        this.clock = clock;
    }

    /** What an authenticator app needs: the otpauth URI, the same as a QR code, and the bare key for typing in. */
    public record Enrolment(String otpauthUri, String manualEntryKey, String qrCodePng) {
    }

    public record EnrolmentResult(Optional<Enrolment> enrolment, List<UserError> errors) {
    }

    /** Until when the session counts as recently authenticated, or why it does not. */
    public record Reauthentication(Optional<Instant> recentUntil, List<UserError> errors) {
        static Reauthentication failure(UserError error) {
            return new Reauthentication(Optional.empty(), List.of(error));
        }
    }

    /** New backup codes (shown this once), or the reasons there are none. */
    public record BackupCodesResult(List<String> backupCodes, List<UserError> errors) {
        static BackupCodesResult failure(UserError error) {
            return new BackupCodesResult(List.of(), List.of(error));
        }
    }

    /** How a proof of identity went; the audit trail gets the reason of a failed one. */
    private enum Proof {
        TOTP("totp"), BACKUP_CODE("backup_code"), PASSWORD("password"),
        WRONG_CODE("wrong_code"), REPLAYED_CODE("replayed_code"), WRONG_PASSWORD("wrong_password");

        final String code;

        Proof(String code) {
            this.code = code;
        }

        boolean accepted() {
            return this == TOTP || this == BACKUP_CODE || this == PASSWORD;
        }
    }

    public boolean isEnabled(UUID userId) {
        return repository.isEnabled(userId);
    }

    /**
     * A new secret, pending until a first code confirms it; starting again replaces a pending one. Only from a
     * recently authenticated session: the secret is a second factor for whoever sees it.
     */
    public EnrolmentResult startEnrolment(UUID userId, UUID session) {
        Optional<UserError> refused = sensitiveChanges.refusal(userId, session);
        if (refused.isPresent()) {
            return new EnrolmentResult(Optional.empty(), List.of(refused.get()));
        }
        User user = accounts.user(userId).orElseThrow();
        byte[] secret = Totp.newSecret();
        if (!repository.startEnrolment(userId, encryption.seal(secret, associatedData(userId)), clock.instant())) {
            return new EnrolmentResult(Optional.empty(), List.of(new UserError(null,
                    "Two-step sign-in is already on. Turn it off first to move it to another app.", UserError.Code.ALREADY_EXISTS)));
        }
        String key = Totp.base32(secret);
        String uri = "otpauth://totp/" + uriEncode(ISSUER) + ":" + uriEncode(user.email()) + "?secret=" + key
                + "&issuer=" + uriEncode(ISSUER) + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
        return new EnrolmentResult(Optional.of(new Enrolment(uri, key, QrCodes.pngDataUri(uri))), List.of());
    }

    /** The first code from the app turns MFA on and gives the backup codes. */
    public BackupCodesResult confirmEnrolment(UUID userId, String code, ClientInfo client) {
        String digits = normalise(code);
        if (!TOTP_CODE.matcher(digits).matches()) {
            return BackupCodesResult.failure(new UserError("code", "Enter the 6-digit code your app shows.", UserError.Code.INVALID));
        }
        Instant now = clock.instant();
        List<String> codes = newBackupCodes();
        return repository.inTransaction(tx -> {
            Optional<MfaRepository.Authenticator> authenticator = repository.authenticator(tx, userId);
            if (authenticator.isEmpty() || authenticator.get().confirmed()) {
                return BackupCodesResult.failure(authenticator.isEmpty()
                        ? new UserError(null, "Start setting up two-step sign-in first.", UserError.Code.NOT_FOUND)
                        : new UserError(null, "Two-step sign-in is already on.", UserError.Code.ALREADY_EXISTS));
            }
            Proof proof = spendTotp(tx, authenticator.get(), digits, now);
            if (!proof.accepted()) {
                audit.record(tx, AuditEvent.bySelf(AuditAction.MFA_FAILED, AuditEvent.Outcome.FAILURE, userId, client,
                        Map.of("during", "enrolment", "reason", proof.code)));
                return BackupCodesResult.failure(new UserError("code",
                        "That code didn't match. Check that your phone's clock is right and enter the newest code.",
                        UserError.Code.INVALID));
            }
            repository.confirm(tx, userId, now);
            repository.replaceBackupCodes(tx, userId, codes.stream().map(MfaService::hash).toList());
            audit.record(tx, AuditEvent.bySelf(AuditAction.MFA_ENROLLED, AuditEvent.Outcome.SUCCESS, userId, client, Map.of()));
            sensitiveChanges.tellOwner(tx, userId, MailText.of("securityChange.mfaEnrolled"), "mfa-enrolled:" + userId + ":" + now);
            return new BackupCodesResult(codes, List.of());
        });
    }

    /**
     * The second step of signing in: a challenge from {@code login} and a code (from the app, or a backup code). A
     * wrong code counts toward the account's throttle; the attempt that locks the account also ends its challenges.
     */
    public AccountService.AuthResult verify(String challenge, String code, ClientInfo client) {
        if (!BearerSecrets.isWellFormed(challenge)) {
            return AccountService.AuthResult.failure(List.of(CHALLENGE_GONE));
        }
        byte[] challengeHash = BearerSecrets.sha256(challenge);
        Instant now = clock.instant();
        Optional<User> owner = repository.challengeOwner(challengeHash, now)
                .filter(userId -> accounts.effectiveRole(userId).isPresent())
                .flatMap(accounts::user);
        if (owner.isEmpty()) {
            return AccountService.AuthResult.failure(List.of(CHALLENGE_GONE));
        }
        User user = owner.get();
        LoginThrottle.Attempt attempt = accounts.admitAttempt(user.email(), user.id(), client, Map.of("during", "sign_in_mfa"));
        if (!attempt.admitted()) {
            return AccountService.AuthResult.failure(List.of(WRONG_CODE));
        }
        Proof proof;
        try {
            proof = repository.inTransaction(tx -> {
                Proof spent = spendCode(tx, user.id(), code, now, client);
                if (spent.accepted() && !repository.spendChallenge(tx, challengeHash, now)) {
                    throw new ChallengeSpentMeanwhile(); // rolls back: a lost race for the challenge keeps the code
                }
                return spent;
            });
        } catch (ChallengeSpentMeanwhile e) {
            return AccountService.AuthResult.failure(List.of(CHALLENGE_GONE));
        }
        if (!proof.accepted()) {
            LoginThrottle.Consequence consequence = accounts.attemptFailed(user.email(), user.id(), client, attempt,
                    AuditAction.MFA_FAILED, Map.of("during", "sign_in", "reason", proof.code));
            if (consequence.accountLocked()) {
                repository.deleteChallenges(user.id());
            }
            return AccountService.AuthResult.failure(List.of(WRONG_CODE));
        }
        return AccountService.AuthResult.success(accounts.completeSignIn(user, client, Map.of("factor", proof.code)));
    }

    /** New backup codes in place of the old ones, proven with a code (from the app, or a backup code) or the password. */
    public BackupCodesResult regenerateBackupCodes(UUID userId, String code, String password, ClientInfo client) {
        boolean byCode = code != null && !code.isBlank();
        if (!byCode && (password == null || password.isEmpty())) {
            return BackupCodesResult.failure(new UserError(null, "Enter a code from your app, or your password.", UserError.Code.INVALID));
        }
        Optional<User> user = enabledUser(userId);
        if (user.isEmpty()) {
            return BackupCodesResult.failure(MFA_OFF);
        }
        UserError refused = byCode ? WRONG_CODE
                : new UserError("password", "That password isn't right.", UserError.Code.INVALID_CREDENTIALS);
        LoginThrottle.Attempt attempt = accounts.admitAttempt(user.get().email(), userId, client,
                Map.of("during", "regenerate_backup_codes"));
        if (!attempt.admitted()) {
            return BackupCodesResult.failure(refused);
        }
        // Argon2 takes a while: checked before the transaction, not while holding its connection.
        Proof byPassword = !byCode && accounts.passwordMatches(userId, password) ? Proof.PASSWORD : Proof.WRONG_PASSWORD;
        Instant now = clock.instant();
        List<String> codes = newBackupCodes();
        Proof proof = repository.inTransaction(tx -> {
            Proof proven = byCode ? spendCode(tx, userId, code, now, client) : byPassword;
            if (proven.accepted()) {
                repository.replaceBackupCodes(tx, userId, codes.stream().map(MfaService::hash).toList());
                audit.record(tx, AuditEvent.bySelf(AuditAction.MFA_BACKUP_CODES_REGENERATED, AuditEvent.Outcome.SUCCESS,
                        userId, client, Map.of("proof", proven.code)));
                sensitiveChanges.tellOwner(tx, userId, MailText.of("securityChange.backupCodesRenewed"),
                        "mfa-backup-codes:" + userId + ":" + now);
            }
            return proven;
        });
        if (!proof.accepted()) {
            accounts.attemptFailed(user.get().email(), userId, client, attempt, AuditAction.MFA_FAILED,
                    Map.of("during", "regenerate_backup_codes", "reason", proof.code));
            return BackupCodesResult.failure(refused);
        }
        return new BackupCodesResult(codes, List.of());
    }

    /** Turns MFA off, with both the password and a code: neither a stolen session nor a stolen phone alone can. */
    public List<UserError> disable(UUID userId, String password, String code, ClientInfo client) {
        List<UserError> missing = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            missing.add(new UserError("password", "Enter your password.", UserError.Code.INVALID));
        }
        if (code == null || code.isBlank()) {
            missing.add(new UserError("code", "Enter a code from your app, or a backup code.", UserError.Code.INVALID));
        }
        if (!missing.isEmpty()) {
            return missing;
        }
        Optional<User> user = enabledUser(userId);
        if (user.isEmpty()) {
            return List.of(MFA_OFF);
        }
        UserError refused = new UserError(null, "That password and code don't match.", UserError.Code.INVALID_CREDENTIALS);
        LoginThrottle.Attempt attempt = accounts.admitAttempt(user.get().email(), userId, client, Map.of("during", "disable"));
        if (!attempt.admitted()) {
            return List.of(refused);
        }
        boolean passwordMatches = accounts.passwordMatches(userId, password);
        Instant now = clock.instant();
        Proof proof = repository.inTransaction(tx -> {
            if (!passwordMatches) {
                return Proof.WRONG_PASSWORD; // the code is left unspent
            }
            Proof proven = spendCode(tx, userId, code, now, client);
            if (proven.accepted()) {
                repository.remove(tx, userId);
                audit.record(tx, AuditEvent.bySelf(AuditAction.MFA_DISABLED, AuditEvent.Outcome.SUCCESS, userId, client,
                        Map.of("proof", proven.code)));
                sensitiveChanges.tellOwner(tx, userId, MailText.of("securityChange.mfaDisabled"), "mfa-disabled:" + userId + ":" + now);
            }
            return proven;
        });
        if (!proof.accepted()) {
            accounts.attemptFailed(user.get().email(), userId, client, attempt, AuditAction.MFA_FAILED,
                    Map.of("during", "disable", "reason", proof.code));
            return List.of(refused);
        }
        return List.of();
    }

    /**
     * Proves it is still the signed-in person, with their password or a code (from the app, or a backup code): the
     * session counts as recently authenticated for a while. A wrong answer counts toward the sign-in throttle, so a
     * stolen access token cannot be used to guess the password. An account without either signs in again instead.
     */
    public Reauthentication reauthenticate(UUID userId, UUID session, String password, String code,
                                           ClientInfo client) {
        boolean byCode = code != null && !code.isBlank();
        if (!byCode && (password == null || password.isEmpty())) {
            return Reauthentication.failure(new UserError(null, "Enter your password, or a code from your app.",
                    UserError.Code.INVALID));
        }
        Proof proof;
        if (byCode) {
            Optional<User> user = enabledUser(userId);
            if (user.isEmpty()) {
                return Reauthentication.failure(MFA_OFF);
            }
            LoginThrottle.Attempt attempt = accounts.admitAttempt(user.get().email(), userId, client,
                    Map.of("during", "reauthenticate"));
            if (!attempt.admitted()) {
                return Reauthentication.failure(WRONG_CODE);
            }
            Instant now = clock.instant();
            proof = repository.inTransaction(tx -> spendCode(tx, userId, code, now, client));
            if (!proof.accepted()) {
                accounts.attemptFailed(user.get().email(), userId, client, attempt, AuditAction.MFA_FAILED,
                        Map.of("during", "reauthenticate", "reason", proof.code));
                return Reauthentication.failure(WRONG_CODE);
            }
        } else if (accounts.confirmPassword(userId, password, "reauthenticate", client)) {
            proof = Proof.PASSWORD;
        } else {
            return Reauthentication.failure(new UserError("password", "That password isn't right.",
                    UserError.Code.INVALID_CREDENTIALS));
        }
        Instant until = sensitiveChanges.reauthenticated(userId, session);
        audit.record(AuditEvent.bySelf(AuditAction.REAUTHENTICATED, AuditEvent.Outcome.SUCCESS, userId, client,
                Map.of("proof", proof.code)));
        return new Reauthentication(Optional.of(until), List.of());
    }

    /**
     * An admin turns a person's two-step sign-in off, for someone who lost their authenticator and their backup codes.
     * Audited with the admin as actor, and the person is mailed. Not for one's own account: that needs the password
     * and a code ({@link #disable}).
     */
    public List<UserError> resetByAdmin(UUID adminId, UUID userId, ClientInfo client) {
        if (adminId.equals(userId)) {
            return List.of(new UserError("userId", "Turn off your own two-step sign-in from your settings.",
                    UserError.Code.INVALID));
        }
        if (accounts.user(userId).isEmpty()) {
            return List.of(new UserError("userId", "That account doesn't exist.", UserError.Code.NOT_FOUND));
        }
        Instant now = clock.instant();
        return repository.inTransaction(tx -> {
            if (!repository.remove(tx, userId)) {
                return List.of(new UserError("userId", "Two-step sign-in is already off for this account.",
                        UserError.Code.NOT_FOUND));
            }
            audit.record(tx, new AuditEvent(AuditAction.MFA_RESET, AuditEvent.Outcome.SUCCESS, adminId, userId, client,
                    Map.of()));
            sensitiveChanges.tellOwner(tx, userId, MailText.of("securityChange.mfaReset"), "mfa-reset:" + userId + ":" + now);
            return List.<UserError>of();
        });
    }

    private Optional<User> enabledUser(UUID userId) {
        return repository.isEnabled(userId) ? accounts.user(userId) : Optional.empty();
    }

    /** Spends a code of a confirmed authenticator: six digits are a TOTP code, anything else may be a backup code. */
    private Proof spendCode(DbExecute tx, UUID userId, String code, Instant now, ClientInfo client) {
        String normalised = normalise(code);
        if (TOTP_CODE.matcher(normalised).matches()) {
            return repository.authenticator(tx, userId)
                    .filter(MfaRepository.Authenticator::confirmed)
                    .map(authenticator -> spendTotp(tx, authenticator, normalised, now))
                    .orElse(Proof.WRONG_CODE);
        }
        // Crockford's reading of look-alikes: o is zero, i and l are one.
        String backup = normalised.replace('o', '0').replace('i', '1').replace('l', '1');
        if (!BACKUP_CODE.matcher(backup).matches() || !repository.useBackupCode(tx, userId, hash(backup), now)) {
            return Proof.WRONG_CODE;
        }
        audit.record(tx, AuditEvent.bySelf(AuditAction.MFA_BACKUP_CODE_USED, AuditEvent.Outcome.SUCCESS, userId, client,
                Map.of("remaining", Long.toString(repository.unusedBackupCodes(tx, userId)))));
        return Proof.BACKUP_CODE;
    }

    /** A TOTP code within a step of now, for a later step than the last one accepted. */
    private Proof spendTotp(DbExecute tx, MfaRepository.Authenticator authenticator, String code, Instant now) {
        byte[] secret = encryption.open(authenticator.secretSealed(), associatedData(authenticator.userId()));
        OptionalLong step = Totp.matchingStep(secret, code, now);
        if (step.isEmpty()) {
            return Proof.WRONG_CODE;
        }
        return repository.advanceStep(tx, authenticator.userId(), step.getAsLong()) ? Proof.TOTP : Proof.REPLAYED_CODE;
    }

    private static List<String> newBackupCodes() {
        List<String> codes = new ArrayList<>(BACKUP_CODES);
        for (int i = 0; i < BACKUP_CODES; i++) {
            StringBuilder code = new StringBuilder(BACKUP_CODE_LENGTH);
            for (int j = 0; j < BACKUP_CODE_LENGTH; j++) {
                code.append(BACKUP_ALPHABET.charAt(RANDOM.nextInt(BACKUP_ALPHABET.length())));
            }
            codes.add(code.toString());
        }
        return codes.stream().map(MfaService::grouped).toList();
    }

    /** abcd-efgh-jkmn-pqrs-tvwx-yz01: easier to copy by hand; the dashes are ignored when a code is entered. */
    private static String grouped(String code) {
        return String.join("-", code.split("(?<=\\G.{4})"));
    }

    private static byte[] hash(String backupCode) {
        return BearerSecrets.sha256(normalise(backupCode));
    }

    private static String normalise(String code) {
        if (code == null || code.length() > MAX_CODE_INPUT) {
            return "";
        }
        return code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    }

    /** Binds a sealed secret to its account: copied onto another account's row, it does not open. */
    /** What a TOTP secret is sealed for: this account's authenticator. */
    static byte[] associatedData(UUID userId) {
        return ByteBuffer.allocate(2 * Long.BYTES + 9).put("mfa-totp:".getBytes(StandardCharsets.US_ASCII))
                .putLong(userId.getMostSignificantBits()).putLong(userId.getLeastSignificantBits()).array();
    }

    /** Percent-encoding for the otpauth URI, where a space is %20 (URLEncoder's form encoding would give '+'). */
    private static String uriEncode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Another request spent the challenge between the look-up and now. */
    private static final class ChallengeSpentMeanwhile extends RuntimeException {
        ChallengeSpentMeanwhile() {
            super(null, null, false, false);
        }
    }
}
