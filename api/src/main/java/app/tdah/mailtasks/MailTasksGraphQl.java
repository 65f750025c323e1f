package app.tdah.mailtasks;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.tdah.errors.UserError;
import app.tdah.graphql.GraphQlEngine;
import app.tdah.graphql.GraphQlFeature;
import app.tdah.integrations.Provider;
import app.tdah.integrations.sync.MailHeader;
import app.tdah.integrations.sync.SyncedMessage;
import app.tdah.tasks.Task;
import app.tdah.tasks.TaskCommands;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;

/** {@code mailNeedingAction} and {@code createTaskFromMail}: thin fetchers over {@link MailTasks}. */
public final class MailTasksGraphQl implements GraphQlFeature {

    private static final String TYPE = "MailMessage:";
    private static final UserError NOT_FOUND = new UserError("messageId", "That message isn't among your synced mail.",
            UserError.Code.NOT_FOUND);

    private final MailTasks mailTasks;

    MailTasksGraphQl(MailTasks mailTasks) {
        this.mailTasks = mailTasks;
    }

    public record MailMessageView(String messageId, Provider provider, String fromName, String fromAddress, String subject,
                                  Instant receivedAt, String snippet, String link) {
        static MailMessageView of(SyncedMessage m) {
            MailHeader h = m.header();
            return new MailMessageView(encode(m.integrationId(), h.id()), m.provider(), h.fromName(), h.fromAddress(), h.subject(),
                    h.receivedAt(), h.snippet(), h.link());
        }
    }

    public record CreateTaskFromMailPayload(Task task, List<UserError> userErrors) {
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t.dataFetcher("mailNeedingAction", env ->
                        mailTasks.needingAction(GraphQlEngine.context(env).owner()).stream().map(MailMessageView::of).toList()))
                .type("Mutation", t -> t.dataFetcher("createTaskFromMail", this::createTask));
    }

    private CreateTaskFromMailPayload createTask(DataFetchingEnvironment env) {
        Map<String, Object> in = env.getArgument("input");
        Optional<String[]> id = decode((String) in.get("messageId"));
        if (id.isEmpty()) {
            return new CreateTaskFromMailPayload(null, List.of(NOT_FOUND));
        }
        TaskCommands.Result result = mailTasks.createTask(GraphQlEngine.context(env).owner(), UUID.fromString(id.get()[0]), id.get()[1]);
        return new CreateTaskFromMailPayload(result.task().orElse(null), result.errors());
    }

    /** Opaque like every id: base64url of {@code MailMessage:integration:providerMessageId}. */
    static String encode(UUID integrationId, String messageId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((TYPE + integrationId + ":" + messageId).getBytes(StandardCharsets.UTF_8));
    }

    /** The integration (a valid UUID) and the provider's message id; empty for anything else. */
    static Optional<String[]> decode(String id) {
        if (id == null || id.length() > 1000) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8);
            if (!decoded.startsWith(TYPE)) {
                return Optional.empty();
            }
            String[] parts = decoded.substring(TYPE.length()).split(":", 2);
            if (parts.length != 2 || parts[1].isEmpty()) {
                return Optional.empty();
            }
            UUID.fromString(parts[0]);
            return Optional.of(parts);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
