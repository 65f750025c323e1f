package app.tdah.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Function;

import app.tdah.errors.BadArgument;

/** Cursors are opaque to clients: base64url of a short text only the server reads. */
final class Cursors {

    private Cursors() {
    }

    static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor read by {@code read}; anything it cannot read is a {@link BadArgument}. */
    static <C> C decode(String cursor, Function<String, C> read) {
        try {
            return read.apply(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new BadArgument("Invalid cursor");
        }
    }
}
