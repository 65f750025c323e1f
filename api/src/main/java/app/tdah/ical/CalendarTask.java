package app.tdah.ical;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import app.tdah.capture.Priority;

/** An open task with a due, as the calendar feed shows it. Notes, priority and rrule may be null. */
record CalendarTask(UUID id, String title, String notes, Due due, Priority priority, List<String> tags, String rrule,
                    Instant updatedAt, List<Reminder> reminders) {

    sealed interface Due {
        /** All day, on a date of the person's own calendar. */
        record OnDate(LocalDate date) implements Due {
        }

        record At(Instant instant) implements Due {
        }
    }

    sealed interface Reminder {
        record BeforeDue(int minutes) implements Reminder {
        }

        record At(Instant instant) implements Reminder {
        }
    }
}
