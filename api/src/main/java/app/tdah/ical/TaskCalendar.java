package app.tdah.ical;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.temporal.Temporal;
import java.util.List;

import app.tdah.capture.Priority;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TextList;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VToDo;
import net.fortuna.ical4j.model.parameter.Related;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Due;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Trigger;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableAction;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

/** Open tasks as an iCalendar (RFC 5545) of to-dos, the text a subscribed calendar app reads. */
final class TaskCalendar {

    static final String NAME = "Personal Assistant TDAH";
    private static final String PRODID = "-//Personal Assistant TDAH//Task feed//EN";
    private static final String UID_SUFFIX = "@personal-assistant";
    private static final System.Logger LOG = System.getLogger(TaskCalendar.class.getName());

    private TaskCalendar() {
    }

    static String write(List<CalendarTask> tasks) {
        Calendar calendar = new Calendar()
                .add(new ProdId(PRODID))
                .add(ImmutableVersion.VERSION_2_0)
                .add(ImmutableCalScale.GREGORIAN)
                .add(new XProperty("X-WR-CALNAME", NAME));
        tasks.forEach(task -> calendar.add(todo(task)));
        StringWriter text = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException("Unreachable: the outputter does not validate", e);
        }
        return text.toString();
    }

    static String uid(CalendarTask task) {
        return task.id() + UID_SUFFIX;
    }

    private static VToDo todo(CalendarTask task) {
        VToDo todo = new VToDo(false)
                .add(new Uid(uid(task)))
                // Without a METHOD, DTSTAMP is when the to-do last changed (RFC 5545 3.8.7.2), not when the feed was read.
                .add(new DtStamp(task.updatedAt()))
                .add(new Summary(task.title()))
                .add(new Due<>(temporal(task.due())))
                .add(ImmutableStatus.VTODO_NEEDS_ACTION);
        if (task.notes() != null) {
            todo.add(new Description(task.notes()));
        }
        if (task.priority() != null) {
            todo.add(new net.fortuna.ical4j.model.property.Priority(level(task.priority())));
        }
        if (!task.tags().isEmpty()) {
            todo.add(new Categories(new TextList(task.tags())));
        }
        if (task.rrule() != null) {
            addRecurrence(todo, task);
        }
        task.reminders().forEach(reminder -> todo.add(alarm(reminder, task.title())));
        return todo;
    }

    /**
     * A recurring to-do needs a DTSTART (RFC 5545 3.8.2.4): its first occurrence, which is the current due. A rule this
     * library cannot read is left out rather than failing the whole feed; the to-do still shows at its due.
     */
    private static void addRecurrence(VToDo todo, CalendarTask task) {
        RRule<Temporal> rule;
        try {
            rule = new RRule<>(task.rrule());
        } catch (IllegalArgumentException | DateTimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Task {0} has an RRULE the calendar feed cannot read: {1}", task.id(), e.getMessage());
            return;
        }
        todo.add(new DtStart<>(temporal(task.due()))).add(rule);
    }

    private static Temporal temporal(CalendarTask.Due due) {
        return switch (due) {
            case CalendarTask.Due.OnDate onDate -> onDate.date();
            case CalendarTask.Due.At at -> at.instant();
        };
    }

    private static int level(Priority priority) {
        return switch (priority) {
            case URGENT -> 1;
            case HIGH -> 3;
            case MEDIUM -> 5;
            case LOW -> 9;
        };
    }

    private static VAlarm alarm(CalendarTask.Reminder reminder, String title) {
        Trigger trigger = switch (reminder) {
            // A to-do without DTSTART would relate a trigger to its (absent) start by default: relate it to the due.
            case CalendarTask.Reminder.BeforeDue before ->
                    new Trigger(new ParameterList(List.of(Related.END)), Duration.ofMinutes(-before.minutes()));
            case CalendarTask.Reminder.At at -> new Trigger(at.instant());
        };
        return new VAlarm()
                .add(trigger)
                .add(ImmutableAction.DISPLAY)
                .add(new Description(title));
    }
}
