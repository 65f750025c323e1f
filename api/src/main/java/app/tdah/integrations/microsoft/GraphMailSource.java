package app.tdah.integrations.microsoft;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import app.tdah.integrations.sync.ChangeSource;
import app.tdah.integrations.sync.MailHeader;
import app.tdah.integrations.sync.Page;
import app.tdah.integrations.sync.Position;
import app.tdah.integrations.sync.ProviderException;
import app.tdah.integrations.sync.ProviderHttp;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Inbox and sent mail headers from Outlook through {@code /me/mailFolders/inbox/messages/delta} and
 * {@code /me/mailFolders/sentitems/messages/delta}, selecting only sender, recipients, subject, date, read flag,
 * categories and the preview Graph computes (never the body). Sent ones are kept for who the person writes to (whose
 * unread mail the digest lists). Messages that leave a folder or are deleted come as {@code @removed}; those older
 * than {@code window} are not kept.
 *
 * <p>Each sync reads the inbox's delta to its end, then the sent items' delta. The stored cursor is both delta links
 * (one a line; a cursor of one line is the inbox's alone, from before sent items were read: their delta starts
 * afresh); an unfinished sync's page cursor says which folder it is in, where that folder's next page is and where
 * the other folder's delta stands.
 */
public final class GraphMailSource implements ChangeSource<MailHeader> {

    private static final String SELECT = "/messages/delta?$select="
            + "subject,from,toRecipients,receivedDateTime,isRead,bodyPreview,categories,webLink,conversationId";
    private static final String[] PREFER = {"Prefer", "odata.maxpagesize=200"};
    /** Stands for "no delta yet" in a page cursor: the folder's next request is its first. */
    private static final String NONE = "-";

    /** The folders read, in order, with the path of each one's first delta request. */
    private enum Folder {
        INBOX("/v1.0/me/mailFolders/inbox", MailHeader.Folder.INBOX),
        SENTITEMS("/v1.0/me/mailFolders/sentitems", MailHeader.Folder.SENT);

        final String first;
        final MailHeader.Folder kept;

        Folder(String path, MailHeader.Folder kept) {
            this.first = path + SELECT;
            this.kept = kept;
        }
    }

    private final ProviderHttp http;
    private final Duration window;
    private final Clock clock;

    public GraphMailSource(ProviderHttp http, Duration window, Clock clock) {
        this.http = http;
        this.window = window;
        this.clock = clock;
    }

    record Delta(List<Message> value, @JsonProperty("@odata.nextLink") String nextLink,
                 @JsonProperty("@odata.deltaLink") String deltaLink) {
    }

    record Message(String id, String conversationId, String subject, Recipient from, List<Recipient> toRecipients,
                   String receivedDateTime, Boolean isRead, String bodyPreview, List<String> categories, String webLink,
                   @JsonProperty("@removed") Map<String, Object> removed) {
    }

    record Recipient(EmailAddress emailAddress) {
    }

    record EmailAddress(String name, String address) {
    }

    /**
     * Where a sync stands: the folder being read, the link of its next request (null: its first request) and the
     * other folder's delta (the inbox's, finished, while reading sent items; the sent items' stored one while reading
     * the inbox; null: none yet).
     */
    private record Progress(Folder folder, GraphDelta.Cursor next, GraphDelta.Cursor other) {

        static Progress of(Position position) throws ProviderException.Malformed {
            if (position.pageCursor() != null && position.pageCursor().indexOf('\n') < 0) {
                // An inbox sync left unfinished before sent items were read: the inbox's next page; theirs start afresh.
                return new Progress(Folder.INBOX, GraphDelta.Cursor.parse(position.pageCursor()), stored(position, 1));
            }
            if (position.pageCursor() != null) {
                String[] parts = position.pageCursor().split("\n", -1);
                if (parts.length != 3) {
                    throw new ProviderException.Malformed("an unreadable stored mail page cursor", null);
                }
                Folder folder;
                try {
                    folder = Folder.valueOf(parts[0]);
                } catch (IllegalArgumentException e) {
                    throw new ProviderException.Malformed("an unreadable stored mail page cursor", e);
                }
                return new Progress(folder, cursor(parts[1]), cursor(parts[2]));
            }
            if (position.full()) {
                return new Progress(Folder.INBOX, null, null);
            }
            return new Progress(Folder.INBOX, stored(position, 0), stored(position, 1));
        }

