package app.tdah.sms.assistant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import app.tdah.errors.UserError;
import app.tdah.i18n.ProfileLanguage;
import app.tdah.i18n.ZoneAndLanguage;
import app.tdah.sms.assistant.SmsCommand.SnoozeLength;
import app.tdah.tasks.Task;
import app.tdah.tasks.TaskCommands;
import app.tdah.tasks.TaskQueries;
import app.tdah.tasks.TaskRules;

/**
 * Answers a known person's text: commands on their tasks, a new task through the capture grammar for anything else,
 * and questions for the language model when the operator configured one and the person's role allows it.
 */
final class SmsAssistant {

    /** "done" and "snooze" without a number act on the task reminded by text this recently. */
    static final Duration REMINDER_CONTEXT = Duration.ofHours(12);
    /** How many tasks of a list are remembered for "done 7" and "MORE". */
    static final int MAX_LIST = 50;
    private static final LocalTime SNOOZE_TOMORROW_AT = LocalTime.of(9, 0);

    private final TaskQueries tasks;
    private final TaskCommands commands;
    private final TaskActions actions;
    private final SmsAssistantRepository repository;
    private final DayEvents calendars;
    private final Clock clock;
    private final Optional<LlmAssistant> llm;
    private final Predicate<UUID> mayUseLlm;
    private final Runnable beforeAskingTheModel;

    SmsAssistant(TaskQueries tasks, TaskCommands commands, TaskActions actions, SmsAssistantRepository repository,
                 DayEvents calendars, Clock clock, Optional<LlmAssistant> llm, Predicate<UUID> mayUseLlm,
                 Runnable beforeAskingTheModel) {
        this.tasks = tasks;
        this.commands = commands;
        this.actions = actions;
        this.repository = repository;
        this.calendars = calendars;
        this.clock = clock;
        this.llm = llm;
        this.mayUseLlm = mayUseLlm;
        this.beforeAskingTheModel = beforeAskingTheModel;
    }

    /** The person texting: who, the zone their "today" and times are in, and the language they are answered in. */
    record Texter(UUID id, ZoneId zone, ProfileLanguage language) {

        ZoneAndLanguage zoneAndLanguage() {
            return new ZoneAndLanguage(zone, language);
        }

        SmsReplies replies() {
            return SmsReplies.in(language);
        }
    }

    String answer(Texter person, String body) {
        if (body.isBlank()) {
            return person.replies().help();
        }
        return switch (SmsCommandParser.parse(body, person.language())) {
            case SmsCommand.Help help -> person.replies().help();
            case SmsCommand.Today today -> today(person);
            case SmsCommand.Tomorrow tomorrow -> tomorrow(person);
            case SmsCommand.Overdue overdue -> list(person, "Overdue", tasks.today(person.id(), person.zone()).overdue(), null);
            case SmsCommand.Next next -> next(person);
            case SmsCommand.More more -> more(person);
            case SmsCommand.Done done -> done(person, done.number());
            case SmsCommand.Snooze snooze -> snooze(person, snooze.number(), snooze.length());
            case SmsCommand.BreakDown breakDown -> breakDown(person, breakDown.number());
            case SmsCommand.Undo undo -> actions.undo(person);
            case SmsCommand.Question question -> ask(person, question.text());
            case SmsCommand.Capture capture -> capture(person, capture.text());
        };
    }

    /**
     * The model may take seconds: what the text changed so far commits first, so that no connection or lock waits on
     * it meanwhile (the person's next text may then be handled while the model answers this one).
     */
    private String ask(Texter person, String question) {
        if (llm.isEmpty() || !mayUseLlm.test(person.id())) {
            return person.replies().noQuestions();
        }
        beforeAskingTheModel.run();
        return llm.get().answer(person, question);
    }

    private String capture(Texter person, String text) {
        TaskCommands.Result result = actions.capture(person, text);
        if (result.task().isEmpty()) {
            UserError refusal = result.errors().getFirst();
            return refusal.equals(TaskRules.TITLE_MISSING) ? person.replies().titleMissing() : person.replies().refused(refusal);
        }
        ZoneId zone = person.zone();
        return person.replies().added(result.task().get(), zone, localToday(zone));
    }

