package app.tdah.planner;

import java.util.List;

/** Breaks a task that keeps slipping into a few small steps that are easier to start. */
public interface TaskPlanner {

    /**
     * @return 3 to 6 steps in the order to do them: each a short action starting with a verb, 5 to 30 minutes long,
     *         due between {@code today} and the task's due
     */
    List<PlannedStep> breakDown(PlanRequest request);
}
