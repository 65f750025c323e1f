// The Insights page's one query (insights.graphqls).
import { graphql } from '../graphql/generated';
import type { InsightsQuery } from '../graphql/generated/graphql';

export const INSIGHTS = graphql(`
  query Insights {
    insights {
      last7Days { completed missed rate }
      last30Days { completed missed rate }
      completionsByHour { hour count }
      completionsByWeekday { weekday count }
      currentStreakDays
      breakdown {
        tasks
        before { completed missed rate }
        after { completed missed rate }
      }
      weeklyCompletions { week completions }
      focusLast7Days { sessions minutes }
      focusLast30Days { sessions minutes }
    }
  }
`);

export type InsightsData = NonNullable<InsightsQuery['insights']>;
