package app.tdah.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import app.tdah.accounts.sessions.SessionService;
import app.tdah.errors.UserError;
import app.tdah.jobs.coordination.Coordination;
import app.tdah.mail.MailKind;
import app.tdah.mail.MailService;
import app.tdah.mail.MailText;

import io.helidon.dbclient.DbExecute;

/**
 * Changes that add a lasting way into an account or a second factor (linking a Google or Microsoft identity, adding a
 * phone, setting up two-step sign-in, new backup codes): an access token alone must not be enough to make them, so
 * they need a session that authenticated recently, and the owner hears of each by mail.
 * <p>
 * A session (refresh-token family) counts as recently authenticated for {@code window} after it signed in (by the
 * database's clock, which stamps sessions), and after its person re-authenticated in it with their password or an
 * authenticator code (a flag per session in Redis, that expires with the window). A Redis outage leaves only the
 * sign-in's own time: it never lets a change through.
 */
public final class SensitiveChanges {

    public static final UserError REAUTHENTICATION_REQUIRED = new UserError(null,
            "For your security, confirm it's you first: enter your password (or a code from your authenticator app), "
                    + "then try again.", UserError.Code.REAUTHENTICATION_REQUIRED);
    public static final UserError EMAIL_NOT_VERIFIED = new UserError(null,
            "Confirm your email address first, with the link we mailed you (you can ask for a new one in Settings).",
            UserError.Code.EMAIL_NOT_VERIFIED);
    private static final System.Logger LOG = System.getLogger(SensitiveChanges.class.getName());

    private final AccountRepository accounts;
    private final SessionService sessions;
    private final Coordination coordination;
    private final MailService mail;
    private final Duration window;
    private final Clock clock;

    public SensitiveChanges(AccountRepository accounts, SessionService sessions, Coordination coordination,
                            MailService mail, Duration window, Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.coordination = coordination;
        this.mail = mail;
        this.window = window;
        this.clock = clock;
    }

    /** Why the change is refused, if it is: the session has not authenticated recently. */
    public Optional<UserError> refusal(UUID userId, UUID session) {
        return isRecentlyAuthenticated(userId, session) ? Optional.empty() : Optional.of(REAUTHENTICATION_REQUIRED);
    }

    /**
     * As {@link #refusal}, for a change that adds a way to sign in or be reached (an identity, a phone): the address
     * must also be confirmed first, so that whoever took an account over through an unconfirmed address (a sign-up in
     * someone else's name, a reset) cannot settle in with a credential of their own.
     */
    public Optional<UserError> refusalOfNewCredential(UUID userId, UUID session) {
        if (!accounts.owner(userId).map(AccountRepository.Owner::emailVerified).orElse(false)) {
            return Optional.of(EMAIL_NOT_VERIFIED);
        }
        return refusal(userId, session);
    }

    /** Marks the session recently authenticated (its person just proved who they are); returns until when. */
    public Instant reauthenticated(UUID userId, UUID session) {
        coordination.raiseFlag(flag(userId, session), window);
        return clock.instant().plus(window);
    }

    /** Queues the notice of a change to the owner's address, inside the change's transaction. */
    public void tellOwner(DbExecute tx, UUID userId, MailText change, String idempotencyKey) {
        AccountRepository.Owner owner = accounts.owner(userId).orElseThrow();
        mail.enqueue(tx, MailKind.SECURITY_NOTICE, userId, owner.email(),
                templates -> templates.securityChange(owner.displayName(), change), idempotencyKey);
    }

    private boolean isRecentlyAuthenticated(UUID userId, UUID session) {
        if (sessions.signedInWithin(userId, session, window)) {
            return true;
        }
        try {
            return coordination.isRaised(flag(userId, session));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Re-authentication marks unavailable: {0}", e.toString());
            return false;
        }
    }

    private static String flag(UUID userId, UUID session) {
        return "reauthenticated:" + userId + ":" + session;
    }
}
