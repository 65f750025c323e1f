package app.tdah.planner;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A task to break into steps.
 *
 * @param title           the task as the person wrote it
 * @param notes           the task's notes, or null
 * @param estimateMinutes how long the person thinks the whole task takes, or null
 * @param tags            the task's tags; null reads as none
 * @param today           today in the person's zone: no step is due before it
 * @param due             the task's due date in the person's zone, or null
 */
public record PlanRequest(String title, String notes, Integer estimateMinutes, List<String> tags, LocalDate today,
                          LocalDate due) {

    public PlanRequest {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(today, "today");
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
