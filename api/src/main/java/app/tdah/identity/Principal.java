package app.tdah.identity;

import java.util.UUID;

/** Who a request acts for, as proven by its access token. */
public record Principal(UUID userId, String role) {
}
