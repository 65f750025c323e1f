package app.tdah.planner;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Breaks a task down offline, from templates for common kinds of task, with the task's own words woven in.
 * Deterministic and thread-safe.
 */
public final class BuiltInTaskPlanner implements TaskPlanner {

    private final TitleReader reader = new TitleReader(TaskKinds.KNOWN.stream()
            .flatMap(kind -> kind.verbs().stream())
            .toList());

    @Override
    public List<PlannedStep> breakDown(PlanRequest request) {
        TitleShape shape = reader.read(request.title());
        TaskKind kind = TaskKinds.KNOWN.stream()
                .filter(known -> known.fits(shape))
                .findFirst()
                .orElse(TaskKinds.TIME_BOXED);
        List<Integer> minutes = TimeBoxes.fit(kind.usualMinutes(), request.estimateMinutes());
        List<LocalDate> dues = DueDateSpreader.spread(kind.steps().size(), request.today(), request.due());
        List<PlannedStep> steps = new ArrayList<>(dues.size());
        for (int i = 0; i < dues.size(); i++) {
            steps.add(new PlannedStep(kind.steps().get(i).render(shape, minutes.get(i)), minutes.get(i), dues.get(i)));
        }
        return List.copyOf(steps);
    }
}
