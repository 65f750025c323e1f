package app.tdah.scheduling;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import app.tdah.errors.UserError;
import app.tdah.graphql.GlobalId;
import app.tdah.graphql.GraphQlEngine;
import app.tdah.graphql.GraphQlFeature;
import app.tdah.tasks.Task;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;

/** Working hours, free slots for a task, and a task written into a calendar: thin fetchers over {@link SchedulingService}. */
public final class SchedulingGraphQl implements GraphQlFeature {

    private static final UserError TASK_NOT_FOUND = new UserError("taskId", "That task doesn't exist.", UserError.Code.NOT_FOUND);

    private final SchedulingService scheduling;

    SchedulingGraphQl(SchedulingService scheduling) {
        this.scheduling = scheduling;
    }

    public record PreferencesView(String workStart, String workEnd, List<Integer> workDays, Integer leaveNowMinutes) {
        static PreferencesView of(SchedulingPreferences p) {
            return new PreferencesView(p.workStart().toString(), p.workEnd().toString(),
                    p.workDays().stream().map(DayOfWeek::getValue).sorted().toList(), p.leaveNowMinutes());
        }
    }

    public record FindTimeForResult(List<SchedulingService.Slot> slots, Integer minutes, String timeZone, List<UserError> userErrors) {
    }

    public record ScheduleTaskPayload(Task task, String eventLink, List<UserError> userErrors) {
    }

    public record UpdateSchedulingPreferencesPayload(PreferencesView schedulingPreferences, List<UserError> userErrors) {
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                        .dataFetcher("schedulingPreferences", env -> PreferencesView.of(scheduling.preferences(owner(env))))
                        .dataFetcher("findTimeFor", this::findTimeFor))
                .type("Mutation", t -> t
                        .dataFetcher("scheduleTask", this::scheduleTask)
                        .dataFetcher("updateSchedulingPreferences", this::updatePreferences));
    }

    private FindTimeForResult findTimeFor(DataFetchingEnvironment env) {
        Map<String, Object> in = env.getArgument("input");
        Optional<UUID> taskId = GlobalId.decode("Task", (String) in.get("taskId"));
        if (taskId.isEmpty()) {
            return new FindTimeForResult(List.of(), null, null, List.of(TASK_NOT_FOUND));
        }
        SchedulingService.FreeSlots found = scheduling.findTimeFor(owner(env), taskId.get(), (Integer) in.get("days"));
        return found.errors().isEmpty()
                ? new FindTimeForResult(found.slots(), (int) found.length().toMinutes(), found.timeZone(), List.of())
                : new FindTimeForResult(List.of(), null, null, found.errors());
    }

    private ScheduleTaskPayload scheduleTask(DataFetchingEnvironment env) {
        Map<String, Object> in = env.getArgument("input");
        Optional<UUID> taskId = GlobalId.decode("Task", (String) in.get("taskId"));
        if (taskId.isEmpty()) {
            return new ScheduleTaskPayload(null, null, List.of(TASK_NOT_FOUND));
        }
        Optional<UUID> integrationId = GlobalId.decode("Integration", (String) in.get("integrationId"));
        if (integrationId.isEmpty()) {
            return new ScheduleTaskPayload(null, null,
                    List.of(new UserError("integrationId", "No such connection.", UserError.Code.NOT_FOUND)));
        }
        SchedulingService.Scheduled scheduled = scheduling.schedule(owner(env), taskId.get(), (Instant) in.get("slot"),
                integrationId.get());
        return new ScheduleTaskPayload(scheduled.task().orElse(null), scheduled.eventLink().orElse(null), scheduled.errors());
    }

    private UpdateSchedulingPreferencesPayload updatePreferences(DataFetchingEnvironment env) {
        Map<String, Object> in = env.getArgument("input");
        List<UserError> errors = new ArrayList<>();
        Optional<LocalTime> start = time(in, "workStart", errors);
        Optional<LocalTime> end = time(in, "workEnd", errors);
        Optional<Set<DayOfWeek>> days = Optional.empty();
        if (in.get("workDays") != null) {
            Set<DayOfWeek> chosen = EnumSet.noneOf(DayOfWeek.class);
            for (Object day : (List<?>) in.get("workDays")) {
                try {
                    chosen.add(DayOfWeek.of((Integer) day));
                } catch (DateTimeException e) {
                    errors.add(new UserError("workDays", "Days go from 1 (Monday) to 7 (Sunday).", UserError.Code.INVALID));
                }
            }
            days = Optional.of(chosen);
        }
        if (!errors.isEmpty()) {
            return new UpdateSchedulingPreferencesPayload(null, errors);
        }
        Optional<Optional<Integer>> leaveNow = in.containsKey("leaveNowMinutes")
                ? Optional.of(Optional.ofNullable((Integer) in.get("leaveNowMinutes"))) : Optional.empty();
        SchedulingService.PreferencesResult result = scheduling.updatePreferences(owner(env),
                new SchedulingService.PreferenceChanges(start, end, days, leaveNow));
        return new UpdateSchedulingPreferencesPayload(result.preferences().map(PreferencesView::of).orElse(null), result.errors());
    }

    private static Optional<LocalTime> time(Map<String, Object> in, String field, List<UserError> errors) {
        Object value = in.get(field);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalTime.parse((String) value));
        } catch (DateTimeParseException e) {
            errors.add(new UserError(field, "Write a time of day as HH:MM.", UserError.Code.INVALID));
            return Optional.empty();
        }
    }

    private static UUID owner(DataFetchingEnvironment env) {
        return GraphQlEngine.context(env).owner();
    }
}
