package app.tdah.testing;

import java.time.Year;
import java.time.ZoneOffset;

/**
 * Dates for tests whose server runs on the real clock and that need a day safely in the future (a due date whose
 * reminder must not fire, a miss that is not yet due): always some years ahead of today, so the test passes on any day.
 * Month and day stay fixed, so a January date is in winter wherever the test runs.
 */
public final class TestDates {

    /** Five years from now: far enough that nothing in the test becomes due, near enough for every date type. */
    public static final int FUTURE_YEAR = Year.now(ZoneOffset.UTC).getValue() + 5;

    private TestDates() {
    }

    /** {@code monthDay} ("01-10") in {@link #FUTURE_YEAR}, as ISO text: "2031-01-10". */
    public static String future(String monthDay) {
        return FUTURE_YEAR + "-" + monthDay;
    }
}
