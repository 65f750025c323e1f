package app.tdah.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;

import app.tdah.capture.Capture;
import app.tdah.capture.Due;
import app.tdah.capture.Priority;
import app.tdah.graphql.Connection;
import app.tdah.graphql.GlobalId;
import app.tdah.graphql.GraphQlEngine;
import app.tdah.graphql.GraphQlFeature;
import app.tdah.paging.KeysetCursor;
import app.tdah.paging.PageRequest;
import app.tdah.graphql.NodeType;
import app.tdah.graphql.RequestContext;
import app.tdah.errors.UserError;
import app.tdah.i18n.ZoneAndLanguage;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;

/** The tasks slice of the GraphQL API: thin fetchers over {@link TaskQueries} and {@link TaskCommands}; lists batch through DataLoaders. */
public final class TasksGraphQl implements GraphQlFeature {

    private static final String SUBTASKS = "subtasks";
    private static final String REMINDERS = "reminders";
    private static final UserError NOT_FOUND = new UserError("id", "That task doesn't exist.", UserError.Code.NOT_FOUND);

    private final TaskQueries queries;
    private final TaskCommands tasks;
    private final Function<UUID, ZoneAndLanguage> zoneAndLanguageOf;

    public TasksGraphQl(TaskQueries queries, TaskCommands tasks, Function<UUID, ZoneAndLanguage> zoneAndLanguageOf) {
        this.queries = queries;
        this.tasks = tasks;
        this.zoneAndLanguageOf = zoneAndLanguageOf;
    }

    public record TaskPayload(Task task, List<UserError> userErrors) {
        static TaskPayload of(TaskCommands.Result result) {
            return new TaskPayload(result.task().orElse(null), result.errors());
        }
    }

    public record DeleteTaskPayload(String deletedTaskId, List<UserError> userErrors) {
    }

    public record TodayView(LocalDate date, String timeZone, List<Task> dueToday, List<Task> overdue) {
    }

    public record CapturePreview(String title, LocalDate dueDate, Instant dueAt, Boolean allDay, Priority priority,
                                 List<String> tags, String recurrence, Instant remindAt, List<Capture.Flag> flags,
                                 List<UserError> userErrors) {
    }

    @Override
    public List<NodeType<?>> nodeTypes() {
        return List.of(new NodeType<>("Task", Task.class, queries::find));
    }

