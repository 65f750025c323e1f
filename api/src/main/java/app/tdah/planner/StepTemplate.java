package app.tdah.planner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * The wording of one step, with the task's own words woven in, and its usual length.
 *
 * <p>In the text, {@code {the object}} and the like are slots (see {@link Slot}), and {@code [a|b]} is a choice: the
 * first alternative whose slots all have a value, or nothing. "Write down what to ask {the object}[ {detail}]" reads
 * "Write down what to ask the dentist about the bill", or "Write down what to ask mom" for "call mom".
 */
record StepTemplate(List<Part> parts, int usualMinutes) {

    StepTemplate {
        parts = List.copyOf(parts);
    }

    static StepTemplate step(int usualMinutes, String text) {
        if (usualMinutes < TimeBoxes.MIN_MINUTES || usualMinutes > TimeBoxes.MAX_MINUTES) {
            throw new IllegalArgumentException("a step lasts 5 to 30 minutes: " + text);
        }
        return new StepTemplate(parse(text), usualMinutes);
    }

    /** The step's title for this task, when it lasts {@code minutes}. */
    String render(TitleShape shape, int minutes) {
        String text = Part.renderAll(parts, shape, minutes);
        if (text == null) {
            throw new IllegalStateException("a slot outside a choice has no value for: " + shape.task());
        }
        return Words.capitalized(text);
    }

    /** The task's words a step can take; how a language writes each form of the object is its {@link Nouns}'. */
    enum Slot {
        VERB("verb", (shape, minutes) -> shape.verb()),
        /** As the title has it after the verb, for a step that repeats the verb: "au dentiste", "a mamá". */
        OBJECT("object", (shape, minutes) -> shape.object(NounPhrase::asWritten)),
        THE_OBJECT("the object", (shape, minutes) -> shape.object(NounPhrase::definite)),
        YOUR_OBJECT("your object", (shape, minutes) -> shape.object(NounPhrase::yours)),
        THE_OBJECTS("the object's", (shape, minutes) -> NounPhrase.possessive(shape.object(NounPhrase::definite))),
        OF_THE_OBJECT("of the object", (shape, minutes) -> shape.object(NounPhrase::of)),
        TO_THE_OBJECT("to the object", (shape, minutes) -> shape.object(NounPhrase::to)),
        THE_THING("the thing", (shape, minutes) -> shape.thing()),
        TOPIC("topic", (shape, minutes) -> shape.topicText()),
        DETAIL("detail", (shape, minutes) -> shape.detail()),
        TASK("task", (shape, minutes) -> shape.task()),
        MINUTES("minutes", (shape, minutes) -> Integer.toString(minutes));

        private final String name;
        private final BiFunction<TitleShape, Integer, String> value;

        Slot(String name, BiFunction<TitleShape, Integer, String> value) {
            this.name = name;
            this.value = value;
        }

        static Slot named(String name) {
            return Arrays.stream(values()).filter(slot -> slot.name.equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no slot {" + name + "}"));
        }
    }

    sealed interface Part {

        /** The text of the part, or null when a slot in it has no value. */
        String render(TitleShape shape, int minutes);

        static String renderAll(List<Part> parts, TitleShape shape, int minutes) {
            StringBuilder text = new StringBuilder();
            for (Part part : parts) {
                String rendered = part.render(shape, minutes);
                if (rendered == null) {
                    return null;
                }
                text.append(rendered);
            }
            return text.toString();
        }
    }

    record Text(String text) implements Part {
        @Override
        public String render(TitleShape shape, int minutes) {
            return text;
        }
    }

    record SlotPart(Slot slot) implements Part {
        @Override
        public String render(TitleShape shape, int minutes) {
            return slot.value.apply(shape, minutes);
        }
    }

    record Choice(List<List<Part>> alternatives) implements Part {
        @Override
        public String render(TitleShape shape, int minutes) {
            return alternatives.stream()
                    .map(alternative -> Part.renderAll(alternative, shape, minutes))
                    .filter(Objects::nonNull)
                    .findFirst()
                    .orElse("");
        }
    }

    private static List<Part> parse(String text) {
        List<Part> parts = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '{') {
                int end = closing(text, at, '}');
                parts.add(new SlotPart(Slot.named(text.substring(at + 1, end))));
                at = end + 1;
            } else if (c == '[') {
                int end = closing(text, at, ']');
                parts.add(new Choice(Arrays.stream(text.substring(at + 1, end).split("\\|", -1))
                        .map(StepTemplate::parse)
                        .toList()));
                at = end + 1;
            } else {
                int end = at;
                while (end < text.length() && text.charAt(end) != '{' && text.charAt(end) != '[') {
                    end++;
                }
                parts.add(new Text(text.substring(at, end)));
                at = end;
            }
        }
        return parts;
    }

    private static int closing(String text, int open, char close) {
        int end = text.indexOf(close, open);
        if (end < 0) {
            throw new IllegalArgumentException("unclosed '" + text.charAt(open) + "' in: " + text);
        }
        return end;
    }
}
