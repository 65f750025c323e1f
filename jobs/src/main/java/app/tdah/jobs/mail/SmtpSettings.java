package app.tdah.jobs.mail;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * How to reach the mail server.
 *
 * @param user     authenticate as this user when present, with {@code password}
 * @param from     the From address, optionally with a name: {@code Personal Assistant <no-reply@example.org>}
 */
public record SmtpSettings(String host, int port, Security security, Optional<String> user, String password, String from,
                           Duration connectTimeout, Duration readTimeout) {

    public enum Security {
        /** Plain SMTP, for a relay on the same machine. */
        NONE(25),
        /** Upgrade to TLS after connecting, and refuse to go on without it (submission port). */
        STARTTLS(587),
        /** TLS from the first byte (implicit TLS, "smtps"). */
        TLS(465);

        private final int defaultPort;

        Security(int defaultPort) {
            this.defaultPort = defaultPort;
        }

        public int defaultPort() {
            return defaultPort;
        }

        public static Security parse(String value) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("PA_SMTP_SECURITY: unknown value '" + value + "' (use none, starttls or tls)");
            }
        }
    }

    /** Never prints the password: settings end up in logs and exception messages. */
    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", security=" + security + ", user=" + user.orElse("(none)")
                + ", password=" + (password.isEmpty() ? "(none)" : "****") + ", from=" + from
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }
}
