package app.tdah.oidc;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import app.tdah.identity.ClientInfo;
import app.tdah.accounts.RefreshCookie;
import app.tdah.web.BrowserBinding;
import app.tdah.web.CookieNames;

import io.helidon.http.HeaderNames;
import io.helidon.http.SetCookie;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The browser's round trip through a provider: {@code GET /auth/oidc/{provider}/start} sends it to the provider's
 * sign-in page and {@code GET /auth/oidc/{provider}/callback} receives it back. Both answer with redirects: to the
 * provider, to the SPA's {@value #AFTER_SIGN_IN} with the refresh cookie set (the SPA then calls refreshSession), to
 * {@value #SIGN_IN_PAGE}{@code ?mfaChallenge=...} when the account asks for a code (the SPA then calls verifyMfa), to
 * {@value #SETTINGS_PAGE}{@code ?confirmLink=TOKEN} when a link waits for the person's confirmation (the SPA shows
 * it and calls confirmIdentityLink), {@value #SETTINGS_PAGE}{@code ?linked=PROVIDER} when the identity was linked
 * already, or to {@value #SIGN_IN_PAGE} (or the settings page, for a link) with {@code ?error=CODE} when refused.
 */
public final class OidcHttpService implements HttpService {

    public static final String ROOT = "/auth/oidc";
    static final String SIGN_IN_PAGE = "/signin";
    static final String AFTER_SIGN_IN = "/today";
    static final String SETTINGS_PAGE = "/settings";
    /** Ties a flow to the browser that started it, so a callback URL planted in someone else's browser does not sign them in. */
    static final String BINDING_COOKIE = "pa_oidc";
    /**
     * Carries a link intent from startIdentityLink (a GraphQL answer to the SPA) to {@code /start?link} in the same
     * browser: Strict, since that navigation is the site's own, and never in a URL that could be handed to someone.
     */
    static final String LINK_COOKIE = "pa_oidc_link";
    /** The start URL's query parameter that says the flow links an identity rather than signing in. */
    static final String LINK_PARAMETER = "link";
    private static final int MAX_TIME_ZONE_LENGTH = 64;
    private static final System.Logger LOG = System.getLogger(OidcHttpService.class.getName());

    private final ProviderSignIn signIn;
    private final StartLimit startLimit;
    private final RefreshCookie refreshCookie;
    private final BrowserBinding binding;
    private final boolean secureCookie;

    public OidcHttpService(ProviderSignIn signIn, StartLimit startLimit, boolean secureCookie) {
        this.signIn = signIn;
        this.startLimit = startLimit;
        this.secureCookie = secureCookie;
        this.refreshCookie = new RefreshCookie(secureCookie);
        this.binding = new BrowserBinding(BINDING_COOKIE, ROOT, secureCookie, PendingSignIns.FLOW_LIFETIME);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/{provider}/start", this::start)
                .get("/{provider}/callback", this::callback)
                .any((req, res) -> res.status(Status.NOT_FOUND_404).send());
    }

    private void start(ServerRequest req, ServerResponse res) {
        Optional<IdentityProvider> provider = provider(req);
        if (provider.isEmpty()) {
            res.status(Status.NOT_FOUND_404).send();
            return;
        }
        Optional<String> timeZone = req.query().first("timeZone").asOptional().filter(z -> z.length() <= MAX_TIME_ZONE_LENGTH);
        boolean linking = req.query().contains(LINK_PARAMETER);
        ClientInfo client = ClientInfo.of(req);
        if (!startLimit.admit(client.ip())) {
            // Not audited: a flood of starts would otherwise become a flood of audit rows.
            redirect(res, (linking ? SETTINGS_PAGE : SIGN_IN_PAGE) + "?error=" + StartLimit.ERROR_CODE);
            return;
        }
        Optional<String> linkIntent = req.headers().cookies().first(CookieNames.secureOnly(LINK_COOKIE, secureCookie)).asOptional();
        if (linking) {
            // The intent works once whatever happens next.
            res.headers().addCookie(linkIntentCookie("", secureCookie).expires(Instant.EPOCH).maxAge(Duration.ZERO).build());
        }
        respond(res, () -> signIn.start(provider.get(), linking, linkIntent, timeZone, client));
    }

    private void callback(ServerRequest req, ServerResponse res) {
        Optional<IdentityProvider> provider = provider(req);
        if (provider.isEmpty()) {
            res.status(Status.NOT_FOUND_404).send();
            return;
        }
        // The flow's cookie has done its work whatever happens next.
        res.headers().addCookie(binding.cleared());
        ProviderSignIn.Callback callback = new ProviderSignIn.Callback(req.query().first("state").asOptional(),
                req.query().first("code").asOptional(), req.query().first("error").asOptional());
        respond(res, () -> signIn.finish(provider.get(), callback, binding.presented(req), ClientInfo.of(req)));
    }

    private void respond(ServerResponse res, Supplier<ProviderSignIn.Step> work) {
        ProviderSignIn.Step step;
        try {
            step = work.get();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Sign-in through a provider failed", e);
            step = new ProviderSignIn.Refused(Refusal.PROVIDER_UNAVAILABLE, false);
        }
        String location = switch (step) {
            case ProviderSignIn.ToProvider to -> {
                res.headers().addCookie(binding.cookie(to.browserBinding()));
                yield to.location().toString();
            }
            case ProviderSignIn.SignedIn in -> {
                res.headers().addCookie(refreshCookie.of(in.session()));
                yield AFTER_SIGN_IN;
            }
            case ProviderSignIn.SecondFactorNeeded mfa -> SIGN_IN_PAGE + "?mfaChallenge="
                    + URLEncoder.encode(mfa.mfaChallenge(), StandardCharsets.UTF_8);
            case ProviderSignIn.Linked linked -> SETTINGS_PAGE + "?linked=" + linked.provider().code();
            case ProviderSignIn.ConfirmLink confirm -> SETTINGS_PAGE + "?confirmLink="
                    + URLEncoder.encode(confirm.confirmation(), StandardCharsets.UTF_8);
            case ProviderSignIn.Refused refused -> (refused.linking() ? SETTINGS_PAGE : SIGN_IN_PAGE)
                    + "?error=" + URLEncoder.encode(refused.refusal().errorCode(), StandardCharsets.UTF_8);
        };
        redirect(res, location);
    }

    private static void redirect(ServerResponse res, String location) {
        res.status(Status.FOUND_302)
                .header(HeaderNames.LOCATION, location)
                .header(HeaderNames.CACHE_CONTROL, "no-store")
                .send();
    }

    /** The cookie that hands a link intent's token to the start of the flow, in this browser only. */
    static SetCookie.Builder linkIntentCookie(String token, boolean secure) {
        return SetCookie.builder(CookieNames.secureOnly(LINK_COOKIE, secure), token)
                .path(ROOT)
                .httpOnly(true)
                .secure(secure)
                .sameSite(SetCookie.SameSite.STRICT);
    }

    private static Optional<IdentityProvider> provider(ServerRequest req) {
        return IdentityProvider.ofCode(req.path().pathParameters().get("provider"));
    }
}
