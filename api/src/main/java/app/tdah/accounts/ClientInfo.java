package app.tdah.accounts;

/** Where a request came from, kept with sessions and security events. */
public record ClientInfo(String ip, String userAgent) {

    /** For work no request started, such as a background job. */
    public static final ClientInfo UNKNOWN = new ClientInfo(null, null);
}
