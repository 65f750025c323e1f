package app.tdah.integrations;

/** Whether a connection works. Mirrors the GraphQL enum IntegrationStatus. */
public enum IntegrationStatus {
    /** Tokens are held and the provider accepts them. */
    CONNECTED,
    /** The provider refused the refresh token (consent revoked, password changed, token expired): the person connects again. */
    NEEDS_RECONNECT
}
