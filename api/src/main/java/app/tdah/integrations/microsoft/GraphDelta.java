package app.tdah.integrations.microsoft;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import app.tdah.integrations.sync.Page;
import app.tdah.integrations.sync.Position;
import app.tdah.integrations.sync.ProviderException;
import app.tdah.integrations.sync.ProviderHttp;

/**
 * Microsoft Graph delta queries: a first request, then {@code @odata.nextLink} page by page to an
 * {@code @odata.deltaLink}, the next sync's start. Cursors here are "windowStart link": the instant the first request
 * was made for (so a sync can tell when its calendar window needs moving on) and the link.
 */
final class GraphDelta {

    private GraphDelta() {
    }

    /** A cursor or page cursor: when its delta started, and the link to follow. */
    record Cursor(Instant windowStart, String link) {
        static Cursor parse(String value) throws ProviderException.Malformed {
            int space = value.indexOf(' ');
            try {
                return new Cursor(Instant.parse(value.substring(0, space)), value.substring(space + 1));
            } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
                throw new ProviderException.Malformed("an unreadable stored delta cursor", e);
            }
        }

        String format() {
            return windowStart + " " + link;
        }
    }

    /** The request a sync at {@code position} makes next, or empty when it starts afresh. */
    static java.util.Optional<Cursor> resumeFrom(Position position) throws ProviderException.Malformed {
        if (position.pageCursor() != null) {
            return java.util.Optional.of(Cursor.parse(position.pageCursor()));
        }
        return position.full() ? java.util.Optional.empty() : java.util.Optional.of(Cursor.parse(position.cursor()));
    }

    static URI follow(ProviderHttp http, Cursor cursor) throws ProviderException.Malformed {
        return http.link(cursor.link());
    }

    static Page.Next next(Instant windowStart, String nextLink, String deltaLink) throws ProviderException.Malformed {
        if (nextLink != null) {
            return new Page.More(new Cursor(windowStart, nextLink).format());
        }
        if (deltaLink == null) {
            throw new ProviderException.Malformed("a last delta page without @odata.deltaLink", null);
        }
        return new Page.Done(new Cursor(windowStart, deltaLink).format());
    }
}
