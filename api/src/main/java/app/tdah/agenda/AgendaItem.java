package app.tdah.agenda;

import java.time.Instant;
import java.time.LocalDate;

import app.tdah.integrations.Provider;
import app.tdah.tasks.Task;

/**
 * One line of the agenda: a calendar event, a task due at a time, or a reminder.
 *
 * @param date     the local day it starts on, in the person's zone
 * @param startsAt null for all-day events
 * @param endsAt   an event's end; a task's due plus its estimate; null for reminders and tasks without an estimate
 * @param busy     the event shows as busy (tasks and reminders never do)
 * @param provider whose calendar an event is from
 * @param task     the task of a task or reminder line, or the task scheduled into an event (shown once, as the event)
 */
public record AgendaItem(Kind kind, String title, LocalDate date, boolean allDay, Instant startsAt, Instant endsAt,
                         String location, boolean busy, Provider provider, String link, Task task) {

    public enum Kind { EVENT, TASK, REMINDER }
}
