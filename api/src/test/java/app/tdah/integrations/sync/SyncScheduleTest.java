package app.tdah.integrations.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class SyncScheduleTest {

    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    @Test
    void eachIntegrationKeepsItsOwnSlotAndThousandsSpreadOverTheInterval() {
        SyncSchedule schedule = new SyncSchedule(FIVE_MINUTES);
        int[] perMinute = new int[5];
        for (int i = 0; i < 10_000; i++) {
            UUID id = UUID.randomUUID();
            Instant next = schedule.nextSlot(id, NOW);
            assertThat(next).isAfter(NOW).isBeforeOrEqualTo(NOW.plus(FIVE_MINUTES));
            assertThat(schedule.nextSlot(id, next)).isEqualTo(next.plus(FIVE_MINUTES));
            assertThat(schedule.nextSlot(id, next.plusSeconds(7))).as("a late sync keeps its slot").isEqualTo(next.plus(FIVE_MINUTES));
            perMinute[(int) Duration.between(NOW, next.minusMillis(1)).toMinutes()]++;
        }
        for (int count : perMinute) {
            assertThat(count).isBetween(1_800, 2_200);
        }
    }

    @Test
    void failuresBackOffDoublingToAnHourUnlessTheProviderSaidHowLong() {
        List<Duration> waits = new ArrayList<>();
        for (int failures = 1; failures <= 8; failures++) {
            waits.add(Duration.between(NOW, SyncSchedule.afterFailure(NOW, failures, null)));
        }
        assertThat(waits).extracting(Duration::toMinutes).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L);
        assertThat(SyncSchedule.afterFailure(NOW, 5, Duration.ofSeconds(30))).isEqualTo(NOW.plusSeconds(30));
        assertThat(SyncSchedule.afterFailure(NOW, 1, Duration.ofDays(3))).as("an absurd Retry-After is capped").isEqualTo(NOW.plus(Duration.ofHours(6)));
    }
}
