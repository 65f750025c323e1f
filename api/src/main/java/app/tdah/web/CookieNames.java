package app.tdah.web;

/**
 * The names of this site's cookies, with the prefix browsers enforce when the site is served over https (its public
 * URL is https, TLS ending at this server or at the proxy in front of it):
 * <ul>
 * <li>{@code __Host-}: the browser keeps it only when set Secure, with {@code Path=/} and no {@code Domain}, so no
 * other host (a sibling subdomain, a plain-http page on the network) can set or shadow it: the session cookie, which a
 * planted value would turn into a sign-in to someone else's account;</li>
 * <li>{@code __Secure-}: kept only when set Secure, from a secure page; for the short-lived cookies of a flow, scoped
 * to that flow's paths and compared with a value held on the server.</li>
 * </ul>
 * Over plain http (a developer's {@code http://localhost}) the names carry no prefix and the cookies are not Secure:
 * not every browser keeps a Secure cookie from an http page, and a prefixed name without Secure would be dropped.
 */
public final class CookieNames {

    private CookieNames() {
    }

    /** {@code name} as a host-only cookie's name: {@code __Host-name} when {@code secure}. */
    public static String hostOnly(String name, boolean secure) {
        return secure ? "__Host-" + name : name;
    }

    /** {@code name} as a Secure cookie's name: {@code __Secure-name} when {@code secure}. */
    public static String secureOnly(String name, boolean secure) {
        return secure ? "__Secure-" + name : name;
    }
}
