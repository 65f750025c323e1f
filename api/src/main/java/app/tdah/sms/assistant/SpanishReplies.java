package app.tdah.sms.assistant;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The assistant's words in Spanish. Á, í, ó and ú are not in GSM 7-bit (é, ñ, ü, ¿ and ¡ are): the texts are worded
 * around them ("una semana" rather than "7 días", "la lista anterior" rather than "la última"), and Saturday is
 * "sab".
 */
final class SpanishReplies extends SmsReplies {

    private static final String[] WEEKDAYS = {"lun", "mar", "mié", "jue", "vie", "sab", "dom"};
    private static final String[] MONTHS = {"ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct",
        "nov", "dic"};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    @Override
    String help() {
        return "Escribe una tarea: pan mañana a las 5. O LISTA, MAÑANA, ATRASADAS, SIGUIENTE, HECHO 2, "
                + "POSPONER 2 1h, DIVIDIR 2, DESHACER. STOP para darte de baja.";
    }

    @Override
    String whichTask() {
        return "¿Qué tarea? Responde LISTA y luego p. ej. HECHO 2 o POSPONER 2 1h.";
    }

    @Override
    String noList() {
        return "No hay lista que recorrer. Responde LISTA para ver las tareas de hoy.";
    }

    @Override
    String endOfList() {
        return "Esa era toda la lista. Responde LISTA para verla otra vez.";
    }

    @Override
    String nothingToUndo() {
        return "Nada que deshacer.";
    }

    @Override
    String noQuestions() {
        return "No puedo responder preguntas por SMS. Para añadirlo como tarea, escribe sin signos de pregunta. "
                + "AYUDA para ver los comandos.";
    }

    @Override
    String snoozeRange() {
        return "Puedes posponer de 1 minuto a una semana, p. ej. POSPONER 20m, POSPONER 2h o POSPONER MAÑANA.";
    }

    @Override
    String failed() {
        return "Lo siento, hubo un problema de nuestro lado. Vuelve a intentarlo en un minuto.";
    }

    @Override
    String titleMissing() {
        return "Falta el nombre de la tarea: añade unas palabras, p. ej. llamar a Ana mañana a las 5.";
    }

    @Override
    String taskRemoved() {
        return "Esa tarea ya no existe. Responde LISTA para ver tus tareas.";
    }

    @Override
    String nothingNext() {
        return "Nada pendiente. Escribe una tarea para añadirla.";
    }

    @Override
    String noSuchNumber(int number) {
        return "No hay un " + number + " en la lista anterior. Responde LISTA para verla otra vez.";
    }

    @Override
    String alreadyDone(String title) {
        return "Ya estaba hecha: " + title + ".";
    }

    @Override
    String next(String title, String when) {
        return "Siguiente: " + title + (when == null ? "" : " (" + when + ")") + ".";
    }

    @Override
    String nextHint() {
        return " Responde HECHO o POSPONER 1h.";
    }

    @Override
    String added(String title, String when, boolean repeats) {
        return "Añadida: " + title + (when == null ? "" : ", para " + when) + (repeats ? ", se repite" : "") + ".";
    }

    @Override
    String removeHint() {
        return " DESHACER para quitarla.";
    }

    @Override
    String completed(String title, String nextWhen) {
        return "Hecha: " + title + ". ¡Bien hecho!" + (nextWhen == null ? "" : " La siguiente: " + nextWhen + ".");
    }

    @Override
    String undoHint() {
        return " DESHACER para revertirlo.";
    }

    @Override
    String snoozed(String title, String until) {
        return "Pospuesta: " + title + ", hasta " + until + ".";
    }

    @Override
    String brokenDown(String title, int steps) {
        return title + " en " + steps + " pasos:";
    }

    @Override
    String undone(Conversation.UndoKind kind, String title) {
        return switch (kind) {
            case CREATED -> "Deshecho: " + title + " quitada.";
            case COMPLETED -> "Deshecho: " + title + " vuelve a estar pendiente.";
            case SNOOZED -> "Deshecho: " + title + " ya no queda pospuesta.";
        };
    }

    @Override
    String emptyList(String listName) {
        return switch (listName) {
            case "Tomorrow" -> "Nada para mañana. Escribe una tarea para añadirla.";
            case "Overdue" -> "Nada atrasado. ¡Genial!";
            default -> "Nada para hoy. Escribe una tarea para añadirla.";
        };
    }

    @Override
    String listTitle(String listName) {
        return switch (listName) {
            case "Today" -> "Hoy";
            case "Tomorrow" -> "Mañana";
            case "Overdue" -> "Atrasadas";
            case "Steps" -> "Pasos";
            default -> "Siguiente";
        };
    }

    @Override
    String moreLine(int remaining) {
        return "Quedan " + remaining + ". Responde MAS";
    }

    @Override
    String doneMark() {
        return " (hecha)";
    }

    @Override
    String removedLine() {
        return "(borrada)";
    }

    @Override
    String today() {
        return "hoy";
    }

    @Override
    String tomorrow() {
        return "mañana";
    }

    @Override
    String yesterday() {
        return "ayer";
    }

    @Override
    String day(LocalDate date) {
        return WEEKDAYS[date.getDayOfWeek().ordinal()] + " " + date.getDayOfMonth() + " " + MONTHS[date.getMonthValue() - 1];
    }

    @Override
    String time(LocalTime time) {
        return TIME.format(time);
    }

    @Override
    String didSoFar(Conversation.UndoKind action, String title) {
        return switch (action) {
            case CREATED -> "he añadido " + title;
            case COMPLETED -> "he marcado " + title + " como hecha";
            case SNOOZED -> "he pospuesto " + title;
        };
    }

    @Override
    String couldNotAnswer(List<String> doneSoFar) {
        return "Lo siento, ahora no puedo responder."
                + (doneSoFar.isEmpty() ? "" : " Hasta ahora " + String.join(", ", doneSoFar) + ".")
                + " AYUDA para ver los comandos.";
    }
}
