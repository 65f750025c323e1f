package app.tdah.tasks;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import app.tdah.jobs.coordination.Coordination;
import app.tdah.planner.TaskPlanner;

/**
 * Which planner breaks a person's task down. Each call to the language model costs the operator money and a slot of
 * the model's time, so it serves only people whose role permits it ({@code ASSISTANT_LLM}, as for the SMS
 * assistant's questions), at most {@code perHour} breakdowns an hour each, cluster-wide. Everyone else, and anyone
 * past that, gets the built-in planner's steps, which cost nothing: a breakdown is never refused for it.
 */
public final class BreakdownPlanners {

    private static final Duration WINDOW = Duration.ofHours(1);

    private final TaskPlanner builtIn;
    private final Optional<TaskPlanner> llm;
    private final Predicate<UUID> mayUseLlm;
    private final Coordination coordination;
    private final int perHour;

    /** {@code llm} empty: no model configured, the built-in planner for everyone. */
    public BreakdownPlanners(TaskPlanner builtIn, Optional<TaskPlanner> llm, Predicate<UUID> mayUseLlm,
                             Coordination coordination, int perHour) {
        this.builtIn = builtIn;
        this.llm = llm;
        this.mayUseLlm = mayUseLlm;
        this.coordination = coordination;
        this.perHour = perHour;
    }

    /** The planner for this person's next breakdown; taking the model uses one of their breakdowns of the hour. */
    TaskPlanner forPerson(UUID userId) {
        if (llm.isPresent() && mayUseLlm.test(userId) && coordination.tryAcquire("llm-breakdown:" + userId, perHour, WINDOW)) {
            return llm.get();
        }
        return builtIn;
    }
}
