package app.tdah.accounts;

/** Where a request came from, kept with sessions (and, later, security events). */
public record ClientInfo(String ip, String userAgent) {
}
