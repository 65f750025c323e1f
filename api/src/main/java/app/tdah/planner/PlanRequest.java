package app.tdah.planner;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import app.tdah.i18n.ProfileLanguage;

/**
 * A task to break into steps.
 *
 * @param title           the task as the person wrote it
 * @param notes           the task's notes, or null
 * @param estimateMinutes how long the person thinks the whole task takes, or null
 * @param tags            the task's tags; null reads as none
 * @param today           today in the person's zone: no step is due before it
 * @param due             the task's due date in the person's zone, or null
 * @param language        the person's language: the steps are written in it
 */
public record PlanRequest(String title, String notes, Integer estimateMinutes, List<String> tags, LocalDate today,
                          LocalDate due, ProfileLanguage language) {

    public PlanRequest {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(language, "language");
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