    /** The day's calendar events (unnumbered, first), then its tasks and the overdue ones, numbered. */
    private String today(Texter person) {
        TaskQueries.Today today = tasks.today(person.id(), person.zone());
        List<Task> all = new ArrayList<>(today.overdue());
        all.addAll(today.dueToday());
        List<DayEvents.DayEvent> events = calendars.on(person.id(), today.date(), person.zone(),
                all.stream().map(Task::id).toList());
        return list(person, "Today", all, today.date(), events);
    }

    private String tomorrow(Texter person) {
        LocalDate tomorrow = localToday(person.zone()).plusDays(1);
        return list(person, "Tomorrow", tasks.dueOn(person.id(), tomorrow, person.zone()), tomorrow);
    }

    private String list(Texter person, String name, List<Task> found, LocalDate listDay) {
        return list(person, name, found, listDay, List.of());
    }

    /**
     * Shows the first page of a list, after the day's {@code events}, and remembers it. {@code listDay}: the day whose
     * dates go without saying.
     */
    private String list(Texter person, String name, List<Task> found, LocalDate listDay, List<DayEvents.DayEvent> events) {
        List<Task> listed = found.subList(0, Math.min(found.size(), MAX_LIST));
        Instant now = clock.instant();
        if (listed.isEmpty()) {
            repository.listShown(person.id(), name, List.of(), 0, now);
            return person.replies().events(events, person.replies().emptyList(name)) + person.replies().emptyList(name);
        }
        ZoneId zone = person.zone();
        String heading = person.replies().heading(name, listed.size());
        SmsReplies.Page page = person.replies().page(person.replies().events(events, heading) + heading, window(listed, 0), 0,
                listed.size(), zone, localToday(zone), listDay);
        repository.listShown(person.id(), name, listed.stream().map(Task::id).toList(), page.nextOffset(), now);
        return page.text();
    }

    private String more(Texter person) {
        Conversation conversation = repository.conversation(person.id());
        List<UUID> ids = conversation.listTaskIds();
        if (ids.isEmpty()) {
            return person.replies().noList();
        }
        int offset = conversation.listNextOffset();
        if (offset >= ids.size()) {
            return person.replies().endOfList();
        }
        ZoneId zone = person.zone();
        LocalDate today = localToday(zone);
        List<Task> window = window(ids, offset).stream().map(id -> tasks.find(person.id(), id).orElse(null)).toList();
        LocalDate listDay = switch (conversation.listName()) {
            case "Today" -> today;
            case "Tomorrow" -> today.plusDays(1);
            default -> null;
        };
        SmsReplies.Page page = person.replies().page(person.replies().heading(conversation.listName(), ids.size()), window,
                offset, ids.size(), zone, today, listDay);
        repository.pageShown(person.id(), page.nextOffset(), clock.instant());
        return page.text();
    }

    private static <T> List<T> window(List<T> list, int offset) {
        return list.subList(offset, Math.min(list.size(), offset + SmsReplies.PAGE_WINDOW));
    }

    /** The most pressing task: the oldest overdue, else the first of today, else the soonest coming. */
    private String next(Texter person) {
        TaskQueries.Today today = tasks.today(person.id(), person.zone());
        Optional<Task> next = today.overdue().stream().findFirst()
                .or(() -> today.dueToday().stream().findFirst())
                .or(() -> tasks.upcoming(person.id(), 1, person.zone()).stream().findFirst());
        if (next.isEmpty()) {
            repository.listShown(person.id(), "Next", List.of(), 0, clock.instant());
            return person.replies().nothingNext();
        }
        repository.listShown(person.id(), "Next", List.of(next.get().id()), 1, clock.instant());
        return person.replies().next(next.get(), today.zone(), today.date());
    }

