package app.tdah.accounts.recovery;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.tdah.accounts.AccountRecords;
import app.tdah.accounts.AccountService;
import app.tdah.identity.ClientInfo;
import app.tdah.accounts.User;
import app.tdah.audit.AuditAction;
import app.tdah.audit.AuditEvent;
import app.tdah.audit.AuditLog;
import app.tdah.errors.UserError;
import app.tdah.mail.MailKind;
import app.tdah.mail.MailService;
import app.tdah.platform.BearerSecrets;

/**
 * Proving a person receives mail at their address: the link mailed at sign-up (and again on request), and the link
 * mailed to a new address, which becomes the account's only when that link is opened. Both links open the same page,
 * and {@link #verify} tells them apart by the token's purpose.
 */
public final class EmailVerification {

    private static final System.Logger LOG = System.getLogger(EmailVerification.class.getName());
    private static final List<TokenPurpose> EMAIL_LINKS = List.of(TokenPurpose.VERIFY_EMAIL, TokenPurpose.CHANGE_EMAIL);
    private static final String ASK_AGAIN = "ask for a new link from your account settings";
    private static final UserError TOO_MANY_MAILS = new UserError(null,
            "We have sent several links to this address in the last hour. Please check your inbox (and spam folder), "
                    + "or try again later.", UserError.Code.RATE_LIMITED);

    private final RecoveryRepository repository;
    private final AccountRecords records;
    private final AccountService accounts;
    private final OneTimeLinks links;
    private final RecoveryThrottle throttle;
    private final MailService mail;
    private final AuditLog audit;
    private final Clock clock;

    public EmailVerification(RecoveryRepository repository, AccountRecords records, OneTimeLinks links, RecoveryThrottle throttle, AccountService accounts,
                      MailService mail, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.records = records;
        this.accounts = accounts;
        this.links = links;
        this.throttle = throttle;
        this.mail = mail;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Mails the verification link to a person who has just signed up. The account exists whatever happens here, so a
     * failure is logged rather than failing the sign-up: the person can ask for the link again.
     */
    public void sendToNewAccount(User user) {
        try {
            repository.inTransaction(tx -> {
                OneTimeLinks.Link link = links.issue(tx, user.id(), TokenPurpose.VERIFY_EMAIL, user.email());
                return mail.enqueue(tx, MailKind.VERIFICATION, user.id(), user.email(),
                        templates -> templates.verification(user.displayName(), link.uri()), "verify-email:" + link.tokenId());
            });
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "Could not queue the verification mail of new account " + user.id(), e);
        }
    }

