package app.tdah.oidc;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import app.tdah.accounts.AccountService;
import app.tdah.accounts.SensitiveChanges;
import app.tdah.identity.ClientInfo;
import app.tdah.accounts.User;
import app.tdah.audit.AuditAction;
import app.tdah.audit.AuditEvent;
import app.tdah.audit.AuditLog;
import app.tdah.errors.UserError;
import app.tdah.platform.BearerSecrets;
import app.tdah.platform.Transactions;
import app.tdah.mail.MailText;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import org.redisson.api.RedissonClient;

/**
 * Signing in with Google or Microsoft, and linking those identities to accounts. A person is known to a provider by
 * its subject id; an email claim never links an existing account, it only names a new one, and only when the provider
 * verified it. Every refusal and every success is in the audit log.
 * <p>
 * Linking adds a lasting way into the account, so it is bound to the session that asks for it at every step: only a
 * recently authenticated session with a confirmed address may start one; the intent's token lives in a cookie of that
 * session's browser (never in a URL someone else could be made to open); the provider shows its account chooser; and
 * the identity it sends back is linked only once the same session confirms it, and the owner is mailed.
 */
public final class ProviderSignIn {

    private static final System.Logger LOG = System.getLogger(ProviderSignIn.class.getName());
    /** The provider's own error codes are short snake_case words; anything else is not repeated into the audit row. */
    private static final Pattern PROVIDER_ERROR = Pattern.compile("[a-z_]{1,40}");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final Map<IdentityProvider, OidcClient> clients = new EnumMap<>(IdentityProvider.class);
    private final PendingSignIns pending;
    private final IdentityRepository identities;
    private final AccountService accounts;
    private final SensitiveChanges sensitiveChanges;
    private final AuditLog audit;
    private final DbClient db;
    private final URI publicUrl;
    private final Clock clock;

