package app.tdah.planner;

import java.time.LocalDate;

/** One small step of a broken-down task: a concrete action, its time box and the day it is due. */
public record PlannedStep(String title, int estimateMinutes, LocalDate due) {
}
