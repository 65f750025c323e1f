package app.tdah.accounts.recovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

import app.tdah.accounts.AccountRecords;
import app.tdah.accounts.AccountService;
import app.tdah.identity.ClientInfo;
import app.tdah.accounts.PasswordHasher;
import app.tdah.accounts.PasswordPolicy;
import app.tdah.accounts.sessions.SessionService;
import app.tdah.audit.AuditAction;
import app.tdah.audit.AuditEvent;
import app.tdah.audit.AuditLog;
import app.tdah.errors.UserError;
import app.tdah.mail.MailKind;
import app.tdah.mail.MailService;
import app.tdah.mail.MailText;

/**
 * Resetting a forgotten password by a mailed link, and changing a known one. Either way the new password must pass
 * the policy, the person is told by mail, and sessions end: all of them after a reset (whoever knew the old password
 * may hold one), all but the current one after a change. A reset also closes the calendar feed and lists, in its
 * mail, the identities and phone that still reach the account, for the person to check.
 */
public final class PasswordRecovery {

    private static final System.Logger LOG = System.getLogger(PasswordRecovery.class.getName());
    private static final List<TokenPurpose> RESET_LINKS = List.of(TokenPurpose.RESET_PASSWORD);
    private static final String ASK_AGAIN = "ask for a new one from the sign-in page";
    private static final UserError TOO_MANY_REQUESTS = new UserError(null,
            "There have been several password reset requests for this address or from your network in the last hour. "
                    + "Please check your inbox (and spam folder), or try again later.", UserError.Code.RATE_LIMITED);

    private final RecoveryRepository repository;
    private final AccountRecords records;
    private final AccountService accounts;
    private final OneTimeLinks links;
    private final RecoveryThrottle throttle;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final SessionService sessions;
    private final MailService mail;
    private final AuditLog audit;
    private final Executor background;
    private final List<AfterPasswordReset> afterReset = new CopyOnWriteArrayList<>();

    public PasswordRecovery(RecoveryRepository repository, AccountRecords records, OneTimeLinks links, RecoveryThrottle throttle, AccountService accounts,
                            PasswordHasher hasher, PasswordPolicy policy, SessionService sessions, MailService mail, AuditLog audit,
                            Executor background) {
        this.repository = repository;
        this.records = records;
        this.accounts = accounts;
        this.links = links;
        this.throttle = throttle;
        this.hasher = hasher;
        this.policy = policy;
        this.sessions = sessions;
        this.mail = mail;
        this.audit = audit;
        this.background = background;
    }

    /** Work another feature does in every reset's transaction; see {@link AfterPasswordReset}. */
    public void onReset(AfterPasswordReset work) {
        afterReset.add(work);
    }

    /**
     * Mails a reset link if an active account has this address. The answer is the same whether or not one has: only
     * the address's owner learns it, from their inbox.
     */
    public List<UserError> requestReset(String email, ClientInfo client) {
        String address = AccountService.normaliseEmail(email);
        if (!AccountService.isWellFormedEmail(address)) {
            return List.of(new UserError("email", "Enter an email address like name@example.com.", UserError.Code.INVALID));
        }
        Optional<RecoveryRepository.Account> account = repository.activeAccountByEmail(address);
        UUID subject = account.map(RecoveryRepository.Account::id).orElse(null);
        if (!throttle.allowResetRequest(client.ip()) || !throttle.allowMail(TokenPurpose.RESET_PASSWORD, address)) {
            audit.record(AuditEvent.against(AuditAction.PASSWORD_RESET_THROTTLED, AuditEvent.Outcome.DENIED, subject, client,
                    Map.of()));
            return List.of(TOO_MANY_REQUESTS);
        }
        audit.record(account.isPresent()
                ? AuditEvent.against(AuditAction.PASSWORD_RESET_REQUESTED, AuditEvent.Outcome.SUCCESS, subject, client, Map.of())
                : AuditEvent.against(AuditAction.PASSWORD_RESET_REQUESTED, AuditEvent.Outcome.FAILURE, null, client,
                        Map.of("reason", "no_active_account")));
        // The link is made and queued off the request, so that the answer takes as long whether or not an account
        // has the address (OWASP's forgot-password advice): the work above is the same either way.
        account.ifPresent(person -> background.execute(() -> mailResetLink(person)));
        return List.of();
    }

