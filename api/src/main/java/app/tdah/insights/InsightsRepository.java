package app.tdah.insights;

import static app.tdah.platform.SqlValues.timestamp;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import app.tdah.insights.Insights.BreakdownEffect;
import app.tdah.insights.Insights.FocusTotals;
import app.tdah.insights.Insights.HourCount;
import app.tdah.insights.Insights.Outcomes;
import app.tdah.insights.Insights.TagOutcomes;
import app.tdah.insights.Insights.WeekCount;
import app.tdah.insights.Insights.WeekdayCount;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;

/**
 * All SQL of insights. Every statement starts from the same two views: {@code person} (their zone, and today on their
 * calendar) and {@code outcomes} (each completed or missed occurrence up to now, with its local time). Windows of N
 * days are today and the N - 1 days before it, from local midnight.
 */
public final class InsightsRepository {

    // Named parameters: Helidon reads "::" as the start of one, so these statements cast with CAST(... AS ...).
    private static final String WITH_OUTCOMES = """
            WITH person AS (
                SELECT time_zone AS zone, CAST(CAST(:now AS timestamptz) AT TIME ZONE time_zone AS date) AS today
                FROM users WHERE id = CAST(:user AS uuid)
            ),
            outcomes AS (
                SELECT true AS completed, c.task_id, c.tags, c.completed_at AS at, c.completed_at AT TIME ZONE p.zone AS local_at
                FROM task_completions c CROSS JOIN person p
                WHERE c.user_id = CAST(:user AS uuid) AND c.completed_at <= CAST(:now AS timestamptz)
                UNION ALL
                -- A miss has no tags of its own (a completion keeps those it was done with), so it takes its task's.
                -- It is dated when it was counted: occurrence_due identifies the occurrence, it is no time to count by.
                SELECT false, m.task_id, t.tags, m.counted_at, m.counted_at AT TIME ZONE p.zone
                FROM task_misses m JOIN tasks t ON t.id = m.task_id CROSS JOIN person p
                WHERE m.user_id = CAST(:user AS uuid) AND m.counted_at <= CAST(:now AS timestamptz)
            )
            """;

    private static final String RECENT_OUTCOMES = WITH_OUTCOMES + """
            SELECT count(*) FILTER (WHERE completed AND local_at >= today - 6) AS completed_7,
                   count(*) FILTER (WHERE NOT completed AND local_at >= today - 6) AS missed_7,
                   count(*) FILTER (WHERE completed) AS completed_30,
                   count(*) FILTER (WHERE NOT completed) AS missed_30
            FROM outcomes CROSS JOIN person
            WHERE local_at >= today - 29""";

    /** One row per (outcome, local weekday) and per (outcome, local hour) over 90 days: the other column is null. */
    private static final String TIME_PATTERNS = WITH_OUTCOMES + """
            SELECT completed, CAST(extract(isodow FROM local_at) AS int) AS weekday,
                   CAST(extract(hour FROM local_at) AS int) AS hour, count(*) AS occurrences
            FROM outcomes CROSS JOIN person
            WHERE local_at >= today - 89
            GROUP BY GROUPING SETS ((completed, weekday), (completed, hour))""";

    private static final String TAG_OUTCOMES = WITH_OUTCOMES + """
            SELECT tag, count(*) FILTER (WHERE completed) AS completions, count(*) FILTER (WHERE NOT completed) AS misses
            FROM outcomes CROSS JOIN LATERAL unnest(outcomes.tags) AS tag CROSS JOIN person
            WHERE local_at >= today - 89
            GROUP BY tag
            ORDER BY completions DESC, tag""";

    /**
     * Walking back from the latest day with a completion, day + its rank - 1 stays equal to that day for as long as
     * the days are consecutive: those are the streak, when the latest day is today or yesterday.
     */
    private static final String CURRENT_STREAK = WITH_OUTCOMES + """
            , completion_days AS (
                SELECT DISTINCT CAST(local_at AS date) AS day FROM outcomes WHERE completed
            ),
            ranked AS (
                SELECT day, day + CAST(row_number() OVER (ORDER BY day DESC) AS int) - 1 AS run_end,
                       max(day) OVER () AS latest
                FROM completion_days
            )
            SELECT count(*) AS days FROM ranked CROSS JOIN person
            WHERE run_end = latest AND latest >= today - 1""";

    private static final String BREAKDOWN_EFFECT = WITH_OUTCOMES + """
            SELECT count(DISTINCT t.id) AS tasks,
                   count(o.task_id) FILTER (WHERE o.completed AND o.at < t.broken_down_at) AS completed_before,
                   count(o.task_id) FILTER (WHERE NOT o.completed AND o.at < t.broken_down_at) AS missed_before,
                   count(o.task_id) FILTER (WHERE o.completed AND o.at >= t.broken_down_at) AS completed_after,
                   count(o.task_id) FILTER (WHERE NOT o.completed AND o.at >= t.broken_down_at) AS missed_after
            FROM tasks t LEFT JOIN outcomes o ON o.task_id = t.id
            WHERE t.user_id = CAST(:user AS uuid) AND t.broken_down_at IS NOT NULL""";

    private static final String WEEKLY_COMPLETIONS = WITH_OUTCOMES + """
            SELECT to_char(week_start, 'IYYY-"W"IW') AS week, count(outcomes.local_at) AS completions
            FROM person
            CROSS JOIN generate_series(date_trunc('week', CAST(today AS timestamp)) - interval '7 weeks',
                                       date_trunc('week', CAST(today AS timestamp)), interval '1 week') AS week_start
            LEFT JOIN outcomes ON outcomes.completed AND date_trunc('week', outcomes.local_at) = week_start
            GROUP BY week_start
            ORDER BY week_start""";

