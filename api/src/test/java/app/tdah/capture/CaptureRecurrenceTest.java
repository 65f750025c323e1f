package app.tdah.capture;

import static app.tdah.capture.Fixtures.parse;
import static app.tdah.capture.Fixtures.parseAt;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Recurrence, read on Tuesday 2026-03-10 at 09:30 in Montreal unless a test says otherwise. */
class CaptureRecurrenceTest {

    @ParameterizedTest(name = "{0} -> {1} due {2}")
    @CsvSource(delimiter = '|', textBlock = """
            stretch every day                        | FREQ=DAILY                              | 2026-03-10
            stretch daily                            | FREQ=DAILY                              | 2026-03-10
            stretch every other day                  | FREQ=DAILY;INTERVAL=2                   | 2026-03-10
            stretch every weekday                    | FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR        | 2026-03-10
            stretch weekdays                         | FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR        | 2026-03-10
            stretch every monday                     | FREQ=WEEKLY;BYDAY=MO                    | 2026-03-16
            stretch every tuesday                    | FREQ=WEEKLY;BYDAY=TU                    | 2026-03-10
            stretch every thursday and tuesday       | FREQ=WEEKLY;BYDAY=TU,TH                 | 2026-03-10
            stretch every mon, wed and fri           | FREQ=WEEKLY;BYDAY=MO,WE,FR              | 2026-03-11
            stretch every other friday               | FREQ=WEEKLY;INTERVAL=2;BYDAY=FR         | 2026-03-13
            stretch every week                       | FREQ=WEEKLY                             | 2026-03-10
            stretch weekly                           | FREQ=WEEKLY                             | 2026-03-10
            stretch every month                      | FREQ=MONTHLY                            | 2026-03-10
            stretch monthly                          | FREQ=MONTHLY                            | 2026-03-10
            stretch every year                       | FREQ=YEARLY                             | 2026-03-10
            stretch yearly                           | FREQ=YEARLY                             | 2026-03-10
            stretch annually                         | FREQ=YEARLY                             | 2026-03-10
            stretch every 3 days                     | FREQ=DAILY;INTERVAL=3                   | 2026-03-10
            stretch every 2 weeks                    | FREQ=WEEKLY;INTERVAL=2                  | 2026-03-10
            stretch every 6 months                   | FREQ=MONTHLY;INTERVAL=6                 | 2026-03-10
            stretch every 2 years                    | FREQ=YEARLY;INTERVAL=2                  | 2026-03-10
            stretch every 15th                       | FREQ=MONTHLY;BYMONTHDAY=15              | 2026-03-15
            stretch every 5th                        | FREQ=MONTHLY;BYMONTHDAY=5               | 2026-04-05
            stretch every month on the 15th          | FREQ=MONTHLY;BYMONTHDAY=15              | 2026-03-15
            stretch every 3 months on the 15th       | FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15   | 2026-03-15
            stretch on the 15th of every month       | FREQ=MONTHLY;BYMONTHDAY=15              | 2026-03-15
            stretch every first monday               | FREQ=MONTHLY;BYDAY=1MO                  | 2026-04-06
            stretch the first monday of each month   | FREQ=MONTHLY;BYDAY=1MO                  | 2026-04-06
            stretch every second tuesday             | FREQ=MONTHLY;BYDAY=2TU                  | 2026-03-10
            stretch every last friday                | FREQ=MONTHLY;BYDAY=-1FR                 | 2026-03-27
            stretch every June 2                     | FREQ=YEARLY;BYMONTHDAY=2;BYMONTH=6      | 2026-06-02
            stretch every March 3                    | FREQ=YEARLY;BYMONTHDAY=3;BYMONTH=3      | 2027-03-03
            stretch every 2 June                     | FREQ=YEARLY;BYMONTHDAY=2;BYMONTH=6      | 2026-06-02
            stretch every week on monday             | FREQ=WEEKLY;BYDAY=MO                    | 2026-03-16
            stretch every other week                 | FREQ=WEEKLY;INTERVAL=2                  | 2026-03-10
            stretch every morning                    | FREQ=DAILY                              | 2026-03-11T09:00
            """)
    void readsEachRecurrenceFormDueAtItsFirstOccurrence(String text, String rrule, String due) {
        Capture capture = parse(text);

        assertThat(capture.rrule()).isEqualTo(rrule);
        assertThat(capture.dueText()).isEqualTo(due);
        assertThat(capture.title()).isEqualTo("stretch");
    }

    @Test
    void aPlainWeekdayOnThatDayIsNextWeekButARecurringOneIsToday() {
        assertThat(parse("stretch tuesday").dueText()).isEqualTo("2026-03-17");
        assertThat(parse("stretch every tuesday").dueText()).isEqualTo("2026-03-10");
    }

    @Test
    void aTimedRecurrenceIsDueAtTheFirstOccurrenceAfterNow() {
        assertThat(parse("meds every day at 8am").dueText()).isEqualTo("2026-03-11T08:00");
        assertThat(parse("meds every day at 10am").dueText()).isEqualTo("2026-03-10T10:00");
        assertThat(parse("yoga every tuesday and thursday at 7:30am").dueText()).isEqualTo("2026-03-12T07:30");
        assertThat(parse("yoga every tuesday at 6pm").dueText()).isEqualTo("2026-03-10T18:00");
    }

    @Test
    void aMonthDayMissingFromSomeMonthsSkipsThem() {
        Capture capture = parseAt("pay every 31st", "2026-04-01T09:00", Fixtures.MONTREAL);

        assertThat(capture.rrule()).isEqualTo("FREQ=MONTHLY;BYMONTHDAY=31");
        assertThat(capture.dueText()).isEqualTo("2026-05-31");
    }

    @Test
    void februaryTwentyNinthWaitsForALeapYear() {
        Capture capture = parse("party every February 29");

        assertThat(capture.rrule()).isEqualTo("FREQ=YEARLY;BYMONTHDAY=29;BYMONTH=2");
        assertThat(capture.dueText()).isEqualTo("2028-02-29");
    }

    @Test
    void aWeekdayJoinsAnOpenWeeklyRule() {
        Capture capture = parse("backup every 2 weeks on friday");

        assertThat(capture.rrule()).isEqualTo("FREQ=WEEKLY;INTERVAL=2;BYDAY=FR");
        assertThat(capture.dueText()).isEqualTo("2026-03-13");
        assertThat(capture.title()).isEqualTo("backup");
    }

    @Test
    void aRecurrenceKeepsTagsPriorityAndReminder() {
        Capture capture = parse("remind me to take meds every day at 8pm #health !!");

        assertThat(capture.title()).isEqualTo("take meds");
        assertThat(capture.rrule()).isEqualTo("FREQ=DAILY");
        assertThat(capture.dueText()).isEqualTo("2026-03-10T20:00");
        assertThat(capture.remindText()).isEqualTo("2026-03-10T20:00");
        assertThat(capture.tagsText()).isEqualTo("health");
        assertThat(capture.priority()).isEqualTo(Priority.HIGH);
    }

    @Test
    void aTaskThatDoesNotRepeatHasNoRule() {
        assertThat(parse("call mom tomorrow").rrule()).isNull();
        assertThat(parse("call mom tomorrow").rruleText()).isEmpty();
    }
}
