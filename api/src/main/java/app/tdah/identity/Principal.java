package app.tdah.identity;

import java.util.UUID;

/**
 * Who a request acts for, as proven by its access token, and the session (refresh-token family) the token was issued
 * to: ending that session ends the token's use at once.
 */
public record Principal(UUID userId, String role, UUID sessionId) {
}
