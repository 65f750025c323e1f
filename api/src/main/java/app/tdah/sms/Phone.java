package app.tdah.sms;

import java.time.Instant;

/**
 * A person's phone: the number, when it was verified (null while a code is pending), and until when the last code
 * sent to it works.
 */
public record Phone(String e164, Instant verifiedAt, Instant codeExpiresAt) {

    public boolean verified() {
        return verifiedAt != null;
    }
}
