package app.tdah.planner;

import java.util.ArrayList;
import java.util.List;

/** The minutes of each step: small boxes, because a short box is easier to start than a long task. */
final class TimeBoxes {

    static final int MIN_MINUTES = 5;
    static final int MAX_MINUTES = 30;
    private static final int GRAIN = 5;

    private TimeBoxes() {
    }

    static int clamp(int minutes) {
        return Math.clamp(minutes, MIN_MINUTES, MAX_MINUTES);
    }

    /**
     * Scales the steps' usual minutes so they add up to about the task's estimate, in 5-minute boxes of 5 to 30.
     *
     * @param usual    each step's minutes when nothing else is known, 5 to 30
     * @param estimate the whole task's estimate, or null (or not positive) to keep the usual minutes
     */
    static List<Integer> fit(List<Integer> usual, Integer estimate) {
        if (estimate == null || estimate <= 0) {
            return usual;
        }
        int count = usual.size();
        int target = Math.clamp(roundToGrain(estimate), count * MIN_MINUTES, count * MAX_MINUTES);
        double scale = (double) target / usual.stream().mapToInt(Integer::intValue).sum();
        double[] ideal = new double[count];
        int[] minutes = new int[count];
        int total = 0;
        for (int i = 0; i < count; i++) {
            ideal[i] = usual.get(i) * scale;
            minutes[i] = clamp(roundToGrain(ideal[i]));
            total += minutes[i];
        }
        // Rounding each box drifts from the target: move 5 minutes at a time where the drift is largest.
        while (total != target) {
            int direction = total < target ? 1 : -1;
            int pick = mostDrifted(ideal, minutes, direction);
            minutes[pick] += direction * GRAIN;
            total += direction * GRAIN;
        }
        List<Integer> fitted = new ArrayList<>(count);
        for (int m : minutes) {
            fitted.add(m);
        }
        return fitted;
    }

    /** The box that can still move in {@code direction} and is furthest from its ideal that way. */
    private static int mostDrifted(double[] ideal, int[] minutes, int direction) {
        int pick = -1;
        double widest = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < minutes.length; i++) {
            int moved = minutes[i] + direction * GRAIN;
            double gap = direction * (ideal[i] - minutes[i]);
            if (moved >= MIN_MINUTES && moved <= MAX_MINUTES && gap > widest) {
                pick = i;
                widest = gap;
            }
        }
        return pick;
    }

    private static int roundToGrain(double minutes) {
        return (int) Math.round(minutes / GRAIN) * GRAIN;
    }
}
