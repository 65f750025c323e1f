package app.tdah.accounts.recovery;

import java.time.Duration;

/** What a one-time link does, how long it stays valid, and the SPA page that opens it. */
enum TokenPurpose {
    /** Proves the person receives mail at their account's address. */
    VERIFY_EMAIL(Duration.ofHours(24), "/verify-email"),
    /** Proves the person receives mail at a new address, which becomes the account's when the link is opened. */
    CHANGE_EMAIL(Duration.ofHours(24), "/verify-email"),
    /** Lets the person choose a new password without the old one. */
    RESET_PASSWORD(Duration.ofMinutes(30), "/reset-password");

    private final Duration validity;
    private final String page;

    TokenPurpose(Duration validity, String page) {
        this.validity = validity;
        this.page = page;
    }

    Duration validity() {
        return validity;
    }

    String page() {
        return page;
    }
}
