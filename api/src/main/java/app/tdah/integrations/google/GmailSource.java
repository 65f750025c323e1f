package app.tdah.integrations.google;

import static app.tdah.integrations.google.GoogleCalendarSource.encode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

import app.tdah.integrations.sync.ChangeSource;
import app.tdah.integrations.sync.MailHeader;
import app.tdah.integrations.sync.Page;
import app.tdah.integrations.sync.Position;
import app.tdah.integrations.sync.ProviderException;
import app.tdah.integrations.sync.ProviderHttp;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;

/**
 * Inbox and sent mail headers from Gmail, metadata only ({@code format=metadata}: From, To, Subject, Date, labels,
 * snippet). Sent ones are kept for who the person writes to (whose unread mail the digest lists). A full sync lists
 * the inbox and sent mail of the last {@code days} and reads each message's headers; it starts from the mailbox's
 * historyId taken first, so nothing that changes meanwhile is missed. Later syncs read {@code history.list} from the
 * stored historyId (404: the history expired, a full sync again).
 */
public final class GmailSource implements ChangeSource<MailHeader> {

    private static final String INBOX = "INBOX";
    private static final String SENT = "SENT";
    private static final String METADATA = "?format=metadata&metadataHeaders=From&metadataHeaders=To"
            + "&metadataHeaders=Subject&metadataHeaders=Date";
    /** Message headers read at once within one page. */
    private static final int PARALLEL_READS = 8;

    private final ProviderHttp http;
    private final Duration window;
    private final Clock clock;

    public GmailSource(ProviderHttp http, Duration window, Clock clock) {
        this.http = http;
        this.window = window;
        this.clock = clock;
    }

    record Profile(String historyId) {
    }

    record MessageList(List<MessageRef> messages, String nextPageToken) {
    }

    record MessageRef(String id, String threadId, List<String> labelIds) {
    }

    record HistoryList(List<History> history, String nextPageToken, String historyId) {
    }

    record History(List<Touched> messagesAdded, List<Touched> messagesDeleted, List<Touched> labelsAdded,
                   List<Touched> labelsRemoved) {
    }

    record Touched(MessageRef message) {
    }

    record Message(String id, String threadId, List<String> labelIds, String snippet, String internalDate, Payload payload) {
    }

    record Payload(List<Header> headers) {
    }

    record Header(String name, String value) {
    }

    @Override
    public Page<MailHeader> page(String accessToken, Position position) throws ProviderException {
        return position.full() ? listingPage(accessToken, position) : historyPage(accessToken, position);
    }

    /** A full sync's page cursor is "historyId pageToken": where the next incremental sync starts, and the listing's page. */
    private Page<MailHeader> listingPage(String token, Position position) throws ProviderException {
        String historyId;
        String pageToken = null;
        if (position.pageCursor() == null) {
            historyId = http.get(token, http.url("/gmail/v1/users/me/profile"), Profile.class).historyId();
            if (historyId == null) {
                throw new ProviderException.Malformed("a profile without historyId", null);
            }
        } else {
            String[] parts = position.pageCursor().split(" ", 2);
            historyId = parts[0];
            pageToken = parts.length > 1 ? parts[1] : null;
        }
        long days = Math.max(1, window.toDays());
        MessageList list = http.get(token, http.url("/gmail/v1/users/me/messages?maxResults=500&q="
                + encode("newer_than:" + days + "d {in:inbox in:sent}") + (pageToken == null ? "" : "&pageToken=" + encode(pageToken))),
                MessageList.class);
        List<String> ids = list.messages() == null ? List.of() : list.messages().stream().map(MessageRef::id).toList();
        List<MailHeader> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        read(token, ids, changed, removed);
        Page.Next next = list.nextPageToken() == null ? new Page.Done(historyId) : new Page.More(historyId + " " + list.nextPageToken());
        return new Page<>(changed, removed, next);
    }