    /**
     * Tells the owner of an address that someone tried to sign up with it (at most once an hour): it was them, having
     * forgotten their account, or someone trying it out. Like {@link #sendToNewAccount}, a failure is only logged.
     */
    public void tellOwnerOfSignUpAttempt(User owner) {
        if (!throttle.allowSignUpNotice(owner.email())) {
            return;
        }
        try {
            repository.inTransaction(tx -> mail.enqueue(tx, MailKind.SECURITY_NOTICE, owner.id(), owner.email(),
                    templates -> templates.signUpWithYourAddress(owner.displayName(), links.page("/signin"),
                            links.page("/forgot-password")),
                    "signup-attempt:" + owner.id() + ":" + UUID.randomUUID()));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "Could not queue the sign-up attempt notice of account " + owner.id(), e);
        }
    }

    public Optional<Boolean> isVerified(UUID userId) {
        return repository.account(userId).map(RecoveryRepository.Account::emailVerified);
    }

    /** Mails a new verification link, replacing the previous one. */
    public List<UserError> resend(UUID userId) {
        RecoveryRepository.Account account = repository.account(userId).orElseThrow();
        if (account.emailVerified()) {
            return List.of(new UserError(null, "Your email address is already confirmed.", UserError.Code.INVALID));
        }
        if (!throttle.allowMail(TokenPurpose.VERIFY_EMAIL, account.email())) {
            return List.of(TOO_MANY_MAILS);
        }
        repository.inTransaction(tx -> {
            OneTimeLinks.Link link = links.issue(tx, userId, TokenPurpose.VERIFY_EMAIL, account.email());
            return mail.enqueue(tx, MailKind.VERIFICATION, userId, account.email(),
                    templates -> templates.verification(account.displayName(), link.uri()), "verify-email:" + link.tokenId());
        });
        return List.of();
    }

    /** The address the link confirmed, or why it was refused. */
    public record Verified(Optional<String> email, List<UserError> errors) {
    }

    /** Opens a mailed link: confirms the account's address, or moves the account to the new address it was sent to. */
    public Verified verify(String token, ClientInfo client) {
        if (!BearerSecrets.isWellFormed(token)) {
            return invalidLink(token);
        }
        Optional<Verified> done = repository.inTransaction(tx -> links.spend(tx, token, EMAIL_LINKS).map(spent -> {
            if (spent.purpose() == TokenPurpose.VERIFY_EMAIL) {
                if (!records.confirmEmail(tx, spent.userId(), spent.email(), clock.instant())) {
                    return refused("This link was for an address your account no longer uses.", UserError.Code.INVALID);
                }
                audit.record(tx, AuditEvent.bySelf(AuditAction.EMAIL_VERIFIED, AuditEvent.Outcome.SUCCESS, spent.userId(),
                        client, Map.of()));
            } else {
                if (!records.changeEmail(tx, spent.userId(), spent.email(), clock.instant())) {
                    return refused("Another account uses this address now, so yours cannot move to it.",
                            UserError.Code.ALREADY_EXISTS);
                }
                // Links mailed to the old address (a verification, a password reset) must not act on the account now.
                repository.deleteUnspent(tx, spent.userId(), List.of(TokenPurpose.values()));
                audit.record(tx, AuditEvent.bySelf(AuditAction.EMAIL_CHANGED, AuditEvent.Outcome.SUCCESS, spent.userId(),
                        client, Map.of("email", spent.email())));
            }
            return new Verified(Optional.of(spent.email()), List.of());
        }));
        return done.orElseGet(() -> invalidLink(token));
    }

    private Verified invalidLink(String token) {
        return new Verified(Optional.empty(), List.of(links.refusal(token, EMAIL_LINKS, ASK_AGAIN)));
    }

    private static Verified refused(String message, UserError.Code code) {
        return new Verified(Optional.empty(), List.of(new UserError("token", message, code)));
    }

    /**
     * Starts moving the account to a new address: the current password is required, a link goes to the new address,
     * and the current one is told, so a person whose session was taken over hears of it.
     */
    public List<UserError> requestChange(UUID userId, String newEmail, String currentPassword, ClientInfo client) {
        String email = AccountService.normaliseEmail(newEmail);
        RecoveryRepository.Account account = repository.account(userId).orElseThrow();
        if (!AccountService.isWellFormedEmail(email)) {
            return List.of(new UserError("newEmail", "Enter an email address like name@example.com.", UserError.Code.INVALID));
        }
        if (email.equals(account.email())) {
            return List.of(new UserError("newEmail", "This is already your email address.", UserError.Code.INVALID));
        }
        if (!accounts.confirmPassword(userId, currentPassword, "change_email", client)) {
            return List.of(new UserError("currentPassword", "That is not your current password.",
                    UserError.Code.INVALID_CREDENTIALS));
        }
        if (repository.emailTakenByAnother(email, userId)) {
            return List.of(new UserError("newEmail", "Another account already uses this address.", UserError.Code.ALREADY_EXISTS));
        }
        if (!throttle.allowMail(TokenPurpose.CHANGE_EMAIL, email)) {
            return List.of(TOO_MANY_MAILS);
        }
        repository.inTransaction(tx -> {
            OneTimeLinks.Link link = links.issue(tx, userId, TokenPurpose.CHANGE_EMAIL, email);
            mail.enqueue(tx, MailKind.VERIFICATION, userId, email, templates -> templates.emailChange(account.displayName(), link.uri()),
                    "change-email:" + link.tokenId());
            mail.enqueue(tx, MailKind.SECURITY_NOTICE, userId, account.email(),
                    templates -> templates.emailChangeRequested(account.displayName(), email), "change-email-notice:" + link.tokenId());
            audit.record(tx, AuditEvent.bySelf(AuditAction.EMAIL_CHANGE_REQUESTED, AuditEvent.Outcome.SUCCESS, userId, client,
                    Map.of("email", email)));
            return link;
        });
        return List.of();
    }
}
