package app.tdah.integrations;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import app.tdah.identity.ClientInfo;
import app.tdah.web.BrowserBinding;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code GET /oauth/{provider}/callback}: where the provider sends the browser back after its consent screen. Always
 * answers with a redirect to the SPA's {@value #INTEGRATIONS_PAGE}{@code ?provider=google&result=RESULT}, the result
 * being {@code granted}, {@code partial} (fewer capabilities than asked), {@code denied} or {@code error}.
 */
public final class OAuthCallbackHttpService implements HttpService {

    public static final String ROOT = "/oauth";
    static final String INTEGRATIONS_PAGE = "/settings/integrations";
    private static final System.Logger LOG = System.getLogger(OAuthCallbackHttpService.class.getName());

    private final IntegrationService integrations;
    private final boolean secureCookie;

    public OAuthCallbackHttpService(IntegrationService integrations, boolean secureCookie) {
        this.integrations = integrations;
        this.secureCookie = secureCookie;
    }

    /** The cookie that ties a connection to the browser that asked for it, one per provider so two can run at once. */
    static BrowserBinding binding(Provider provider, boolean secureCookie) {
        return new BrowserBinding("pa_oauth_" + provider.code(), ROOT + "/" + provider.code(), secureCookie,
                PendingConnections.LIFETIME);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/{provider}/callback", this::callback)
                .any((req, res) -> res.status(Status.NOT_FOUND_404).send());
    }

    private void callback(ServerRequest req, ServerResponse res) {
        Optional<Provider> provider = Provider.ofCode(req.path().pathParameters().get("provider"));
        if (provider.isEmpty()) {
            res.status(Status.NOT_FOUND_404).send();
            return;
        }
        BrowserBinding binding = binding(provider.get(), secureCookie);
        res.headers().addCookie(binding.cleared());
        IntegrationService.Callback callback = new IntegrationService.Callback(req.query().first("state").asOptional(),
                req.query().first("code").asOptional(), req.query().first("error").asOptional());
        IntegrationService.Outcome outcome;
        try {
            outcome = integrations.finish(provider.get(), callback, binding.presented(req), ClientInfo.of(req));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Connecting " + provider.get().code() + " failed", e);
            outcome = new IntegrationService.Failed(provider.get(), "internal_error");
        }
        res.status(Status.FOUND_302)
                .header(HeaderNames.LOCATION, INTEGRATIONS_PAGE + "?provider=" + outcome.provider().code()
                        + "&result=" + URLEncoder.encode(outcome.result(), StandardCharsets.UTF_8))
                .header(HeaderNames.CACHE_CONTROL, "no-store")
                .send();
    }
}
