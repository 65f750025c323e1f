package app.tdah.planner;

import java.util.List;
import java.util.Set;

/**
 * A common kind of task (a call, a booking, a repair…) and the steps that usually get it done.
 *
 * @param verbs the verb phrases that open such a task ("call", "reply to")
 * @param nouns when not empty, the object must also name one of these ("file taxes" but not "file a complaint")
 * @param steps the steps, in order; 3 to 6
 */
record TaskKind(String name, Set<String> verbs, Set<String> nouns, List<StepTemplate> steps) {

    TaskKind {
        verbs = Set.copyOf(verbs);
        nouns = Set.copyOf(nouns);
        steps = List.copyOf(steps);
        if (steps.size() < 3 || steps.size() > 6) {
            throw new IllegalArgumentException(name + " has " + steps.size() + " steps; a breakdown has 3 to 6");
        }
    }

    boolean fits(TitleShape shape) {
        return shape.hasVerbAndObject()
                && verbs.contains(shape.verb())
                && (nouns.isEmpty() || shape.object().mentionsAny(nouns));
    }

    List<Integer> usualMinutes() {
        return steps.stream().map(StepTemplate::usualMinutes).toList();
    }
}
