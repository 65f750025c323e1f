package app.tdah.oidc;

import java.net.URI;

/**
 * A sign-in provider (Google, Microsoft) this server offers: where its discovery document is (the issuer URL, to
 * which {@code /.well-known/openid-configuration} is added) and this server's client registration with it.
 */
public record OidcProviderSettings(String name, URI issuer, String clientId, String clientSecret) {

    @Override
    public String toString() {
        return "OidcProviderSettings[name=" + name + ", issuer=" + issuer + ", clientId=" + clientId + "]";
    }
}
