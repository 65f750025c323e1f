package app.tdah.notifications;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.tdah.graphql.GlobalId;
import app.tdah.graphql.GraphQlEngine;
import app.tdah.graphql.GraphQlFeature;
import app.tdah.paging.KeysetCursor;
import app.tdah.graphql.NodeType;
import app.tdah.errors.UserError;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;

/** The in-app notification list and marking it read. */
public final class NotificationsGraphQl implements GraphQlFeature {

    private static final int MAX_PAGE = 100;

    private final NotificationRepository repository;

    public NotificationsGraphQl(NotificationRepository repository) {
        this.repository = repository;
    }

    public record NotificationConnection(List<NotificationEdge> edges, PageInfo pageInfo, long totalCount, long unreadCount) {
    }

    public record NotificationEdge(String cursor, Notification node) {
    }

    public record PageInfo(boolean hasNextPage, String endCursor) {
    }

    public record MarkReadPayload(Long unreadCount, List<UserError> userErrors) {
    }

    @Override
    public List<NodeType<?>> nodeTypes() {
        return List.of(new NodeType<>("Notification", Notification.class, repository::find));
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t.dataFetcher("notifications", this::page))
                .type("Mutation", t -> t.dataFetcher("markNotificationsRead", this::markRead))
                .type("Notification", t -> t.dataFetcher("id", env -> GlobalId.encode("Notification", env.<Notification>getSource().id())));
    }

    private NotificationConnection page(DataFetchingEnvironment env) {
        Optional<UUID> owner = GraphQlEngine.context(env).principal().map(p -> p.userId());
        if (owner.isEmpty()) {
            return null;
        }
        int first = KeysetCursor.pageSize(env.getArgument("first"), MAX_PAGE);
        KeysetCursor after = Optional.ofNullable(env.<String>getArgument("after")).map(KeysetCursor::decode).orElse(null);
        NotificationRepository.Page page = repository.page(owner.get(), Boolean.TRUE.equals(env.getArgument("unreadOnly")), after, first);
        List<NotificationEdge> edges = page.notifications().stream()
                .map(n -> new NotificationEdge(new KeysetCursor(n.createdAt(), n.id()).encode(), n)).toList();
        return new NotificationConnection(edges, new PageInfo(page.hasNext(), edges.isEmpty() ? null : edges.getLast().cursor()),
                page.total(), page.unread());
    }

    @SuppressWarnings("unchecked")
    private MarkReadPayload markRead(DataFetchingEnvironment env) {
        Optional<UUID> owner = GraphQlEngine.context(env).principal().map(p -> p.userId());
        if (owner.isEmpty()) {
            return new MarkReadPayload(null, List.of(new UserError(null, "Please sign in.", UserError.Code.NOT_AUTHENTICATED)));
        }
        List<String> ids = (List<String>) ((Map<String, Object>) env.getArgument("input")).get("ids");
        // Ids that are not notifications, or not this person's, simply match nothing.
        Optional<java.util.Collection<UUID>> only = Optional.ofNullable(ids)
                .map(list -> list.stream().flatMap(id -> GlobalId.decode("Notification", id).stream()).toList());
        return new MarkReadPayload(repository.markRead(owner.get(), only), List.of());
    }
}