        /** One folder's delta link in the stored cursor (0: the inbox, 1: sent items); null when there is none. */
        private static GraphDelta.Cursor stored(Position position, int folder) throws ProviderException.Malformed {
            if (position.full() || position.cursor() == null) {
                return null;
            }
            String[] parts = position.cursor().split("\n", -1);
            return parts.length > folder ? GraphDelta.Cursor.parse(parts[folder]) : null;
        }

        private static GraphDelta.Cursor cursor(String value) throws ProviderException.Malformed {
            return value.equals(NONE) ? null : GraphDelta.Cursor.parse(value);
        }

        private static String format(GraphDelta.Cursor cursor) {
            return cursor == null ? NONE : cursor.format();
        }

        String pageCursor() {
            return folder.name() + "\n" + format(next) + "\n" + format(other);
        }
    }

    @Override
    public Page<MailHeader> page(String accessToken, Position position) throws ProviderException {
        Progress progress = Progress.of(position);
        Instant started = progress.next() == null ? clock.instant() : progress.next().windowStart();
        java.net.URI uri = progress.next() == null ? http.url(progress.folder().first) : GraphDelta.follow(http, progress.next());
        Delta delta = http.get(accessToken, uri, Delta.class, PREFER);
        Instant oldest = clock.instant().minus(window);
        List<MailHeader> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (Message m : delta.value() == null ? List.<Message>of() : delta.value()) {
            if (m.id() == null) {
                throw new ProviderException.Malformed("a message without an id", null);
            }
            Instant received = m.removed() == null ? received(m) : null;
            if (received == null || received.isBefore(oldest)) {
                removed.add(m.id());
            } else {
                changed.add(header(m, received, progress.folder().kept));
            }
        }
        return new Page<>(changed, removed, next(progress, GraphDelta.next(started, delta.nextLink(), delta.deltaLink())));
    }

    /** The inbox's end goes on to the sent items; theirs ends the sync with both delta links. */
    private static Page.Next next(Progress progress, Page.Next inFolder) throws ProviderException.Malformed {
        return switch (inFolder) {
            case Page.More more -> new Page.More(new Progress(progress.folder(), GraphDelta.Cursor.parse(more.pageCursor()),
                    progress.other()).pageCursor());
            case Page.Done done -> progress.folder() == Folder.INBOX
                    ? new Page.More(new Progress(Folder.SENTITEMS, progress.other(), GraphDelta.Cursor.parse(done.cursor())).pageCursor())
                    : new Page.Done(progress.other().format() + "\n" + done.cursor());
        };
    }

    private static MailHeader header(Message m, Instant received, MailHeader.Folder folder) {
        EmailAddress from = m.from() == null ? null : m.from().emailAddress();
        String to = m.toRecipients() == null ? null : m.toRecipients().stream()
                .map(Recipient::emailAddress)
                .filter(java.util.Objects::nonNull)
                .map(a -> a.name() == null || a.name().isBlank() ? a.address() : a.name() + " <" + a.address() + ">")
                .collect(Collectors.joining(", "));
        boolean unread = !Boolean.TRUE.equals(m.isRead());
        return new MailHeader(m.id(), m.conversationId(), from == null ? null : from.name(), from == null ? null : from.address(),
                to, m.subject(), received, m.categories() == null ? List.of() : List.copyOf(m.categories()), m.bodyPreview(),
                unread, m.webLink(), folder);
    }

    private static Instant received(Message m) throws ProviderException.Malformed {
        try {
            return OffsetDateTime.parse(m.receivedDateTime()).toInstant();
        } catch (DateTimeException | NullPointerException e) {
            throw new ProviderException.Malformed("message " + m.id() + " without a readable receivedDateTime", e);
        }
    }
}
