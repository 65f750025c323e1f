package app.tdah.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.function.Function;

import app.tdah.i18n.Texts;
import app.tdah.i18n.ZoneAndLanguage;
import app.tdah.integrations.sync.CalendarEvents;
import app.tdah.integrations.sync.EventOccurrence;
import app.tdah.jobs.LeaveNowNudges;
import app.tdah.notifications.Notifier;

/**
 * "Leave now" for people who asked for it: an in-app notification the chosen number of minutes before each timed
 * event with a place in their synced calendars, in their language ({@code LeaveNowTexts}) and zone. In-app only:
 * reminders choose their channels one by one, and there is no per-person channel setting a nudge could follow. A nudge and its record commit together, and the record is unique per
 * occurrence, so each goes out once whichever node runs the job; a run that comes late still nudges before the start.
 */
final class LeaveNowNudger implements LeaveNowNudges {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final String TEXTS = LeaveNowNudger.class.getPackageName() + ".LeaveNowTexts";

    private final SchedulingRepository repository;
    private final CalendarEvents calendars;
    private final Notifier notifier;
    private final Function<UUID, ZoneAndLanguage> zoneAndLanguageOf;
    private final Clock clock;

    LeaveNowNudger(SchedulingRepository repository, CalendarEvents calendars, Notifier notifier,
                   Function<UUID, ZoneAndLanguage> zoneAndLanguageOf, Clock clock) {
        this.repository = repository;
        this.calendars = calendars;
        this.notifier = notifier;
        this.zoneAndLanguageOf = zoneAndLanguageOf;
        this.clock = clock;
    }

    @Override
    public int sendDue() {
        Instant now = clock.instant();
        int sent = 0;
        for (SchedulingRepository.NudgeSetting setting : repository.nudgeSettings()) {
            ZoneAndLanguage person = zoneAndLanguageOf.apply(setting.userId());
            ZoneId zone = person.zone();
            Texts texts = Texts.load(TEXTS, person.language());
            Instant until = now.plus(Duration.ofMinutes(setting.minutes()));
            for (EventOccurrence e : calendars.between(setting.userId(), now, until, now.atZone(zone).toLocalDate(),
                    until.atZone(zone).toLocalDate())) {
                if (e.allDay() || e.location() == null || !e.startsAt().isAfter(now) || e.startsAt().isAfter(until)) {
                    continue;
                }
                boolean nudged = repository.inTransaction(tx -> {
                    if (!repository.recordNudge(tx, e.integrationId(), e.eventId(), e.startsAt(), now)) {
                        return false;
                    }
                    notifier.notify(tx, setting.userId(),
                            e.title() == null || e.title().isBlank() ? texts.text("title.untitled") : texts.text("title", e.title()),
                            texts.text("body", TIME.format(e.startsAt().atZone(zone)), e.location()));
                    return true;
                });
                sent += nudged ? 1 : 0;
            }
        }
        return sent;
    }
}