    private Page<MailHeader> historyPage(String token, Position position) throws ProviderException {
        HistoryList list;
        try {
            list = http.get(token, http.url("/gmail/v1/users/me/history?maxResults=500&startHistoryId=" + encode(position.cursor())
                    + (position.pageCursor() == null ? "" : "&pageToken=" + encode(position.pageCursor()))), HistoryList.class);
        } catch (ProviderException.Refused refused) {
            if (refused.status() == 404) {
                throw new ProviderException.CursorExpired("Gmail history from " + position.cursor() + " expired");
            }
            throw refused;
        }
        // The last word on each message within this page, in history order: deleted, or its labels now.
        Map<String, Optional<List<String>>> latest = new LinkedHashMap<>();
        for (History h : list.history() == null ? List.<History>of() : list.history()) {
            touch(latest, h.messagesAdded(), false);
            touch(latest, h.labelsAdded(), false);
            touch(latest, h.labelsRemoved(), false);
            touch(latest, h.messagesDeleted(), true);
        }
        List<String> removed = new ArrayList<>();
        List<String> toRead = new ArrayList<>();
        latest.forEach((id, labels) -> {
            if (labels.isEmpty() || !kept(labels.get())) {
                removed.add(id);
            } else {
                toRead.add(id);
            }
        });
        List<MailHeader> changed = new ArrayList<>();
        read(token, toRead, changed, removed);
        if (list.nextPageToken() != null) {
            return new Page<>(changed, removed, new Page.More(list.nextPageToken()));
        }
        if (list.historyId() == null) {
            throw new ProviderException.Malformed("a last history page without historyId", null);
        }
        return new Page<>(changed, removed, new Page.Done(list.historyId()));
    }

    /** In the inbox, or sent by the person. */
    private static boolean kept(List<String> labels) {
        return labels.contains(INBOX) || labels.contains(SENT);
    }

    /** Labels unknown (the record did not carry them) count as "in the inbox": the message is read to find out. */
    private static void touch(Map<String, Optional<List<String>>> latest, List<Touched> touched, boolean deleted) {
        for (Touched t : touched == null ? List.<Touched>of() : touched) {
            if (t.message() == null || t.message().id() == null) {
                continue;
            }
            List<String> labels = t.message().labelIds() == null ? List.of(INBOX) : t.message().labelIds();
            latest.remove(t.message().id());
            latest.put(t.message().id(), deleted ? Optional.empty() : Optional.of(labels));
        }
    }

    /** Reads the headers of {@code ids}, a few at once; a message gone since (404) or neither in the inbox nor sent is removed. */
    private void read(String token, List<String> ids, List<MailHeader> changed, List<String> removed) throws ProviderException {
        Semaphore slots = new Semaphore(PARALLEL_READS);
        List<Future<Optional<MailHeader>>> reads = new ArrayList<>();
        try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String id : ids) {
                reads.add(readers.submit(() -> {
                    slots.acquire();
                    try {
                        return readOne(token, id);
                    } finally {
                        slots.release();
                    }
                }));
            }
            for (int i = 0; i < ids.size(); i++) {
                Optional<MailHeader> header = reads.get(i).get();
                if (header.isPresent() && kept(header.get().labels())) {
                    changed.add(header.get());
                } else {
                    removed.add(ids.get(i));
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ProviderException provider) {
                throw provider;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException.Unreachable("interrupted", e);
        }
    }

    private Optional<MailHeader> readOne(String token, String id) throws ProviderException {
        Message m;
        try {
            m = http.get(token, http.url("/gmail/v1/users/me/messages/" + encode(id) + METADATA), Message.class);
        } catch (ProviderException.Refused refused) {
            if (refused.status() == 404) {
                return Optional.empty();
            }
            throw refused;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (m.payload() != null && m.payload().headers() != null) {
            m.payload().headers().forEach(h -> headers.putIfAbsent(h.name().toLowerCase(java.util.Locale.ROOT), h.value()));
        }
        List<String> labels = m.labelIds() == null ? List.of() : List.copyOf(m.labelIds());
        InternetAddress from = address(headers.get("from"));
        return Optional.of(new MailHeader(m.id(), m.threadId(), from == null ? null : from.getPersonal(),
                from == null ? headers.get("from") : from.getAddress(), headers.get("to"), headers.get("subject"),
                received(m, headers), labels, m.snippet(), labels.contains("UNREAD"),
                "https://mail.google.com/mail/#all/" + m.id(), labels.contains(SENT) ? MailHeader.Folder.SENT : MailHeader.Folder.INBOX));
    }

    private Instant received(Message m, Map<String, String> headers) throws ProviderException.Malformed {
        try {
            return m.internalDate() != null ? Instant.ofEpochMilli(Long.parseLong(m.internalDate()))
                    : headers.containsKey("date") ? new MailDateFormat().parse(headers.get("date")).toInstant() : clock.instant();
        } catch (NumberFormatException | java.text.ParseException e) {
            throw new ProviderException.Malformed("an unreadable date on message " + m.id(), e);
        }
    }

    private static InternetAddress address(String header) {
        if (header == null) {
            return null;
        }
        try {
            InternetAddress[] parsed = InternetAddress.parseHeader(header, false);
            return parsed.length == 0 ? null : parsed[0];
        } catch (AddressException e) {
            return null;
        }
    }
}
