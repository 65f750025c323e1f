package app.tdah.tasks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import app.tdah.identity.ClientInfo;
import app.tdah.identity.Principal;
import app.tdah.identity.Role;
import app.tdah.i18n.ProfileLanguage;
import app.tdah.i18n.ZoneAndLanguage;
import app.tdah.graphql.Authorization;
import app.tdah.graphql.GraphQlEngine;
import app.tdah.graphql.RequestContext;
import app.tdah.graphql.SchemaSource;
import app.tdah.planner.BuiltInTaskPlanner;
import app.tdah.platform.Database;
import app.tdah.testing.TestServices;

import graphql.ExecutionResult;
import io.helidon.dbclient.DbClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Listing many tasks with their subtasks and reminders runs a small, fixed number of SQL statements, whatever the
 * number of tasks: the DataLoaders batch the nested lists. Statements are counted by a DbClient service.
 */
class TaskListingStatementsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final AtomicInteger STATEMENTS = new AtomicInteger();
    private static String jdbcUrl;
    private static DbClient db;
    private static GraphQlEngine engine;
    private static final UUID USER = UUID.randomUUID();

    @BeforeAll
    static void setUp() throws Exception {
        jdbcUrl = TestServices.createDatabase();
        Database database = new Database(jdbcUrl, TestServices.pgUser(), TestServices.pgPassword(), 4);
        database.migrate();
        db = database.openClient(context -> {
            STATEMENTS.incrementAndGet();
            return context;
        });
        seed(100, 3, 2);
        TaskRepository repository = new TaskRepository(db);
        Clock clock = Clock.fixed(TODAY.atTime(10, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        TaskQueries queries = new TaskQueries(repository, clock);
        // No language model: the planners never count a breakdown, so they need no coordination.
        TaskCommands commands = new TaskCommands(repository, queries,
                new BreakdownPlanners(new BuiltInTaskPlanner(), Optional.empty(), person -> false, null, 0), clock);
        engine = new GraphQlEngine(SchemaSource.load(), List.of(new TasksGraphQl(queries, commands,
                        id -> new ZoneAndLanguage(ZoneId.of("Europe/Paris"), ProfileLanguage.FR))),
                // The role lookup is the accounts feature's one statement per request, not counted here.
                new Authorization(event -> { }), 12, 5_000, 5);
    }

    @AfterAll
    static void tearDown() {
        db.close();
        TestServices.dropDatabase(jdbcUrl);
    }

    /** 100 top-level tasks due today, each with subtasks and reminders. */
    private static void seed(int tasks, int subtasksEach, int remindersEach) throws Exception {
        try (Connection c = TestServices.connect(jdbcUrl)) {
            try (PreparedStatement user = c.prepareStatement("INSERT INTO users (id, email, password_hash, display_name, time_zone) VALUES (?, ?, 'x', 'Seed', 'Europe/Paris')")) {
                user.setObject(1, USER);
                user.setString(2, "seed@example.com");
                user.execute();
            }
            try (PreparedStatement task = c.prepareStatement("INSERT INTO tasks (id, user_id, parent_id, position, title, due_date) VALUES (?, ?, ?, ?, ?, ?)");
                 PreparedStatement reminder = c.prepareStatement("INSERT INTO task_reminders (id, task_id, user_id, offset_minutes) VALUES (?, ?, ?, ?)")) {
                for (int i = 0; i < tasks; i++) {
                    UUID parent = UUID.randomUUID();
                    addTask(task, parent, null, 0, "task " + i);
                    for (int s = 0; s < subtasksEach; s++) {
                        addTask(task, UUID.randomUUID(), parent, s, "step " + s + " of " + i);
                    }
                    for (int r = 0; r < remindersEach; r++) {
                        reminder.setObject(1, UUID.randomUUID());
                        reminder.setObject(2, parent);
                        reminder.setObject(3, USER);
                        reminder.setInt(4, 10 * (r + 1));
                        reminder.addBatch();
                    }
                }
                task.executeBatch();
                reminder.executeBatch();
            }
        }
    }

    private static void addTask(PreparedStatement task, UUID id, UUID parent, int position, String title) throws Exception {
        task.setObject(1, id);
        task.setObject(2, USER);
        task.setObject(3, parent);
        task.setInt(4, position);
        task.setString(5, title);
        task.setObject(6, TODAY);
        task.addBatch();
    }

    private static ExecutionResult run(String query) {
        RequestContext context = new RequestContext(Optional.of(new Principal(USER, "user", UUID.randomUUID())), new ClientInfo("127.0.0.1", "test"),
                Optional.empty(), principal -> Optional.of(Role.USER));
        return engine.execute(query, null, Map.of(), context);
    }

    @Test
    void listingAHundredTasksWithSubtasksAndRemindersRunsFourStatements() {
        STATEMENTS.set(0);
        ExecutionResult result = run("{ tasks(first: 100) { totalCount edges { node { id title dueDate "
                + "subtasks { id title } reminders { id offsetMinutes } } } } }");
        assertThat(result.getErrors()).isEmpty();
        Map<String, Object> tasks = result.<Map<String, Map<String, Object>>>getData().get("tasks");
        assertThat((List<?>) tasks.get("edges")).hasSize(100);
        // page, total count, one batch of subtasks, one batch of reminders
        assertThat(STATEMENTS.get()).isEqualTo(4);
    }

    @Test
    void theTodayDashboardRunsThreeStatementsForAHundredTasks() {
        STATEMENTS.set(0);
        ExecutionResult result = run("{ today { date dueToday { id title dueDate subtasks { id title } reminders { id } } overdue { id } } }");
        assertThat(result.getErrors()).isEmpty();
        Map<String, Object> today = result.<Map<String, Map<String, Object>>>getData().get("today");
        assertThat((List<?>) today.get("dueToday")).hasSize(100);
        // today's tasks, one batch of subtasks, one batch of reminders (the zone comes from the injected lookup)
        assertThat(STATEMENTS.get()).isEqualTo(3);
    }

}
