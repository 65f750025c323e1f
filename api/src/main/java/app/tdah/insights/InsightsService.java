package app.tdah.insights;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** A person's insights as of now. */
public final class InsightsService {

    private final InsightsRepository repository;
    private final Clock clock;

    public InsightsService(InsightsRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    Insights insights(UUID userId) {
        Instant now = clock.instant();
        InsightsRepository.RecentOutcomes recent = repository.recentOutcomes(userId, now);
        InsightsRepository.TimePatterns patterns = repository.timePatterns(userId, now);
        InsightsRepository.RecentFocus focus = repository.recentFocus(userId, now);
        return new Insights(
                recent.last7Days(),
                recent.last30Days(),
                patterns.completionsByHour(),
                patterns.completionsByWeekday(),
                repository.tagOutcomes(userId, now),
                repository.currentStreakDays(userId, now),
                new Insights.MissPatterns(patterns.missesByWeekday(), patterns.missesByHour()),
                repository.breakdownEffect(userId, now),
                repository.weeklyCompletions(userId, now),
                focus.last7Days(),
                focus.last30Days());
    }
}
