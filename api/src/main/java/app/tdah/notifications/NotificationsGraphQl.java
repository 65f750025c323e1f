package app.tdah.notifications;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.tdah.graphql.Connection;
import app.tdah.graphql.GlobalId;
import app.tdah.graphql.GraphQlEngine;
import app.tdah.graphql.GraphQlFeature;
import app.tdah.graphql.NodeType;
import app.tdah.paging.KeysetCursor;
import app.tdah.paging.PageRequest;
import app.tdah.errors.UserError;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;

/** The in-app notification list and marking it read. */
public final class NotificationsGraphQl implements GraphQlFeature {

    private final NotificationService notifications;

    public NotificationsGraphQl(NotificationService notifications) {
        this.notifications = notifications;
    }

    public record MarkReadPayload(Long unreadCount, List<UserError> userErrors) {
    }

    @Override
    public List<NodeType<?>> nodeTypes() {
        return List.of(new NodeType<>("Notification", Notification.class, notifications::find));
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t.dataFetcher("notifications", this::page))
                .type("Mutation", t -> t.dataFetcher("markNotificationsRead", this::markRead))
                .type("NotificationConnection", t -> t.dataFetcher("unreadCount",
                        env -> notifications.unreadCount(GraphQlEngine.context(env).owner())))
                .type("Notification", t -> t.dataFetcher("id", env -> GlobalId.encode("Notification", env.<Notification>getSource().id())));
    }

    private Connection<Notification> page(DataFetchingEnvironment env) {
        PageRequest<KeysetCursor> request = PageRequest.newestFirst(env.getArgument("first"), env.getArgument("after"));
        return Connection.of(notifications.page(GraphQlEngine.context(env).owner(), Boolean.TRUE.equals(env.getArgument("unreadOnly")),
                request), n -> new KeysetCursor(n.createdAt(), n.id()).encode());
    }

    @SuppressWarnings("unchecked")
    private MarkReadPayload markRead(DataFetchingEnvironment env) {
        List<String> ids = (List<String>) ((Map<String, Object>) env.getArgument("input")).get("ids");
        // Ids that are not notifications, or not this person's, simply match nothing.
        Optional<Collection<UUID>> only = Optional.ofNullable(ids)
                .map(list -> list.stream().flatMap(id -> GlobalId.decode("Notification", id).stream()).toList());
        return new MarkReadPayload(notifications.markRead(GraphQlEngine.context(env).owner(), only), List.of());
    }
}