    /** The task a command is about, or why there is none. */
    private sealed interface Target {
        record Found(Task task) implements Target {
        }

        record Problem(String reply) implements Target {
        }
    }

    /**
     * By number, the task of the last list; without one, the task just reminded by text, or the only task shown
     * (after NEXT).
     */
    private Target target(Texter person, Integer number) {
        Conversation conversation = repository.conversation(person.id());
        Optional<UUID> id;
        if (number != null) {
            if (conversation.listTaskIds().isEmpty()) {
                return new Target.Problem(person.replies().whichTask());
            }
            if (number < 1 || number > conversation.listTaskIds().size()) {
                return new Target.Problem(person.replies().noSuchNumber(number));
            }
            id = Optional.of(conversation.listTaskIds().get(number - 1));
        } else {
            id = repository.remindedTask(person.id(), clock.instant().minus(REMINDER_CONTEXT))
                    .or(() -> conversation.listTaskIds().size() == 1 ? Optional.of(conversation.listTaskIds().getFirst())
                            : Optional.empty());
        }
        if (id.isEmpty()) {
            return new Target.Problem(person.replies().whichTask());
        }
        return tasks.find(person.id(), id.get())
                .<Target>map(Target.Found::new)
                .orElseGet(() -> new Target.Problem(person.replies().taskRemoved()));
    }

    private String done(Texter person, Integer number) {
        return switch (target(person, number)) {
            case Target.Problem problem -> problem.reply();
            case Target.Found found when found.task().status() != Task.Status.OPEN -> person.replies().alreadyDone(found.task());
            case Target.Found found -> {
                TaskCommands.Result result = actions.complete(person, found.task());
                ZoneId zone = person.zone();
                yield result.task().map(after -> person.replies().completed(found.task(), after, zone, localToday(zone)))
                        .orElseGet(() -> person.replies().refused(result.errors().getFirst()));
            }
        };
    }

    private String snooze(Texter person, Integer number, SnoozeLength length) {
        ZoneId zone = person.zone();
        Instant now = clock.instant();
        Instant until = switch (length) {
            case SnoozeLength.Minutes minutes -> TaskRules.snoozable(minutes.minutes())
                    ? now.plus(Duration.ofMinutes(minutes.minutes())) : null;
            case SnoozeLength.UntilTomorrow tomorrow -> localToday(zone).plusDays(1).atTime(SNOOZE_TOMORROW_AT).atZone(zone).toInstant();
        };
        if (until == null) {
            return person.replies().snoozeRange();
        }
        return switch (target(person, number)) {
            case Target.Problem problem -> problem.reply();
            case Target.Found found -> {
                TaskCommands.Result result = actions.snooze(person.id(), found.task(), until);
                yield result.task().map(after -> person.replies().snoozed(after, until.atZone(zone), localToday(zone)))
                        .orElseGet(() -> person.replies().refused(result.errors().getFirst()));
            }
        };
    }

    /** Breaks the task into steps and shows them as the new list, so "done 1" ticks off the first step. */
    private String breakDown(Texter person, Integer number) {
        return switch (target(person, number)) {
            case Target.Problem problem -> problem.reply();
            case Target.Found found -> {
                TaskCommands.Result result = commands.breakDown(person.id(), found.task().id(), person.zoneAndLanguage());
                if (result.task().isEmpty()) {
                    yield person.replies().refused(result.errors().getFirst());
                }
                List<Task> steps = tasks.subtasks(person.id(), found.task().id());
                ZoneId zone = person.zone();
                SmsReplies replies = person.replies();
                SmsReplies.Page page = replies.page(replies.brokenDown(found.task(), steps.size()), window(steps, 0), 0,
                        steps.size(), zone, localToday(zone), null);
                repository.listShown(person.id(), "Steps", steps.stream().map(Task::id).toList(), page.nextOffset(), clock.instant());
                yield page.text();
            }
        };
    }

    private LocalDate localToday(ZoneId zone) {
        return clock.instant().atZone(zone).toLocalDate();
    }
}
