package app.tdah.identity;

import java.util.Optional;

/**
 * The role an account has now, or empty when it is deactivated or gone or when the principal's session has ended
 * (signed out, revoked, reset): read on every request, never from a token.
 */
@FunctionalInterface
public interface EffectiveRoles {
    Optional<Role> of(Principal principal);
}