    @Override
    public void registerLoaders(DataLoaderRegistry registry, RequestContext context) {
        // The loaders run only under a task, which only an @auth field reaches: there is an owner by then.
        registry.register(SUBTASKS, DataLoaderFactory.newMappedDataLoader((Set<UUID> ids) ->
                CompletableFuture.completedFuture(queries.subtasksOf(context.owner(), ids))));
        registry.register(REMINDERS, DataLoaderFactory.newMappedDataLoader((Set<UUID> ids) ->
                CompletableFuture.completedFuture(queries.remindersOf(context.owner(), ids))));
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                        .dataFetcher("tasks", this::taskPage)
                        .dataFetcher("today", env -> today(GraphQlEngine.context(env).owner(), zone(env)))
                        .dataFetcher("parseCapture", env -> preview(env.getArgument("text"), person(env))))
                .type("Mutation", t -> t
                        .dataFetcher("captureTask", env -> mutate(env, (owner, in) -> tasks.capture(owner, (String) in.get("text"), person(env))))
                        .dataFetcher("createTask", env -> mutate(env, (owner, in) -> create(owner, in, zone(env))))
                        .dataFetcher("updateTask", env -> mutate(env, (owner, in) -> update(owner, in, zone(env))))
                        .dataFetcher("completeTask", env -> mutate(env, (owner, in) -> byId(in, id -> tasks.complete(owner, id, zone(env)))))
                        .dataFetcher("reopenTask", env -> mutate(env, (owner, in) -> byId(in, id -> tasks.reopen(owner, id))))
                        .dataFetcher("cancelTask", env -> mutate(env, (owner, in) -> byId(in, id -> tasks.cancel(owner, id))))
                        .dataFetcher("breakDownTask", env -> mutate(env, (owner, in) -> byId(in, id -> tasks.breakDown(owner, id, person(env)))))
                        .dataFetcher("snoozeTask", env -> mutate(env, this::snooze))
                        .dataFetcher("unsnoozeTask", env -> mutate(env, (owner, in) -> byId(in, id -> tasks.unsnooze(owner, id))))
                        .dataFetcher("addReminder", env -> mutate(env, this::addReminder))
                        .dataFetcher("removeReminder", env -> mutate(env, (owner, in) -> byReminderId(in, id -> tasks.removeReminder(owner, id))))
                        .dataFetcher("snoozeReminder", env -> mutate(env, (owner, in) ->
                                byReminderId(in, id -> tasks.snoozeReminder(owner, id, (Integer) in.get("minutes")))))
                        .dataFetcher("deleteTask", this::delete))
                .type("Task", t -> t
                        .dataFetcher("id", env -> GlobalId.encode("Task", env.<Task>getSource().id()))
                        .dataFetcher("dueDate", env -> dueDate(env.getSource(), env))
                        .dataFetcher("dueAt", env -> env.<Task>getSource().due() instanceof Due.Timed timed ? timed.at().toInstant() : null)
                        .dataFetcher("allDay", env -> !(env.<Task>getSource().due() instanceof Due.Timed))
                        .dataFetcher("recurrence", env -> env.<Task>getSource().rrule())
                        .dataFetcher("parent", env -> {
                            Task task = env.getSource();
                            return task.parentId() == null ? null : queries.find(task.userId(), task.parentId()).orElse(null);
                        })
                        .dataFetcher("subtasks", env -> env.<UUID, List<Task>>getDataLoader(SUBTASKS).load(env.<Task>getSource().id()))
                        .dataFetcher("reminders", env -> env.<UUID, List<Reminder>>getDataLoader(REMINDERS).load(env.<Task>getSource().id())))
                .type("Reminder", t -> t
                        .dataFetcher("id", env -> GlobalId.encode("Reminder", env.<Reminder>getSource().id())));
    }

    private Connection<Task> taskPage(DataFetchingEnvironment env) {
        PageRequest<KeysetCursor> request = PageRequest.newestFirst(env.getArgument("first"), env.getArgument("after"));
        Task.Status status = Task.Status.valueOf(env.getArgumentOrDefault("status", "OPEN"));
        Map<String, Object> in = env.getArgument("filter");
        TaskFilter filter = in == null ? TaskFilter.NONE : new TaskFilter(Optional.ofNullable((String) in.get("tag")),
                Optional.ofNullable(priority(in.get("priority"))), Optional.ofNullable((String) in.get("text")));
        return Connection.of(queries.page(GraphQlEngine.context(env).owner(), status, filter, request),
                task -> new KeysetCursor(task.listedAt(), task.id()).encode());
    }

    private TodayView today(UUID owner, ZoneId zone) {
        TaskQueries.Today today = queries.today(owner, zone);
        return new TodayView(today.date(), today.zone().getId(), today.dueToday(), today.overdue());
    }

    /** What the text would give; a text with no title left is previewed (flagged TITLE_MISSING), only saving refuses it. */
    private CapturePreview preview(String text, ZoneAndLanguage person) {
        Optional<UserError> invalid = TaskRules.captureText(text);
        if (invalid.isPresent()) {
            return new CapturePreview("", null, null, null, null, List.of(), null, null, List.of(), List.of(invalid.get()));
        }
        Capture c = queries.parse(text, person);
        return new CapturePreview(c.title(), c.due() == null ? null : c.due().date(),
                c.due() instanceof Due.Timed timed ? timed.at().toInstant() : null,
                c.due() == null ? null : c.due() instanceof Due.AllDay,
                c.priority(), List.copyOf(c.tags()), c.rrule(), c.remindAt() == null ? null : c.remindAt().toInstant(),
                List.copyOf(c.flags()), List.of());
    }

    private TaskCommands.Result create(UUID owner, Map<String, Object> in, ZoneId zone) {
        List<UserError> errors = new ArrayList<>();
        Optional<Due> due = due(in, errors);
        UUID parentId = null;
        if (in.get("parentId") != null) {
            Optional<UUID> parent = GlobalId.decode("Task", (String) in.get("parentId"));
            if (parent.isEmpty()) {
                errors.add(new UserError("parentId", "That parent task doesn't exist.", UserError.Code.NOT_FOUND));
            }
            parentId = parent.orElse(null);
        }
        if (!errors.isEmpty()) {
            return TaskCommands.Result.refused(errors);
        }
        return tasks.create(owner, new TaskDraft((String) in.get("title"), (String) in.get("notes"), due.orElse(null),
                priority(in.get("priority")), strings(in.get("tags")), (Integer) in.get("estimateMinutes"),
                (String) in.get("recurrence"), Boolean.TRUE.equals(in.get("repeatAfterCompletion")), parentId,
                reminders(in.get("reminders"))), zone);
    }

    private TaskCommands.Result update(UUID owner, Map<String, Object> in, ZoneId zone) {
        List<UserError> errors = new ArrayList<>();
        boolean dueGiven = in.containsKey("dueDate") || in.containsKey("dueAt");
        Optional<Due> due = due(in, errors);
        if (!errors.isEmpty()) {
            return TaskCommands.Result.refused(errors);
        }
        TaskCommands.Changes changes = new TaskCommands.Changes(
                Optional.ofNullable((String) in.get("title")),
                given(in, "notes", String.class),
                dueGiven ? Optional.of(due) : Optional.empty(),
                in.containsKey("priority") ? Optional.of(Optional.ofNullable(priority(in.get("priority")))) : Optional.empty(),
                in.containsKey("tags") ? Optional.of(strings(in.get("tags"))) : Optional.empty(),
                given(in, "estimateMinutes", Integer.class),
                given(in, "recurrence", String.class),
                Optional.ofNullable((Boolean) in.get("repeatAfterCompletion")));
        return byId(in, id -> tasks.update(owner, id, changes, zone));
    }

    private TaskCommands.Result snooze(UUID owner, Map<String, Object> in) {
        Instant until = (Instant) in.get("until");
        Integer minutes = (Integer) in.get("minutes");
        if ((until == null) == (minutes == null)) {
            return TaskCommands.Result.refused(new UserError("until", "Give either a time or a number of minutes.", UserError.Code.INVALID));
        }
        return byId(in, id -> until != null ? tasks.snooze(owner, id, until) : tasks.snoozeFor(owner, id, minutes));
    }

    private TaskCommands.Result addReminder(UUID owner, Map<String, Object> in) {
        Optional<UUID> taskId = GlobalId.decode("Task", (String) in.get("taskId"));
        if (taskId.isEmpty()) {
            return TaskCommands.Result.refused(NOT_FOUND);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> reminder = (Map<String, Object>) in.get("reminder");
        return tasks.addReminder(owner, taskId.get(), reminderDraft(reminder));
    }

    private DeleteTaskPayload delete(DataFetchingEnvironment env) {
        Map<String, Object> in = env.getArgument("input");
        String globalId = (String) in.get("id");
        boolean deleted = GlobalId.decode("Task", globalId).map(id -> tasks.delete(GraphQlEngine.context(env).owner(), id)).orElse(false);
        return deleted ? new DeleteTaskPayload(globalId, List.of()) : new DeleteTaskPayload(null, List.of(NOT_FOUND));
    }

    private static TaskPayload mutate(DataFetchingEnvironment env, BiFunction<UUID, Map<String, Object>, TaskCommands.Result> action) {
        return TaskPayload.of(action.apply(GraphQlEngine.context(env).owner(), env.getArgument("input")));
    }


    private static TaskCommands.Result byId(Map<String, Object> in, Function<UUID, TaskCommands.Result> action) {
        return GlobalId.decode("Task", (String) in.get("id")).map(action).orElseGet(() -> TaskCommands.Result.refused(NOT_FOUND));
    }

    private static TaskCommands.Result byReminderId(Map<String, Object> in, Function<UUID, TaskCommands.Result> action) {
        return GlobalId.decode("Reminder", (String) in.get("id")).map(action)
                .orElseGet(() -> TaskCommands.Result.refused(TaskCommands.REMINDER_NOT_FOUND));
    }

    /** The local day of a task's due, in the person's zone. */
    private LocalDate dueDate(Task task, DataFetchingEnvironment env) {
        return switch (task.due()) {
            case null -> null;
            case Due.AllDay d -> d.date();
            case Due.Timed timed -> timed.at().withZoneSameInstant(zone(env)).toLocalDate();
        };
    }

    /** The signed-in person's time zone and language, read together at most once per request. */
    private ZoneAndLanguage person(DataFetchingEnvironment env) {
        RequestContext context = GraphQlEngine.context(env);
        return context.cached(ZoneAndLanguage.class, () -> zoneAndLanguageOf.apply(context.owner()));
    }

    private ZoneId zone(DataFetchingEnvironment env) {
        return person(env).zone();
    }

    private static Optional<Due> due(Map<String, Object> in, List<UserError> errors) {
        LocalDate date = (LocalDate) in.get("dueDate");
        Instant at = (Instant) in.get("dueAt");
        if (date != null && at != null) {
            errors.add(new UserError("dueAt", "Give either a due date or a due time, not both.", UserError.Code.INVALID));
            return Optional.empty();
        }
        if (date != null) {
            return Optional.of(new Due.AllDay(date));
        }
        return Optional.ofNullable(at).map(instant -> new Due.Timed(instant.atZone(java.time.ZoneOffset.UTC)));
    }

    private static <T> Optional<Optional<T>> given(Map<String, Object> in, String key, Class<T> type) {
        return in.containsKey(key) ? Optional.of(Optional.ofNullable(type.cast(in.get(key)))) : Optional.empty();
    }

    private static Priority priority(Object value) {
        return value == null ? null : Priority.valueOf((String) value);
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return value == null ? null : (List<String>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<TaskDraft.ReminderDraft> reminders(Object value) {
        return value == null ? List.of() : ((List<Map<String, Object>>) value).stream().map(TasksGraphQl::reminderDraft).toList();
    }

    @SuppressWarnings("unchecked")
    private static TaskDraft.ReminderDraft reminderDraft(Map<String, Object> in) {
        List<String> channels = (List<String>) in.get("channels");
        return new TaskDraft.ReminderDraft((Instant) in.get("remindAt"), (Integer) in.get("offsetMinutes"),
                channels == null ? List.of() : channels.stream().map(Reminder.Channel::valueOf).toList());
    }
}
