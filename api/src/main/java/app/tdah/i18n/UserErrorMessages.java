package app.tdah.i18n;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The userErrors' messages in French and Spanish. Services write their messages in English (tests, logs and the SMS
 * assistant read them so); the GraphQL answer is given in the person's language by looking the English message up
 * here. {@code {0}}, {@code {1}} stand for the numbers in a message ("under 500 characters"). A message not listed
 * stays in English.
 */
public final class UserErrorMessages {

    private record Entry(Pattern english, String french, String spanish) {
    }

    private static final Pattern NUMBER_SLOT = Pattern.compile("\\{(\\d)}");

    private static final List<Entry> ENTRIES = List.of(
            entry("Type something to capture.", "Tapez quelque chose à noter.", "Escriba algo para anotar."),
            entry("Keep a capture under {0} characters.", "Gardez une saisie sous {0} caractères.",
                    "Mantenga lo escrito por debajo de {0} caracteres."),
            entry("Add a few words for the title.", "Ajoutez quelques mots pour le titre.", "Añada unas palabras para el título."),
            entry("Snooze between 1 minute and a week.", "Mettez en pause entre 1 minute et une semaine.",
                    "Posponga entre 1 minuto y una semana."),
            entry("Give the task a title.", "Donnez un titre à la tâche.", "Dé un título a la tarea."),
            entry("Keep the title under {0} characters.", "Gardez le titre sous {0} caractères.",
                    "Mantenga el título por debajo de {0} caracteres."),
            entry("Keep notes under {0} characters.", "Gardez les notes sous {0} caractères.",
                    "Mantenga las notas por debajo de {0} caracteres."),
            entry("Pick a date between {0} and {1}.", "Choisissez une date entre {0} et {1}.", "Elija una fecha entre {0} y {1}."),
            entry("Pick a time between {0} and {1}.", "Choisissez une heure entre {0} et {1}.", "Elija una hora entre {0} y {1}."),
            entry("Estimate between 1 minute and a week.", "Estimez entre 1 minute et une semaine.", "Estime entre 1 minuto y una semana."),
            entry("That repeat rule isn't valid (an RFC 5545 RRULE such as FREQ=WEEKLY;BYDAY=MO).",
                    "Cette règle de répétition n’est pas valide (une RRULE RFC 5545 comme FREQ=WEEKLY;BYDAY=MO).",
                    "Esa regla de repetición no es válida (una RRULE RFC 5545 como FREQ=WEEKLY;BYDAY=MO)."),
            entry("Keep each tag under {0} characters.", "Gardez chaque étiquette sous {0} caractères.",
                    "Mantenga cada etiqueta por debajo de {0} caracteres."),
            entry("Tags use letters, digits, - and _ only.", "Les étiquettes n’utilisent que des lettres, des chiffres, - et _.",
                    "Las etiquetas solo usan letras, cifras, - y _."),
            entry("Use at most {0} tags.", "Utilisez au plus {0} étiquettes.", "Use como máximo {0} etiquetas."),
            entry("Use at most {0} reminders.", "Utilisez au plus {0} rappels.", "Use como máximo {0} recordatorios."),
            entry("A reminder has either a time or minutes before the due.",
                    "Un rappel a soit une heure, soit des minutes avant l’échéance.",
                    "Un recordatorio tiene o una hora o unos minutos antes del vencimiento."),
            entry("Remind between 0 minutes and a year before.", "Rappelez entre 0 minute et un an avant.",
                    "Recuerde entre 0 minutos y un año antes."),
            entry("A reminder before the due needs the task to have a due.",
                    "Un rappel avant l’échéance demande que la tâche ait une échéance.",
                    "Un recordatorio antes del vencimiento necesita que la tarea tenga vencimiento."),
            entry("That task doesn't exist.", "Cette tâche n’existe pas.", "Esa tarea no existe."),
            entry("That task doesn’t exist.", "Cette tâche n’existe pas.", "Esa tarea no existe."),
            entry("That reminder doesn't exist.", "Ce rappel n’existe pas.", "Ese recordatorio no existe."),
            entry("That parent task doesn't exist.", "Cette tâche parente n’existe pas.", "Esa tarea principal no existe."),
            entry("Subtasks can't have subtasks of their own.", "Une étape ne peut pas avoir ses propres étapes.",
                    "Un paso no puede tener pasos propios."),
            entry("Snooze to a time in the future.", "Mettez en pause jusqu’à un moment à venir.", "Posponga hasta un momento futuro."),
            entry("Subtasks can't be broken down further.", "Une étape ne se découpe pas davantage.", "Un paso no se divide más."),
            entry("This task already has steps.", "Cette tâche a déjà des étapes.", "Esta tarea ya tiene pasos."),
            entry("A focus session lasts {0} to {1} minutes.", "Une séance de concentration dure de {0} à {1} minutes.",
                    "Una sesión de concentración dura de {0} a {1} minutos."),
            entry("Tell us what to call you.", "Dites-nous comment vous appeler.", "Díganos cómo llamarle."),
            entry("Pick a time zone from the list, like Europe/Paris.", "Choisissez un fuseau horaire de la liste, comme Europe/Paris.",
                    "Elija una zona horaria de la lista, como Europe/Madrid."),
            entry("This password is too common and easy to guess. Try a few unrelated words together.",
                    "Ce mot de passe est trop courant et facile à deviner. Essayez quelques mots sans rapport entre eux.",
                    "Esta contraseña es demasiado común y fácil de adivinar. Pruebe varias palabras sin relación entre sí."));

    private UserErrorMessages() {
    }

    /** {@code english} in {@code language}: its translation when listed here, otherwise as it is. */
    public static String in(ProfileLanguage language, String english) {
        if (language == ProfileLanguage.EN || english == null) {
            return english;
        }
        return ENTRIES.stream()
                .flatMap(entry -> translated(entry, language, english).stream())
                .findFirst()
                .orElse(english);
    }

    private static Optional<String> translated(Entry entry, ProfileLanguage language, String english) {
        Matcher numbers = entry.english().matcher(english);
        if (!numbers.matches()) {
            return Optional.empty();
        }
        String template = language == ProfileLanguage.FR ? entry.french() : entry.spanish();
        return Optional.of(NUMBER_SLOT.matcher(template)
                .replaceAll(slot -> Matcher.quoteReplacement(numbers.group(Integer.parseInt(slot.group(1)) + 1))));
    }

    private static Entry entry(String english, String french, String spanish) {
        StringBuilder pattern = new StringBuilder();
        Matcher slots = NUMBER_SLOT.matcher(english);
        int last = 0;
        while (slots.find()) {
            pattern.append(Pattern.quote(english.substring(last, slots.start()))).append("([\\d,]+)");
            last = slots.end();
        }
        pattern.append(Pattern.quote(english.substring(last)));
        return new Entry(Pattern.compile(pattern.toString()), french, spanish);
    }
}
