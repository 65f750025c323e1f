package app.tdah.integrations.microsoft;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import app.tdah.integrations.sync.ChangeSource;
import app.tdah.integrations.sync.MailHeader;
import app.tdah.integrations.sync.Page;
import app.tdah.integrations.sync.Position;
import app.tdah.integrations.sync.ProviderException;
import app.tdah.integrations.sync.ProviderHttp;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Inbox mail headers from Outlook through {@code /me/mailFolders/inbox/messages/delta}, selecting only sender,
 * recipients, subject, date, read flag, categories and the preview Graph computes (never the body). Messages that
 * leave the inbox or are deleted come as {@code @removed}; those older than {@code window} are not kept.
 */
public final class GraphMailSource implements ChangeSource<MailHeader> {

    private static final String FIRST = "/v1.0/me/mailFolders/inbox/messages/delta?$select="
            + "subject,from,toRecipients,receivedDateTime,isRead,bodyPreview,categories,webLink,conversationId";
    private static final String[] PREFER = {"Prefer", "odata.maxpagesize=200"};

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

    @Override
    public Page<MailHeader> page(String accessToken, Position position) throws ProviderException {
        Optional<GraphDelta.Cursor> resume = GraphDelta.resumeFrom(position);
        Instant started = resume.map(GraphDelta.Cursor::windowStart).orElse(clock.instant());
        java.net.URI uri = resume.isPresent() ? GraphDelta.follow(http, resume.get()) : http.url(FIRST);
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
                changed.add(header(m, received));
            }
        }
        return new Page<>(changed, removed, GraphDelta.next(started, delta.nextLink(), delta.deltaLink()));
    }

    private static MailHeader header(Message m, Instant received) {
        EmailAddress from = m.from() == null ? null : m.from().emailAddress();
        String to = m.toRecipients() == null ? null : m.toRecipients().stream()
                .map(Recipient::emailAddress)
                .filter(java.util.Objects::nonNull)
                .map(a -> a.name() == null || a.name().isBlank() ? a.address() : a.name() + " <" + a.address() + ">")
                .collect(Collectors.joining(", "));
        boolean unread = !Boolean.TRUE.equals(m.isRead());
        return new MailHeader(m.id(), m.conversationId(), from == null ? null : from.name(), from == null ? null : from.address(),
                to, m.subject(), received, m.categories() == null ? List.of() : List.copyOf(m.categories()), m.bodyPreview(),
                unread, m.webLink());
    }

    private static Instant received(Message m) throws ProviderException.Malformed {
        try {
            return OffsetDateTime.parse(m.receivedDateTime()).toInstant();
        } catch (DateTimeException | NullPointerException e) {
            throw new ProviderException.Malformed("message " + m.id() + " without a readable receivedDateTime", e);
        }
    }
}
