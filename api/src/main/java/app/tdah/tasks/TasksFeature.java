package app.tdah.tasks;

import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import app.tdah.jobs.CountMissedTasksJob;
import app.tdah.jobs.ScheduledJob;
import app.tdah.llm.ChatCompletionsClient;
import app.tdah.planner.BuiltInTaskPlanner;
import app.tdah.planner.LlmTaskPlanner;
import app.tdah.planner.TaskPlanner;
import app.tdah.wiring.Feature;
import app.tdah.wiring.Foundation;

import org.quartz.SimpleScheduleBuilder;

/** Tasks: capture, the Today view, recurrence, snoozes, and counting missed due dates to break slipping tasks down. */
public final class TasksFeature {

    private final TaskService tasks;
    private final TaskRepository repository;
    private final Feature feature;

    private TasksFeature(TaskService tasks, TaskRepository repository, Feature feature) {
        this.tasks = tasks;
        this.repository = repository;
        this.feature = feature;
    }

    /** {@code llm}, when the operator configured one, breaks tasks down before the built-in planner does. */
    public static TasksFeature create(Foundation foundation, Function<UUID, ZoneId> zoneOf, Optional<ChatCompletionsClient> llm) {
        TaskRepository repository = new TaskRepository(foundation.db());
        TaskPlanner builtIn = new BuiltInTaskPlanner();
        TaskPlanner planner = llm.<TaskPlanner>map(client -> new LlmTaskPlanner(client, builtIn)).orElse(builtIn);
        TaskService tasks = new TaskService(repository, planner, zoneOf, foundation.clock());
        Feature feature = Feature.builder()
                .graphQl(new TasksGraphQl(tasks, repository, zoneOf))
                .job(new ScheduledJob("count-missed-tasks", CountMissedTasksJob.class,
                        () -> new CountMissedTasksJob(tasks::countMissed),
                        SimpleScheduleBuilder.repeatMinutelyForever().withMisfireHandlingInstructionNextWithRemainingCount(),
                        true))
                .build();
        return new TasksFeature(tasks, repository, feature);
    }

    public TaskService tasks() {
        return tasks;
    }

    /** For the data export and account deletion, which read and remove a person's tasks. */
    public TaskRepository repository() {
        return repository;
    }

    public Feature feature() {
        return feature;
    }
}