    private void mailResetLink(RecoveryRepository.Account person) {
        try {
            repository.inTransaction(tx -> {
                OneTimeLinks.Link link = links.issue(tx, person.id(), TokenPurpose.RESET_PASSWORD, person.email());
                return mail.enqueue(tx, MailKind.PASSWORD_RESET, person.id(), person.email(),
                        templates -> templates.passwordReset(person.displayName(), link.uri()), "reset-password:" + link.tokenId());
            });
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "Could not queue the password reset mail of account " + person.id(), e);
        }
    }

    /** Sets a new password with a reset link: the link is spent, and every session of the person ends. */
    public List<UserError> reset(String token, String newPassword, ClientInfo client) {
        Optional<UserError> weak = policy.check(newPassword).map(PasswordRecovery::asNewPassword);
        if (weak.isPresent()) {
            return List.of(weak.get()); // the link stays usable for a better password
        }
        // Argon2 is spent only for links that can work, so invalid links cost the server nothing.
        if (!links.isLive(token, TokenPurpose.RESET_PASSWORD)) {
            return refuseReset(token, client);
        }
        String passwordHash = hasher.hash(newPassword);
        boolean reset = repository.inTransaction(tx -> links.spend(tx, token, RESET_LINKS).map(spent -> {
            RecoveryRepository.Account account = repository.account(spent.userId()).orElseThrow();
            if (!records.setPasswordHash(tx, spent.userId(), passwordHash)) {
                return false; // deactivated since the link was sent
            }
            repository.deleteUnspent(tx, spent.userId(), RESET_LINKS);
            long revoked = sessions.revokeAllExcept(tx, spent.userId(), Optional.empty());
            List<MailText> toReview = new ArrayList<>();
            afterReset.forEach(work -> toReview.addAll(work.afterReset(tx, spent.userId())));
            mail.enqueue(tx, MailKind.SECURITY_NOTICE, spent.userId(), account.email(),
                    templates -> templates.passwordWasReset(account.displayName(), toReview), "password-reset-notice:" + spent.id());
            audit.record(tx, AuditEvent.bySelf(AuditAction.PASSWORD_RESET, AuditEvent.Outcome.SUCCESS, spent.userId(), client,
                    Map.of("revokedSessions", Long.toString(revoked))));
            return true;
        }).orElse(false));
        return reset ? List.of() : refuseReset(token, client);
    }

    private List<UserError> refuseReset(String token, ClientInfo client) {
        UUID subject = links.stored(token).map(RecoveryRepository.StoredToken::userId).orElse(null);
        audit.record(AuditEvent.against(AuditAction.PASSWORD_RESET, AuditEvent.Outcome.FAILURE, subject, client,
                Map.of("reason", links.refusalReason(token))));
        return List.of(links.refusal(token, RESET_LINKS, ASK_AGAIN));
    }

    /**
     * Changes the password of the signed-in person, who must give the current one (a wrong one counts as a failed
     * sign-in). Their other sessions end; the one making the request goes on.
     */
    public List<UserError> change(UUID userId, String currentPassword, String newPassword, UUID currentSession,
                                  ClientInfo client) {
        Optional<UserError> weak = policy.check(newPassword).map(PasswordRecovery::asNewPassword);
        if (weak.isPresent()) {
            return List.of(weak.get());
        }
        RecoveryRepository.Account account = repository.account(userId).orElseThrow();
        if (!accounts.confirmPassword(userId, currentPassword, "change_password", client)) {
            return List.of(new UserError("currentPassword", "That is not your current password.",
                    UserError.Code.INVALID_CREDENTIALS));
        }
        String passwordHash = hasher.hash(newPassword);
        repository.inTransaction(tx -> {
            records.setPasswordHash(tx, userId, passwordHash);
            // A reset link asked for earlier would otherwise still replace the password just chosen.
            repository.deleteUnspent(tx, userId, RESET_LINKS);
            long revoked = sessions.revokeAllExcept(tx, userId, Optional.of(currentSession));
            Map<String, String> details = Map.of("revokedSessions", Long.toString(revoked), "keptSession", currentSession.toString());
            mail.enqueue(tx, MailKind.SECURITY_NOTICE, userId, account.email(),
                    templates -> templates.passwordChanged(account.displayName()),
                    "password-change-notice:" + UUID.randomUUID());
            audit.record(tx, AuditEvent.bySelf(AuditAction.PASSWORD_CHANGED, AuditEvent.Outcome.SUCCESS, userId, client, details));
            return revoked;
        });
        return List.of();
    }

    /** The policy speaks of "password"; here the field is newPassword. */
    private static UserError asNewPassword(UserError error) {
        return new UserError("newPassword", error.message(), error.code());
    }
}
