package app.tdah.sms.assistant;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import app.tdah.i18n.ProfileLanguage;
import app.tdah.sms.assistant.SmsCommand.SnoozeLength;

/**
 * Reads a text as a command. The commands are a few fixed words, so a task that happens to start with one ("next
 * week's report") is still a task: only the whole text matching a command's form is that command.
 *
 * <p>The words are the person's language's and the English ones, as capture reads phrases (docs/capture/): "fait 2"
 * and "done 2" both work on a French profile; an English profile reads English alone.
 */
final class SmsCommandParser {

    /** "snooze" alone: an hour, the choice a person in a hurry most often makes. */
    static final int DEFAULT_SNOOZE_MINUTES = 60;

    /**
     * One language's command words, lower case; forms with and without accents, since phones do not always type them.
     *
     * @param snoozeFor the words that may stand between the snooze word and its length ("snooze for 2h")
     * @param units     the words of a snooze length, each with its minutes
     * @param questions the words that open a question
     */
    private record Words(Set<String> help, Set<String> today, Set<String> tomorrow, Set<String> overdue,
                         Set<String> next, Set<String> more, Set<String> undo, Set<String> done, Set<String> breakDown,
                         Set<String> snooze, Set<String> snoozeFor, Map<String, Integer> units, Set<String> questions) {

        Words plus(Words other) {
            return new Words(union(help, other.help), union(today, other.today), union(tomorrow, other.tomorrow),
                    union(overdue, other.overdue), union(next, other.next), union(more, other.more),
                    union(undo, other.undo), union(done, other.done), union(breakDown, other.breakDown),
                    union(snooze, other.snooze), union(snoozeFor, other.snoozeFor), merged(units, other.units),
                    union(questions, other.questions));
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        return Stream.concat(a.stream(), b.stream()).collect(Collectors.toUnmodifiableSet());
    }

    private static Map<String, Integer> units(int minutes, String... words) {
        return Stream.of(words).collect(Collectors.toMap(word -> word, word -> minutes));
    }

    @SafeVarargs
    private static Map<String, Integer> merged(Map<String, Integer>... maps) {
        Map<String, Integer> all = new HashMap<>();
        Stream.of(maps).forEach(all::putAll);
        return Map.copyOf(all);
    }

    private static final int HOUR = 60;
    private static final int DAY = 24 * HOUR;

    private static final Words ENGLISH = new Words(
            Set.of("help", "info", "?", "commands", "menu"),
            Set.of("today", "agenda", "list", "ls", "tasks"),
            Set.of("tomorrow"),
            Set.of("overdue", "late"),
            Set.of("next"),
            Set.of("more"),
            Set.of("undo"),
            Set.of("done"),
            Set.of("break down", "breakdown"),
            Set.of("snooze"),
            Set.of("for"),
            merged(units(1, "m", "min", "mins", "minute", "minutes"), units(HOUR, "h", "hr", "hrs", "hour", "hours"),
                    units(DAY, "d", "day", "days")),
            Set.of("what", "what's", "whats", "when", "where", "which", "who", "why", "how", "can", "could", "should",
                    "would"));

    private static final Words FRENCH = new Words(
            Set.of("aide", "commandes"),
            Set.of("liste", "aujourd'hui", "aujourdhui", "auj", "taches", "tâches"),
            Set.of("demain"),
            Set.of("en retard", "retard", "retards"),
            Set.of("suivant", "suivante", "prochaine", "prochain"),
            Set.of("suite", "plus", "encore"),
            Set.of("annuler", "defaire", "défaire"),
            Set.of("fait", "fini", "termine", "terminé", "c'est fait"),
            Set.of("decouper", "découper", "diviser"),
            Set.of("reporter", "repousser", "plus tard"),
            Set.of("de", "pour", "à", "a", "jusqu'à", "jusqu'a"),
            merged(units(1, "m", "mn", "min", "mins", "minute", "minutes"), units(HOUR, "h", "heure", "heures"),
                    units(DAY, "j", "jour", "jours")),
            Set.of("quoi", "quand", "où", "quel", "quelle", "quels", "quelles", "qui", "pourquoi", "comment",
                    "combien", "est-ce", "qu'est-ce", "peux-tu", "pouvez-vous", "dois-je"));

    private static final Words SPANISH = new Words(
            Set.of("ayuda", "comandos"),
            Set.of("lista", "hoy", "tareas"),
            Set.of("mañana", "manana"),
            Set.of("atrasadas", "atrasado", "atrasados", "vencidas", "pendientes"),
            Set.of("siguiente", "próxima", "proxima"),
            Set.of("más", "mas", "ver más", "ver mas"),
            Set.of("deshacer"),
            Set.of("hecho", "hecha", "listo", "terminado", "terminada"),
            Set.of("dividir", "desglosar"),
            Set.of("posponer", "aplazar", "más tarde", "mas tarde"),
            Set.of("por", "durante", "hasta", "a", "para"),
            merged(units(1, "m", "min", "mins", "minuto", "minutos"), units(HOUR, "h", "hora", "horas"),
                    units(DAY, "d", "día", "dia", "días", "dias")),
            Set.of("qué", "que", "cuándo", "cuando", "dónde", "donde", "cuál", "cual", "cuáles", "cuales", "quién",
                    "quien", "por qué", "cómo", "cuánto", "cuánta", "cuántas", "cuántos", "cuanto", "cuantas",
                    "puedes", "podrías", "podrias"));

    /** One language's words with the English ones, and the patterns built from them. */
    private record Reader(Words words, Pattern numbered, Pattern snooze, Pattern questionStart) {

        static Reader of(Words words) {
            return new Reader(words,
                    Pattern.compile("(" + alternation(union(words.done(), words.breakDown())) + ")(?: #?(\\d{1,3}))?"),
                    Pattern.compile("(?:" + alternation(words.snooze()) + ")(?: #?(\\d{1,3}))?(?: (?:(?:"
                            + alternation(words.snoozeFor()) + ") )?(" + alternation(words.tomorrow()) + "|(\\d{1,4}) ?("
                            + alternation(words.units().keySet()) + ")))?"),
                    Pattern.compile("(?U)(?:" + alternation(words.questions()) + ")\\b.*"));
        }

        /** The words as a regex alternation, longest first so that "break down" wins over a shorter word. */
        private static String alternation(Set<String> words) {
            return words.stream()
                    .sorted((a, b) -> b.length() != a.length() ? b.length() - a.length() : a.compareTo(b))
                    .map(Pattern::quote)
                    .collect(Collectors.joining("|"));
        }
    }

    private static final Map<ProfileLanguage, Reader> READERS = Map.of(
            ProfileLanguage.EN, Reader.of(ENGLISH),
            ProfileLanguage.FR, Reader.of(FRENCH.plus(ENGLISH)),
            ProfileLanguage.ES, Reader.of(SPANISH.plus(ENGLISH)));

    private SmsCommandParser() {
    }

    static SmsCommand parse(String body, ProfileLanguage language) {
        Reader reader = READERS.get(language);
        Words words = reader.words();
        String text = body.strip().replaceAll("\\s+", " ");
        String command = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replaceAll("[.!]+$", "").strip();
        if (words.help().contains(command)) {
            return new SmsCommand.Help();
        }
        if (words.today().contains(command)) {
            return new SmsCommand.Today();
        }
        if (words.tomorrow().contains(command)) {
            return new SmsCommand.Tomorrow();
        }
        if (words.overdue().contains(command)) {
            return new SmsCommand.Overdue();
        }
        if (words.next().contains(command)) {
            return new SmsCommand.Next();
        }
        if (words.more().contains(command)) {
            return new SmsCommand.More();
        }
        if (words.undo().contains(command)) {
            return new SmsCommand.Undo();
        }
        Matcher numbered = reader.numbered().matcher(command);
        if (numbered.matches()) {
            Integer number = numbered.group(2) == null ? null : Integer.valueOf(numbered.group(2));
            return words.done().contains(numbered.group(1)) ? new SmsCommand.Done(number) : new SmsCommand.BreakDown(number);
        }
        Matcher snooze = reader.snooze().matcher(command);
        if (snooze.matches()) {
            Integer number = snooze.group(1) == null ? null : Integer.valueOf(snooze.group(1));
            return new SmsCommand.Snooze(number, length(snooze, words));
        }
        if (command.endsWith("?") || command.startsWith("¿") || reader.questionStart().matcher(command).matches()) {
            return new SmsCommand.Question(text);
        }
        return new SmsCommand.Capture(text);
    }

    private static SnoozeLength length(Matcher snooze, Words words) {
        if (snooze.group(2) == null) {
            return new SnoozeLength.Minutes(DEFAULT_SNOOZE_MINUTES);
        }
        if (words.tomorrow().contains(snooze.group(2))) {
            return new SnoozeLength.UntilTomorrow();
        }
        return new SnoozeLength.Minutes(Integer.parseInt(snooze.group(3)) * words.units().get(snooze.group(4)));
    }
}
