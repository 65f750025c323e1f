package app.tdah.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import app.tdah.identity.ClientInfo;
import app.tdah.identity.EffectiveRoles;
import app.tdah.identity.Principal;
import app.tdah.identity.Role;

import io.helidon.http.SetCookie;

/**
 * What a data fetcher knows of the HTTP request it serves: who is signed in, where the request came from, the
 * refresh cookie, and the cookies to set on the response.
 */
public final class RequestContext {

    private record CurrentRole(Optional<Role> role) {
    }

    private final Optional<Principal> principal;
    private final EffectiveRoles roles;
    private final ClientInfo client;
    private final Optional<String> refreshCookie;
    private final List<SetCookie> cookiesToSet = new ArrayList<>();
    private final Map<Class<?>, Object> cache = new ConcurrentHashMap<>();

    /** {@code principal} as its access token proves it; {@code roles} says whether it still acts, and as what. */
    public RequestContext(Optional<Principal> principal, ClientInfo client, Optional<String> refreshCookie, EffectiveRoles roles) {
        this.principal = principal;
        this.roles = roles;
        this.client = client;
        this.refreshCookie = refreshCookie;
    }

    /**
     * Who the request acts for: empty when anonymous, and when the token's account is deactivated or gone or its
     * session has ended, however much time the token itself has left.
     */
    public Optional<Principal> principal() {
        return role().isPresent() ? principal : Optional.empty();
    }

    /**
     * The role the principal acts with now, read at most once per request (the one lookup that also checks the
     * session is live); empty when anonymous, deactivated or signed out.
     */
    public Optional<Role> role() {
        return principal.flatMap(p -> cached(CurrentRole.class, () -> new CurrentRole(roles.of(p))).role());
    }

    /**
     * The signed-in person whose data a field reads or changes: the one way a fetcher learns it. Only under a field
     * marked {@code @auth}, which {@link Authorization} has already refused to anyone not signed in.
     */
    public UUID owner() {
        return principal.map(Principal::userId)
                .orElseThrow(() -> new IllegalStateException("owner() outside an @auth field: nobody is signed in"));
    }

    /**
     * The session (refresh-token family) the signed-in person's access token was issued to, which {@link #role()} found
     * live. Only under a field marked {@code @auth}, as {@link #owner()}.
     */
    public UUID session() {
        return principal.map(Principal::sessionId)
                .orElseThrow(() -> new IllegalStateException("session() outside an @auth field: nobody is signed in"));
    }

    public ClientInfo client() {
        return client;
    }

    public Optional<String> refreshCookie() {
        return refreshCookie;
    }

    /** A value computed at most once per request, such as the person's time zone. */
    public <T> T cached(Class<T> key, Supplier<T> compute) {
        return key.cast(cache.computeIfAbsent(key, k -> compute.get()));
    }

    public void setCookie(SetCookie cookie) {
        cookiesToSet.add(cookie);
    }

    List<SetCookie> cookiesToSet() {
        return cookiesToSet;
    }
}