    ProviderSignIn(List<OidcProviderSettings> providers, PendingSignIns pending, IdentityRepository identities,
                   AccountService accounts, SensitiveChanges sensitiveChanges, AuditLog audit, DbClient db, URI publicUrl,
                   Clock clock) {
        for (OidcProviderSettings settings : providers) {
            IdentityProvider provider = IdentityProvider.ofCode(settings.name()).orElseThrow();
            clients.put(provider, new OidcClient(provider, settings, clock));
        }
        this.pending = pending;
        this.identities = identities;
        this.accounts = accounts;
        this.sensitiveChanges = sensitiveChanges;
        this.audit = audit;
        this.db = db;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /** Wires the feature from the server's connections. */
    public static ProviderSignIn create(List<OidcProviderSettings> providers, RedissonClient redis,
                                        String redisKeyPrefix, AccountService accounts, SensitiveChanges sensitiveChanges,
                                        AuditLog audit, DbClient db, URI publicUrl, Clock clock) {
        return new ProviderSignIn(providers, new PendingSignIns(redis, redisKeyPrefix), new IdentityRepository(db),
                accounts, sensitiveChanges, audit, db, publicUrl, clock);
    }

    /** The configured providers, in a fixed order. */
    public List<IdentityProvider> enabledProviders() {
        return List.copyOf(clients.keySet());
    }

    /** Where the browser goes first: {@code GET /auth/oidc/{provider}/start}. */
    public static String startPath(IdentityProvider provider) {
        return OidcHttpService.ROOT + "/" + provider.code() + "/start";
    }

    private URI callbackUri(IdentityProvider provider) {
        return URI.create(publicUrl + OidcHttpService.ROOT + "/" + provider.code() + "/callback");
    }

    // ---- The browser's round trip ----------------------------------------------------------------------------

    /** Where to send the browser next; the binding goes into a cookie of that browser, when a flow started. */
    sealed interface Step {
    }

    /** To the provider, with the value the flow's cookie must carry when the browser comes back. */
    record ToProvider(URI location, String browserBinding) implements Step {
    }

    /** Signed in: the session's refresh token goes into the refresh cookie. */
    record SignedIn(AccountService.Session session) implements Step {
    }

    /** The account has MFA on: the sign-in page asks for a code and completes with verifyMfa. */
    record SecondFactorNeeded(String mfaChallenge) implements Step {
    }

    /** The identity is now linked to the signed-in person's account. */
    record Linked(IdentityProvider provider) implements Step {
    }

    /** The provider vouched for an identity: the session that asked confirms the link with this token. */
    record ConfirmLink(String confirmation) implements Step {
    }

    /** Refused; {@code linking} tells whether the person came from their settings rather than the sign-in page. */
    record Refused(Refusal refusal, boolean linking) implements Step {
    }

    /**
     * Begins a sign-in, or a link when {@code linking}: then {@code linkToken}, from the browser's link cookie, must
     * be a live link intent for this provider.
     */
    Step start(IdentityProvider provider, boolean linking, Optional<String> linkToken, Optional<String> timeZone,
               ClientInfo client) {
        OidcClient oidc = clients.get(provider);
        if (oidc == null) {
            return new Refused(Refusal.PROVIDER_UNAVAILABLE, linking);
        }
        UUID linkUserId = null;
        UUID linkSessionId = null;
        if (linking) {
            Optional<PendingSignIns.LinkIntent> intent = linkToken.flatMap(pending::takeLinkIntent);
            if (intent.isEmpty() || intent.get().provider() != provider) {
                return refuse(Refusal.LINK_INTENT_INVALID, provider, true, intent.map(PendingSignIns.LinkIntent::userId).orElse(null),
                        client, Map.of());
            }
            linkUserId = intent.get().userId();
            linkSessionId = intent.get().sessionId();
        }
        String state = BearerSecrets.generate();
        String nonce = BearerSecrets.generate();
        String codeVerifier = BearerSecrets.generate();
        String browserBinding = BearerSecrets.generate();
        URI location;
        try {
            location = oidc.authorizationUri(state, nonce, BASE64URL.encodeToString(BearerSecrets.sha256(codeVerifier)),
                    callbackUri(provider), linking);
        } catch (OidcClient.ProviderUnavailable e) {
            return new Refused(Refusal.PROVIDER_UNAVAILABLE, linking);
        }
        pending.saveFlow(state, new PendingSignIns.Flow(provider, nonce, codeVerifier, browserBinding, linkUserId,
                linkSessionId, timeZone.orElse(null)));
        return new ToProvider(location, browserBinding);
    }

    /** What the provider sent the browser back with: the query of {@code GET /auth/oidc/{provider}/callback}. */
    record Callback(Optional<String> state, Optional<String> code, Optional<String> error) {
    }

    /** Ends the round trip: checks it is the flow this browser started, redeems the code, signs in or links. */
    Step finish(IdentityProvider provider, Callback callback, Optional<String> browserBinding, ClientInfo client) {
        Optional<PendingSignIns.Flow> taken = callback.state().flatMap(pending::takeFlow);
        if (taken.isEmpty() || taken.get().provider() != provider) {
            return refuse(Refusal.STATE_INVALID, provider, false, null, client, Map.of());
        }
        PendingSignIns.Flow flow = taken.get();
        boolean linking = flow.linkUserId() != null;
        if (!BearerSecrets.matches(browserBinding, flow.browserBinding())) {
            return refuse(Refusal.BROWSER_MISMATCH, provider, linking, flow.linkUserId(), client, Map.of());
        }
        if (callback.error().isPresent() || callback.code().isEmpty()) {
            String error = callback.error().filter(e -> PROVIDER_ERROR.matcher(e).matches()).orElse("other");
            return refuse(Refusal.PROVIDER_ERROR, provider, linking, flow.linkUserId(), client, Map.of("providerError", error));
        }
        OidcClient.VerifiedIdentity identity;
        try {
            identity = clients.get(provider).redeem(callback.code().get(), flow.codeVerifier(), callbackUri(provider), flow.nonce());
        } catch (OidcClient.Rejected e) {
            LOG.log(System.Logger.Level.INFO, "{0} sign-in refused: {1}", provider.code(), e.getMessage());
            return refuse(e.refusal(), provider, linking, flow.linkUserId(), client, Map.of());
        } catch (OidcClient.ProviderUnavailable e) {
            return refuse(Refusal.PROVIDER_UNAVAILABLE, provider, linking, flow.linkUserId(), client, Map.of());
        }
        return linking
                ? awaitConfirmation(flow, identity, client)
                : signIn(provider, identity, Optional.ofNullable(flow.timeZone()), client);
    }

    private Step signIn(IdentityProvider provider, OidcClient.VerifiedIdentity identity, Optional<String> timeZone,
                        ClientInfo client) {
        Optional<ExternalIdentity> known = identities.find(provider, identity.subject());
        if (known.isPresent()) {
            UUID userId = known.get().userId();
            Optional<User> user = accounts.effectiveRole(userId).flatMap(role -> accounts.user(userId));
            if (user.isEmpty()) {
                return refuse(Refusal.ACCOUNT_UNAVAILABLE, provider, false, userId, client, Map.of());
            }
            identities.markUsed(known.get().id(), identity.email().orElse(null), clock.instant());
            return signedIn(user.get(), provider, false, client);
        }
        if (identity.email().isEmpty() || !identity.emailVerified()) {
            return refuse(Refusal.EMAIL_UNVERIFIED, provider, false, null, client, Map.of());
        }
        String email = identity.email().get();
        Optional<User> owner = accounts.userByEmail(email);
        if (owner.isPresent()) {
            return refuse(Refusal.ACCOUNT_EXISTS, provider, false, owner.get().id(), client, Map.of());
        }
        Optional<User> created;
        try {
            created = Optional.of(Transactions.inTransaction(db, tx -> {
                User user = accounts.registerWithoutPassword(tx, email, identity.name().orElse(null), timeZone.orElse(null),
                        client, Map.of("provider", provider.code())).orElseThrow(EmailTaken::new);
                identities.insert(tx, new ExternalIdentity(UUID.randomUUID(), user.id(), provider, identity.subject(), email,
                        clock.instant().truncatedTo(ChronoUnit.MICROS), clock.instant().truncatedTo(ChronoUnit.MICROS)));
                return user;
            }));
        } catch (EmailTaken e) {
            created = Optional.empty(); // signed up with that email a moment ago: the same rule as an existing account
        }
        if (created.isEmpty()) {
            return refuse(Refusal.ACCOUNT_EXISTS, provider, false, accounts.userByEmail(email).map(User::id).orElse(null),
                    client, Map.of());
        }
        return signedIn(created.get(), provider, true, client);
    }

    /** Rolls back the new account's transaction when its email was taken between the check and the insert. */
    private static final class EmailTaken extends RuntimeException {
        EmailTaken() {
            super(null, null, false, false);
        }
    }

    /** The provider proved the first factor; the account's own second factor, if it has one, still applies. */
    private Step signedIn(User user, IdentityProvider provider, boolean created, ClientInfo client) {
        Map<String, String> details = new HashMap<>();
        details.put("provider", provider.code());
        if (created) {
            details.put("accountCreated", "true");
        }
        AccountService.AuthResult result = accounts.signInAfterFirstFactor(user, client, details);
        return result.session().<Step>map(SignedIn::new)
                .orElseGet(() -> new SecondFactorNeeded(result.mfaChallenge().orElseThrow()));
    }

    /** The provider's identity, kept until the session that asked for the link confirms it. */
    private Step awaitConfirmation(PendingSignIns.Flow flow, OidcClient.VerifiedIdentity identity, ClientInfo client) {
        UUID userId = flow.linkUserId();
        IdentityProvider provider = flow.provider();
        Optional<Refusal> refusal = linkRefusal(userId, provider, identity.subject());
        if (refusal.isPresent()) {
            return refuse(refusal.get(), provider, true, userId, client, Map.of());
        }
        if (identities.find(provider, identity.subject()).isPresent()) {
            return new Linked(provider); // linked to this account already: doing it again changes nothing
        }
        return new ConfirmLink(pending.savePendingLink(new PendingSignIns.PendingLink(userId, flow.linkSessionId(), provider,
                identity.subject(), identity.email().orElse(null))));
    }

    /** Why this identity cannot be linked to the account, if it cannot; checked after the provider and again at confirmation. */
    private Optional<Refusal> linkRefusal(UUID userId, IdentityProvider provider, String subject) {
        if (accounts.effectiveRole(userId).isEmpty()) {
            return Optional.of(Refusal.ACCOUNT_UNAVAILABLE);
        }
        Optional<ExternalIdentity> known = identities.find(provider, subject);
        if (known.isPresent()) {
            return known.get().userId().equals(userId) ? Optional.empty() : Optional.of(Refusal.IDENTITY_IN_USE);
        }
        return identities.hasProvider(userId, provider) ? Optional.of(Refusal.PROVIDER_ALREADY_LINKED) : Optional.empty();
    }

    private Refused refuse(Refusal refusal, IdentityProvider provider, boolean linking, UUID subject, ClientInfo client,
                           Map<String, String> extra) {
        Map<String, String> details = new HashMap<>(extra);
        details.put("provider", provider.code());
        details.put("reason", refusal.reason());
        audit.record(AuditEvent.against(linking ? AuditAction.IDENTITY_LINK_FAILED : AuditAction.OIDC_SIGN_IN_FAILED,
                refusal.outcome(), subject, client, details));
        return new Refused(refusal, linking);
    }

    // ---- What the signed-in person manages through GraphQL -----------------------------------------------------

    public List<ExternalIdentity> identities(UUID userId) {
        return identities.list(userId);
    }

    public Optional<ExternalIdentity> identity(UUID userId, UUID id) {
        return identities.find(userId, id);
    }

    /**
     * Where the browser goes to link an identity, and the intent's token for that browser's link cookie; or why there
     * is neither. The URL alone links nothing: opened in another browser, it finds no intent.
     */
    public record LinkStart(Optional<String> url, Optional<String> intentToken, List<UserError> errors) {
        static LinkStart refused(UserError error) {
            return new LinkStart(Optional.empty(), Optional.empty(), List.of(error));
        }
    }

    public LinkStart startLink(UUID userId, UUID session, IdentityProvider provider) {
        if (!clients.containsKey(provider)) {
            return LinkStart.refused(new UserError("provider",
                    "Signing in with " + provider.displayName() + " is not available here.", UserError.Code.INVALID));
        }
        if (identities.hasProvider(userId, provider)) {
            return LinkStart.refused(new UserError("provider", "Your account is already linked to a "
                    + provider.displayName() + " account. Unlink it first to link another.", UserError.Code.ALREADY_EXISTS));
        }
        Optional<UserError> refused = sensitiveChanges.refusalOfNewCredential(userId, session);
        if (refused.isPresent()) {
            return LinkStart.refused(refused.get());
        }
        String token = pending.createLinkIntent(new PendingSignIns.LinkIntent(userId, session, provider));
        return new LinkStart(Optional.of(publicUrl + startPath(provider) + "?" + OidcHttpService.LINK_PARAMETER),
                Optional.of(token), List.of());
    }

    /** What the confirmation page shows: the provider and the email it states for the identity. */
    public record PendingLinkView(IdentityProvider provider, Optional<String> email) {
    }

    /** The link waiting for this session's confirmation under {@code confirmation}; empty for anyone else's. */
    public Optional<PendingLinkView> pendingLink(UUID userId, UUID session, String confirmation) {
        return pending.peekPendingLink(confirmation).filter(link -> isFor(link, userId, session))
                .map(link -> new PendingLinkView(link.provider(), Optional.ofNullable(link.email())));
    }

    /** The identity linked, or why it was not. */
    public record LinkConfirmation(Optional<ExternalIdentity> identity, List<UserError> errors) {
    }

    /**
     * Links the identity the provider vouched for, when the session that started the link confirms it; the owner is
     * mailed. Another account, or another session of the same one, finds nothing to confirm.
     */
    public LinkConfirmation confirmLink(UUID userId, UUID session, String confirmation, ClientInfo client) {
        UserError gone = new UserError("token", "This link request has expired, or was started elsewhere. "
                + "Please start again from your settings.", UserError.Code.EXPIRED);
        Optional<PendingSignIns.PendingLink> taken = pending.peekPendingLink(confirmation)
                .filter(link -> isFor(link, userId, session))
                .flatMap(link -> pending.takePendingLink(confirmation));
        if (taken.isEmpty()) {
            audit.record(AuditEvent.bySelf(AuditAction.IDENTITY_LINK_FAILED, AuditEvent.Outcome.DENIED, userId, client,
                    Map.of("reason", "confirmation_invalid")));
            return new LinkConfirmation(Optional.empty(), List.of(gone));
        }
        PendingSignIns.PendingLink link = taken.get();
        Optional<Refusal> refusal = linkRefusal(userId, link.provider(), link.subject());
        if (refusal.isPresent()) {
            refuse(refusal.get(), link.provider(), true, userId, client, Map.of());
            return new LinkConfirmation(Optional.empty(), List.of(new UserError("token", refusal.get() == Refusal.IDENTITY_IN_USE
                    ? "That " + link.provider().displayName() + " account is already linked to another account here."
                    : "Your account can't be linked to that " + link.provider().displayName() + " account now.",
                    UserError.Code.INVALID)));
        }
        Optional<ExternalIdentity> already = identities.find(link.provider(), link.subject());
        if (already.isPresent()) {
            return new LinkConfirmation(already, List.of());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ExternalIdentity identity = new ExternalIdentity(UUID.randomUUID(), userId, link.provider(), link.subject(),
                link.email(), now, null);
        Transactions.inTransaction(db, tx -> {
            identities.insert(tx, identity);
            audit.record(tx, AuditEvent.bySelf(AuditAction.IDENTITY_LINKED, AuditEvent.Outcome.SUCCESS, userId, client,
                    Map.of("provider", link.provider().code())));
            sensitiveChanges.tellOwner(tx, userId, link.email() == null
                            ? MailText.of("securityChange.identityLinked", link.provider().displayName())
                            : MailText.of("securityChange.identityLinkedWithEmail", link.provider().displayName(), link.email()),
                    "identity-linked:" + identity.id());
            return null;
        });
        return new LinkConfirmation(Optional.of(identity), List.of());
    }

    private static boolean isFor(PendingSignIns.PendingLink link, UUID userId, UUID session) {
        return link.userId().equals(userId) && link.sessionId().equals(session);
    }

    /** What a password reset leaves for the person to check: every identity that signs in to the account. */
    public List<MailText> afterPasswordReset(DbExecute tx, UUID userId) {
        return identities.list(tx, userId).stream()
                .map(i -> i.email() == null
                        ? MailText.of("passwordWasReset.identity", i.provider().displayName())
                        : MailText.of("passwordWasReset.identityWithEmail", i.provider().displayName(), i.email()))
                .toList();
    }

    /** The identity removed, or why it was not. */
    public record Unlinked(Optional<ExternalIdentity> identity, List<UserError> errors) {
    }

    /**
     * Removes one of the person's identities, unless it is their last way to sign in: an account without a password
     * keeps at least one. The account row stays locked while deciding, so two unlinks at once cannot both pass.
     */
    public Unlinked unlink(UUID userId, UUID identityId, ClientInfo client) {
        Optional<ExternalIdentity> identity = identities.find(userId, identityId);
        if (identity.isEmpty()) {
            return new Unlinked(Optional.empty(), List.of(new UserError("id", "No such linked account.", UserError.Code.NOT_FOUND)));
        }
        Map<String, String> details = Map.of("provider", identity.get().provider().code());
        return Transactions.inTransaction(db, tx -> {
            if (!accounts.hasPassword(tx, userId) && identities.count(tx, userId) <= 1) {
                audit.record(tx, AuditEvent.bySelf(AuditAction.IDENTITY_UNLINKED, AuditEvent.Outcome.DENIED, userId, client,
                        Map.of("provider", identity.get().provider().code(), "reason", "last_sign_in_method")));
                return new Unlinked(Optional.empty(), List.of(new UserError("id", "This is the only way you can sign in. "
                        + "Set a password or link another account before removing it.", UserError.Code.INVALID)));
            }
            if (!identities.delete(tx, userId, identityId)) {
                return new Unlinked(Optional.empty(), List.of(new UserError("id", "No such linked account.", UserError.Code.NOT_FOUND)));
            }
            audit.record(tx, AuditEvent.bySelf(AuditAction.IDENTITY_UNLINKED, AuditEvent.Outcome.SUCCESS, userId, client, details));
            return new Unlinked(identity, List.of());
        });
    }
}
