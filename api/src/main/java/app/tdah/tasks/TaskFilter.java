package app.tdah.tasks;

import java.util.Locale;
import java.util.Optional;

import app.tdah.capture.Priority;

/**
 * What narrows the task list: a tag, a priority, words in the title or notes; every part given must match, an empty
 * filter lets everything through. The tag is compared as tasks store theirs (lower case, without '#').
 */
public record TaskFilter(Optional<String> tag, Optional<Priority> priority, Optional<String> text) {

    public static final TaskFilter NONE = new TaskFilter(Optional.empty(), Optional.empty(), Optional.empty());

    public TaskFilter {
        tag = tag.map(t -> t.strip().replaceFirst("^#", "").toLowerCase(Locale.ROOT)).filter(t -> !t.isEmpty());
        text = text.map(String::strip).filter(t -> !t.isEmpty());
    }
}
