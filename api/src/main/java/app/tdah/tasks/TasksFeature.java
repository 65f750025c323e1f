package app.tdah.tasks;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

import app.tdah.i18n.ZoneAndLanguage;
import app.tdah.jobs.CountMissedTasksJob;
import app.tdah.jobs.ScheduledJob;
import app.tdah.llm.ChatCompletionsClient;
import app.tdah.planner.BuiltInTaskPlanner;
import app.tdah.planner.LlmTaskPlanner;
import app.tdah.planner.TaskPlanner;
import app.tdah.wiring.Feature;
import app.tdah.wiring.Foundation;

import io.helidon.dbclient.DbClient;
import org.quartz.SimpleScheduleBuilder;

/** Tasks: capture, the Today view, recurrence, snoozes, and counting missed due dates to break slipping tasks down. */
public final class TasksFeature {

    private final TaskQueries queries;
    private final TaskCommands commands;
    private final MissedTasks missedTasks;
    private final Feature feature;

    private TasksFeature(TaskQueries queries, TaskCommands commands, MissedTasks missedTasks, Feature feature) {
        this.queries = queries;
        this.commands = commands;
        this.missedTasks = missedTasks;
        this.feature = feature;
    }

    /**
     * {@code zoneAndLanguageOf} reads a person's zone and language from their profile, once per GraphQL request;
     * {@code llm}, when the operator configured one, breaks tasks down for the people who {@code mayUseLlm}, a few
     * times an hour each ({@code pa.llm.breakdowns.per.hour}); the built-in planner does the rest.
     */
    public static TasksFeature create(Foundation foundation, Function<UUID, ZoneAndLanguage> zoneAndLanguageOf,
                                      Optional<ChatCompletionsClient> llm, Predicate<UUID> mayUseLlm) {
        TaskRepository repository = new TaskRepository(foundation.db());
        TaskPlanner builtIn = new BuiltInTaskPlanner();
        BreakdownPlanners planners = new BreakdownPlanners(builtIn,
                llm.map(client -> new LlmTaskPlanner(client, builtIn)), mayUseLlm, foundation.coordination(),
                foundation.config().get("llm.breakdowns.per.hour").asInt().get());
        TaskQueries queries = new TaskQueries(repository, foundation.clock());
        TaskCommands commands = new TaskCommands(repository, queries, planners, foundation.clock());
        MissedTasks missedTasks = new MissedTasks(repository, commands, foundation.clock());
        Feature feature = Feature.builder()
                .graphQl(new TasksGraphQl(queries, commands, zoneAndLanguageOf))
                .job(new ScheduledJob("count-missed-tasks", CountMissedTasksJob.class,
                        () -> new CountMissedTasksJob(missedTasks::countMissed),
                        SimpleScheduleBuilder.repeatMinutelyForever().withMisfireHandlingInstructionNextWithRemainingCount(),
                        true))
                .build();
        return new TasksFeature(queries, commands, missedTasks, feature);
    }

    /** For reminder dispatch, which moves a reminder's next time once it is delivered or deferred. */
    public static ReminderTimes reminderTimes(DbClient db) {
        return new ReminderTimes(new TaskRepository(db));
    }

    public TaskQueries queries() {
        return queries;
    }

    public TaskCommands commands() {
        return commands;
    }

    public MissedTasks missedTasks() {
        return missedTasks;
    }

    public Feature feature() {
        return feature;
    }
}