    /** Focus sessions are counted by the local day they ended on, over the same windows as outcomes. */
    private static final String FOCUS_TOTALS = """
            WITH person AS (
                SELECT time_zone AS zone, CAST(CAST(:now AS timestamptz) AT TIME ZONE time_zone AS date) AS today
                FROM users WHERE id = CAST(:user AS uuid)
            ),
            sessions AS (
                SELECT f.minutes, CAST(f.ended_at AT TIME ZONE p.zone AS date) AS day, p.today
                FROM focus_sessions f CROSS JOIN person p
                WHERE f.user_id = CAST(:user AS uuid) AND f.ended_at <= CAST(:now AS timestamptz)
            )
            SELECT count(*) FILTER (WHERE day >= today - 6) AS sessions_7,
                   coalesce(sum(minutes) FILTER (WHERE day >= today - 6), 0) AS minutes_7,
                   count(*) AS sessions_30,
                   coalesce(sum(minutes), 0) AS minutes_30
            FROM sessions
            WHERE day >= today - 29""";

    private final DbClient db;

    public InsightsRepository(DbClient db) {
        this.db = db;
    }

    record RecentFocus(FocusTotals last7Days, FocusTotals last30Days) {
    }

    record RecentOutcomes(Outcomes last7Days, Outcomes last30Days) {
    }

    /** Every list zero-filled: 24 hours from 0, 7 weekdays from Monday. */
    record TimePatterns(List<HourCount> completionsByHour, List<WeekdayCount> completionsByWeekday,
                        List<HourCount> missesByHour, List<WeekdayCount> missesByWeekday) {
    }

    RecentOutcomes recentOutcomes(UUID userId, Instant now) {
        DbRow row = row(RECENT_OUTCOMES, userId, now);
        return new RecentOutcomes(new Outcomes(count(row, "completed_7"), count(row, "missed_7")),
                new Outcomes(count(row, "completed_30"), count(row, "missed_30")));
    }

    TimePatterns timePatterns(UUID userId, Instant now) {
        int[] completionsByHour = new int[24];
        int[] missesByHour = new int[24];
        int[] completionsByWeekday = new int[7];
        int[] missesByWeekday = new int[7];
        for (DbRow row : rows(TIME_PATTERNS, userId, now)) {
            boolean completed = row.column("completed").get(Boolean.class);
            Integer isoWeekday = row.column("weekday").get(Integer.class);
            int occurrences = count(row, "occurrences");
            if (isoWeekday != null) {
                (completed ? completionsByWeekday : missesByWeekday)[isoWeekday - 1] = occurrences;
            } else {
                (completed ? completionsByHour : missesByHour)[row.column("hour").get(Integer.class)] = occurrences;
            }
        }
        return new TimePatterns(hours(completionsByHour), weekdays(completionsByWeekday),
                hours(missesByHour), weekdays(missesByWeekday));
    }

    List<TagOutcomes> tagOutcomes(UUID userId, Instant now) {
        return rows(TAG_OUTCOMES, userId, now).stream()
                .map(row -> new TagOutcomes(row.column("tag").get(String.class),
                        new Outcomes(count(row, "completions"), count(row, "misses"))))
                .toList();
    }

    int currentStreakDays(UUID userId, Instant now) {
        return count(row(CURRENT_STREAK, userId, now), "days");
    }

    BreakdownEffect breakdownEffect(UUID userId, Instant now) {
        DbRow row = row(BREAKDOWN_EFFECT, userId, now);
        return new BreakdownEffect(count(row, "tasks"),
                new Outcomes(count(row, "completed_before"), count(row, "missed_before")),
                new Outcomes(count(row, "completed_after"), count(row, "missed_after")));
    }

    List<WeekCount> weeklyCompletions(UUID userId, Instant now) {
        return rows(WEEKLY_COMPLETIONS, userId, now).stream()
                .map(row -> new WeekCount(row.column("week").get(String.class), count(row, "completions")))
                .toList();
    }

    RecentFocus recentFocus(UUID userId, Instant now) {
        DbRow row = row(FOCUS_TOTALS, userId, now);
        return new RecentFocus(new FocusTotals(count(row, "sessions_7"), count(row, "minutes_7")),
                new FocusTotals(count(row, "sessions_30"), count(row, "minutes_30")));
    }

    /** The one row of an aggregate statement. */
    private DbRow row(String sql, UUID userId, Instant now) {
        return db.execute().createGet(sql)
                .addParam("user", userId).addParam("now", timestamp(now))
                .execute().orElseThrow();
    }

    private List<DbRow> rows(String sql, UUID userId, Instant now) {
        try (Stream<DbRow> rows = db.execute().createQuery(sql)
                .addParam("user", userId).addParam("now", timestamp(now))
                .execute()) {
            return rows.toList();
        }
    }

    private static int count(DbRow row, String column) {
        return Math.toIntExact(row.column(column).get(Long.class));
    }

    private static List<HourCount> hours(int[] counts) {
        return IntStream.range(0, counts.length).mapToObj(hour -> new HourCount(hour, counts[hour])).toList();
    }

    private static List<WeekdayCount> weekdays(int[] counts) {
        return IntStream.range(0, counts.length).mapToObj(i -> new WeekdayCount(DayOfWeek.of(i + 1), counts[i])).toList();
    }
}
