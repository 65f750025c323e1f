package app.tdah.identity;

import java.util.Optional;
import java.util.UUID;

/** The role an account has now, or empty when it is deactivated or gone: read on every request, never from a token. */
@FunctionalInterface
public interface EffectiveRoles {
    Optional<Role> of(UUID userId);
}
