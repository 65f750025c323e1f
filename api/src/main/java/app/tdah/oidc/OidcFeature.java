package app.tdah.oidc;

import static app.tdah.platform.ConfigValues.nonBlank;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import app.tdah.accounts.AccountsFeature;
import app.tdah.platform.ConfigValues;
import app.tdah.wiring.Feature;
import app.tdah.wiring.Foundation;

import io.helidon.config.Config;

/** Sign in with Google or Microsoft (OpenID Connect), and linking those identities to an account. */
public final class OidcFeature {

    private OidcFeature() {
    }

    public static Feature create(Foundation foundation, AccountsFeature accounts) {
        ProviderSignIn signIn = ProviderSignIn.create(providers(foundation.config().get("oidc")), foundation.redis(),
                foundation.redisKeyPrefix(), accounts.accounts(), accounts.sensitiveChanges(), foundation.audit(),
                foundation.db(), foundation.publicUrl(), foundation.clock());
        accounts.onPasswordReset(signIn::afterPasswordReset);
        return Feature.builder()
                .graphQl(new OidcGraphQl(signIn, accounts.secureCookie()))
                .route(OidcHttpService.ROOT, new OidcHttpService(signIn, new StartLimit(foundation.coordination(),
                        foundation.config().get("oidc.start.ip.per.hour").asInt().get()), accounts.secureCookie()))
                .build();
    }

    /**
     * The providers with a client id under {@code pa.oidc.NAME}; one without is off. A client id without its secret
     * stops start-up.
     */
    static List<OidcProviderSettings> providers(Config oidc) {
        List<OidcProviderSettings> enabled = new ArrayList<>();
        for (IdentityProvider provider : IdentityProvider.values()) {
            String name = provider.code();
            Config node = oidc.get(name);
            Optional<String> clientId = nonBlank(node.get("client.id"));
            if (clientId.isEmpty()) {
                continue;
            }
            String variable = "PA_OIDC_" + name.toUpperCase(Locale.ROOT);
            String secret = nonBlank(node.get("client.secret")).orElseThrow(() -> new IllegalStateException(
                    variable + "_CLIENT_SECRET is not set: sign-in with " + name + " needs the client secret of "
                            + variable + "_CLIENT_ID."));
            String issuer = nonBlank(node.get("issuer")).orElseThrow(() -> new IllegalStateException(
                    variable + "_ISSUER is empty: set the provider's issuer URL."));
            enabled.add(new OidcProviderSettings(name, ConfigValues.url(issuer), clientId.get(), secret));
        }
        return List.copyOf(enabled);
    }
}
