package app.tdah.planner;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import app.tdah.i18n.ProfileLanguage;

/**
 * Breaks a task down offline, from templates for common kinds of task in the person's language, with the task's own
 * words woven in. Deterministic and thread-safe.
 */
public final class BuiltInTaskPlanner implements TaskPlanner {

    private final Map<ProfileLanguage, TitleReader> readers = new EnumMap<>(ProfileLanguage.class);

    public BuiltInTaskPlanner() {
        for (ProfileLanguage language : ProfileLanguage.values()) {
            readers.put(language, new TitleReader(PlannerLanguage.of(language)));
        }
    }

    @Override
    public List<PlannedStep> breakDown(PlanRequest request) {
        PlannerLanguage language = PlannerLanguage.of(request.language());
        TitleShape shape = readers.get(request.language()).read(request.title());
        TaskKind kind = language.kinds().stream()
                .filter(known -> known.fits(shape))
                .findFirst()
                .orElse(language.timeBoxed());
        List<Integer> minutes = TimeBoxes.fit(kind.usualMinutes(), request.estimateMinutes());
        List<LocalDate> dues = DueDateSpreader.spread(kind.steps().size(), request.today(), request.due());
        List<PlannedStep> steps = new ArrayList<>(dues.size());
        for (int i = 0; i < dues.size(); i++) {
            steps.add(new PlannedStep(kind.steps().get(i).render(shape, minutes.get(i)), minutes.get(i), dues.get(i)));
        }
        return List.copyOf(steps);
    }
}
