package app.tdah.capture;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/** When a task is due: a whole day, or a moment in the user's zone. */
public sealed interface Due permits Due.AllDay, Due.Timed {

    DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd");
    DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");

    /** The local day the task falls on. */
    LocalDate date();

    /** {@code YYYY-MM-DD} for an all-day due, {@code YYYY-MM-DDTHH:MM} (local) for a timed one. */
    String text();

    record AllDay(LocalDate date) implements Due {
        public AllDay {
            Objects.requireNonNull(date, "date");
        }

        @Override
        public String text() {
            return DATE.format(date);
        }
    }

    record Timed(ZonedDateTime at) implements Due {
        public Timed {
            Objects.requireNonNull(at, "at");
        }

        @Override
        public LocalDate date() {
            return at.toLocalDate();
        }

        @Override
        public String text() {
            return DATE_TIME.format(at);
        }
    }
}
