package app.tdah.reminders;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuietHoursTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final QuietHours NIGHT = new QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0), PARIS);

    private static Instant paris(String local) {
        return LocalDateTime.parse(local).atZone(PARIS).toInstant();
    }

    @Test
    void aReminderLateInTheEveningWaitsUntilTheMorning() {
        assertThat(NIGHT.deferral(paris("2026-11-25T23:30"))).contains(paris("2026-11-26T08:00"));
    }

    @Test
    void aReminderAfterMidnightWaitsUntilTheSameMorning() {
        assertThat(NIGHT.deferral(paris("2026-11-26T03:15"))).contains(paris("2026-11-26T08:00"));
    }

    @Test
    void daytimeRemindersGoOutAtOnceAndTheWindowEdgesAreExact() {
        assertThat(NIGHT.deferral(paris("2026-11-25T14:00"))).isEmpty();
        assertThat(NIGHT.deferral(paris("2026-11-25T21:59"))).isEmpty();
        assertThat(NIGHT.deferral(paris("2026-11-25T22:00"))).contains(paris("2026-11-26T08:00"));
        assertThat(NIGHT.deferral(paris("2026-11-26T08:00"))).isEmpty();
    }

    @Test
    void theMorningEndIsLocalTimeAcrossTheSpringForwardNight() {
        // 29 March 2026: Paris moves from UTC+1 to UTC+2 at 02:00. The night is an hour shorter, 08:00 stays 08:00.
        Instant deferred = NIGHT.deferral(paris("2026-03-28T23:00")).orElseThrow();
        assertThat(deferred.atZone(PARIS).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-03-29T08:00"));
        assertThat(deferred).isEqualTo(Instant.parse("2026-03-29T06:00:00Z"));
    }

    @Test
    void aDaytimeWindowThatDoesNotCrossMidnightWorksToo() {
        QuietHours nap = new QuietHours(LocalTime.of(13, 0), LocalTime.of(14, 0), PARIS);
        assertThat(nap.deferral(paris("2026-11-25T13:30"))).contains(paris("2026-11-25T14:00"));
        assertThat(nap.deferral(paris("2026-11-25T12:59"))).isEmpty();
    }

    @Test
    void anEmptyWindowNeverDefers() {
        assertThat(new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, PARIS).deferral(paris("2026-11-25T23:30"))).isEmpty();
    }
}
