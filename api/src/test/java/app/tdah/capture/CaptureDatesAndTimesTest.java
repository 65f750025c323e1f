package app.tdah.capture;

import static app.tdah.capture.Fixtures.NEW_YORK;
import static app.tdah.capture.Fixtures.PARIS;
import static app.tdah.capture.Fixtures.parse;
import static app.tdah.capture.Fixtures.parseAt;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Dates and times, read on Tuesday 2026-03-10 at 09:30 in Montreal unless a test says otherwise. */
class CaptureDatesAndTimesTest {

    private static void assertDue(String text, String due) {
        Capture capture = parse(text);

        assertThat(capture.dueText()).as(text).isEqualTo(due);
        assertThat(capture.title()).as(text).isEqualTo("do it");
    }

    @Nested
    class RelativeDays {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', textBlock = """
                do it today                   | 2026-03-10
                do it tomorrow                | 2026-03-11
                do it tmrw                    | 2026-03-11
                do it tmr                     | 2026-03-11
                do it tonight                 | 2026-03-10T20:00
                do it tomorrow morning        | 2026-03-11T09:00
                do it tomorrow afternoon      | 2026-03-11T15:00
                do it tomorrow evening        | 2026-03-11T19:00
                do it tomorrow at noon        | 2026-03-11T12:00
                do it tomorrow midday         | 2026-03-11T12:00
                do it by tomorrow             | 2026-03-11
                do it due tomorrow            | 2026-03-11
                do it the day after tomorrow  | 2026-03-12
                """)
        void readsTheNamedDay(String text, String due) {
            assertDue(text, due);
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', textBlock = """
                do it morning   | 2026-03-11T09:00
                do it afternoon | 2026-03-10T15:00
                do it evening   | 2026-03-10T19:00
                do it noon      | 2026-03-10T12:00
                """)
        void aDaypartAloneIsTheNextSuchTime(String text, String due) {
            assertDue(text, due);
        }
    }

    @Nested
    class Weekdays {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', textBlock = """
                do it wednesday    | 2026-03-11
                do it thu          | 2026-03-12
                do it Friday       | 2026-03-13
                do it sat          | 2026-03-14
                do it sun          | 2026-03-15
                do it mon          | 2026-03-16
                do it on friday    | 2026-03-13
                do it next friday  | 2026-03-13
                do it this friday  | 2026-03-13
                do it by friday    | 2026-03-13
                do it due fri      | 2026-03-13
                """)
        void aWeekdayIsTheNearestSuchDayAfterToday(String text, String due) {
            assertDue(text, due);
        }

        @Test
        void todaysWeekdayMeansNextWeek() {
            assertDue("do it tuesday", "2026-03-17");
            assertDue("do it tue", "2026-03-17");
        }
    }

    @Nested
    class Periods {

        @ParameterizedTest(name = "{0} at {1} -> {2}")
        @CsvSource(delimiter = '|', textBlock = """
                do it next week      | 2026-03-10T09:30 | 2026-03-16
                do it next week      | 2026-03-15T09:30 | 2026-03-16
                do it next week      | 2026-03-16T09:30 | 2026-03-23
                do it this weekend   | 2026-03-10T09:30 | 2026-03-14
                do it weekend        | 2026-03-10T09:30 | 2026-03-14
                do it this weekend   | 2026-03-14T09:30 | 2026-03-14
                do it next month     | 2026-03-10T09:30 | 2026-04-01
                do it next month     | 2026-12-15T09:30 | 2027-01-01
                do it end of month   | 2026-03-10T09:30 | 2026-03-31
                do it end of month   | 2028-02-03T09:30 | 2028-02-29
                do it by end of month | 2026-04-30T09:30 | 2026-04-30
                """)
        void readsThePeriod(String text, String now, String due) {
            Capture capture = parseAt(text, now, Fixtures.MONTREAL);

            assertThat(capture.dueText()).isEqualTo(due);
            assertThat(capture.title()).isEqualTo("do it");
        }
    }

    @Nested
    class InDuration {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', textBlock = """
                do it in 3 days         | 2026-03-13
                do it in 1 day          | 2026-03-11
                do it in 2 weeks        | 2026-03-24
                do it in a week         | 2026-03-17
                do it in 3 days at 5pm  | 2026-03-13T17:00
                do it in 45 minutes     | 2026-03-10T10:15
                do it in 2 hours        | 2026-03-10T11:30
                do it in an hour        | 2026-03-10T10:30
                do it in half an hour   | 2026-03-10T10:00
                do it in 90 min         | 2026-03-10T11:00
                """)
        void readsTheDuration(String text, String due) {
            assertDue(text, due);
        }

        @Test
        void dropsTheSecondsOfNow() {
            Capture capture = parseAt("do it in 10 minutes", "2026-03-10T09:30:45", Fixtures.MONTREAL);

            assertThat(capture.dueText()).isEqualTo("2026-03-10T09:40");
            assertThat(((Due.Timed) capture.due()).at().getSecond()).isZero();
        }

        @Test
        void hoursAcrossTheSpringChangeAreElapsedTime() {
            Capture capture = parseAt("do it in 2 hours", "2026-03-08T01:15", NEW_YORK);

            assertThat(capture.dueText()).isEqualTo("2026-03-08T04:15");
        }

        @Test
        void hoursAcrossTheAutumnChangeAreElapsedTime() {
            Capture capture = parseAt("do it in 2 hours", "2026-10-25T01:15", PARIS);

            Due.Timed due = (Due.Timed) capture.due();
            assertThat(capture.dueText()).isEqualTo("2026-10-25T02:15");
            assertThat(due.at().getOffset()).isEqualTo(ZoneOffset.ofHours(1));
        }

        @Test
        void daysAcrossTheSpringChangeAreCalendarDays() {
            assertThat(parseAt("do it in 1 day at 9am", "2026-03-07T10:00", NEW_YORK).dueText())
                    .isEqualTo("2026-03-08T09:00");
        }
    }

    @Nested
    class MonthAndDay {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', textBlock = """
                do it March 20          | 2026-03-20
                do it Mar 20            | 2026-03-20
                do it march 20th        | 2026-03-20
                do it 20 March          | 2026-03-20
                do it the 20th of March | 2026-03-20
                do it December 1st      | 2026-12-01
                do it on Dec 1          | 2026-12-01
                do it March 10          | 2026-03-10
                do it March 3           | 2027-03-03
                do it march 3rd         | 2027-03-03
                do it 3 March           | 2027-03-03
                do it jan 5             | 2027-01-05
                do it Feb 29            | 2028-02-29
                do it March 3, 2026     | 2026-03-03
                do it 3/14              | 2026-03-14
                do it 3/10              | 2026-03-10
                do it 3/9               | 2027-03-09
                do it 12/25/2027        | 2027-12-25
                do it 2026-04-01        | 2026-04-01
                do it on 2025-01-02     | 2025-01-02
                do it 3/14 at 11am      | 2026-03-14T11:00
                """)
        void readsTheDate(String text, String due) {
            assertDue(text, due);
        }

        @Test
        void aSlashDateIsMonthThenDay() {
            assertDue("do it 4/3", "2026-04-03");
            assertDue("do it 3/4", "2027-03-04");
        }
    }

    @Nested
    class DayOfMonth {

        @ParameterizedTest(name = "{0} at {1} -> {2}")
        @CsvSource(delimiter = '|', textBlock = """
                do it the 15th       | 2026-03-10T09:30 | 2026-03-15
                do it on the 15th    | 2026-03-10T09:30 | 2026-03-15
                do it on the 10th    | 2026-03-10T09:30 | 2026-03-10
                do it on the 5th     | 2026-03-10T09:30 | 2026-04-05
                do it on the 1st     | 2026-12-10T09:30 | 2027-01-01
                do it on the 31st    | 2026-04-10T09:30 | 2026-05-31
                do it on the 30th    | 2026-01-31T09:30 | 2026-03-30
                do it by the 22nd    | 2026-03-10T09:30 | 2026-03-22
                """)
        void isTheFirstSuchDayFromToday(String text, String now, String due) {
            Capture capture = parseAt(text, now, Fixtures.MONTREAL);

            assertThat(capture.dueText()).isEqualTo(due);
            assertThat(capture.title()).isEqualTo("do it");
        }
    }

    @Nested
    class Times {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', textBlock = """
                do it 5pm          | 2026-03-10T17:00
                do it 5 pm         | 2026-03-10T17:00
                do it 5:30pm       | 2026-03-10T17:30
                do it at 5pm       | 2026-03-10T17:00
                do it at 10am      | 2026-03-10T10:00
                do it 12pm         | 2026-03-10T12:00
                do it 12am         | 2026-03-11T00:00
                do it 17:00        | 2026-03-10T17:00
                do it at 17:00     | 2026-03-10T17:00
                do it 17h          | 2026-03-10T17:00
                do it 17h30        | 2026-03-10T17:30
                do it noon         | 2026-03-10T12:00
                do it at noon      | 2026-03-10T12:00
                """)
        void readsTheTime(String text, String due) {
            assertDue(text, due);
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', textBlock = """
                do it at 1   | 2026-03-10T13:00
                do it at 5   | 2026-03-10T17:00
                do it at 6   | 2026-03-10T18:00
                do it at 7   | 2026-03-11T07:00
                do it at 10  | 2026-03-10T10:00
                do it at 11  | 2026-03-10T11:00
                do it at 12  | 2026-03-10T12:00
                do it at 18  | 2026-03-10T18:00
                do it at 5:30 | 2026-03-10T17:30
                """)
        void aBareHourAfterAtIsAfternoonUpToSixAndMorningFromSeven(String text, String due) {
            assertDue(text, due);
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', textBlock = """
                do it tonight at 9           | 2026-03-10T21:00
                do it tomorrow evening at 7  | 2026-03-11T19:00
                do it tomorrow morning at 5  | 2026-03-11T05:00
                do it tomorrow morning at 8  | 2026-03-11T08:00
                """)
        void aDaypartSettlesAnAmbiguousHour(String text, String due) {
            assertDue(text, due);
        }

        @Test
        void aTimeWithNoDateIsTodayWhileStillAheadElseTomorrow() {
            assertDue("do it 10am", "2026-03-10T10:00");
            assertDue("do it 8am", "2026-03-11T08:00");
            assertDue("do it 9:30am", "2026-03-11T09:30");
            assertDue("do it 9:31am", "2026-03-10T09:31");
        }

        @Test
        void aDateWithATimeIsTimedEvenWhenTheTimeHasPassed() {
            assertDue("do it today at 8am", "2026-03-10T08:00");
            assertDue("do it friday 2:30pm", "2026-03-13T14:30");
            assertDue("do it 8am tomorrow", "2026-03-11T08:00");
        }

        @Test
        void aDateWithoutATimeIsAllDay() {
            assertThat(parse("do it friday").due()).isEqualTo(new Due.AllDay(LocalDate.of(2026, 3, 13)));
        }

        @Test
        void aTimeInTheSpringForwardGapMovesForwardByTheGap() {
            Capture capture = parseAt("do it tomorrow at 2:30am", "2026-03-07T10:00", NEW_YORK);

            Due.Timed due = (Due.Timed) capture.due();
            assertThat(capture.dueText()).isEqualTo("2026-03-08T03:30");
            assertThat(due.at().getOffset()).isEqualTo(ZoneOffset.ofHours(-4));
        }

        @Test
        void aTimeWithNoDateInTheGapIsStillToday() {
            assertThat(parseAt("do it 2:30am", "2026-03-08T01:00", NEW_YORK).dueText())
                    .isEqualTo("2026-03-08T03:30");
        }

        @Test
        void anAmbiguousAutumnTimeTakesTheEarlierOffset() {
            Due.Timed due = (Due.Timed) parseAt("do it tomorrow at 2:30am", "2026-10-24T10:00", PARIS).due();

            assertThat(due.at().getOffset()).isEqualTo(ZoneOffset.ofHours(2));
        }
    }
}
