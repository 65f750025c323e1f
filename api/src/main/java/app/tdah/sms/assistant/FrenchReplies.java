package app.tdah.sms.assistant;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * The assistant's words in French. "Tâche", "ça", "arrêter" and "côté" are not written in GSM 7-bit: the texts say
 * "une chose à faire", "cela", "ne plus rien recevoir" instead, and August is "aout" (the 1990 spelling).
 */
final class FrenchReplies extends SmsReplies {

    private static final String[] WEEKDAYS = {"lun", "mar", "mer", "jeu", "ven", "sam", "dim"};
    private static final String[] MONTHS = {"janv", "févr", "mars", "avr", "mai", "juin", "juil", "aout", "sept", "oct",
        "nov", "déc"};

    @Override
    String help() {
        return "Envoyez une chose à faire : pain demain 17h. Ou LISTE, DEMAIN, RETARD, SUIVANT, FAIT 2, REPORTER 2 1h, "
                + "DECOUPER 2, ANNULER. STOP : plus de SMS.";
    }

    @Override
    String whichTask() {
        return "Laquelle ? Répondez LISTE, puis par ex. FAIT 2 ou REPORTER 2 1h.";
    }

    @Override
    String noList() {
        return "Pas de liste à parcourir. Répondez LISTE pour voir celle du jour.";
    }

    @Override
    String endOfList() {
        return "C'était toute la liste. Répondez LISTE pour la revoir.";
    }

    @Override
    String nothingToUndo() {
        return "Rien à annuler.";
    }

    @Override
    String noQuestions() {
        return "Je ne peux pas répondre aux questions ici. Pour l'ajouter, renvoyez-le sans point d'interrogation. "
                + "AIDE pour les commandes.";
    }

    @Override
    String snoozeRange() {
        return "Reportez de 1 minute à 7 jours, par ex. REPORTER 20m, REPORTER 2h ou REPORTER DEMAIN.";
    }

    @Override
    String failed() {
        return "Désolé, un problème est survenu chez nous. Réessayez dans une minute.";
    }

    @Override
    String titleMissing() {
        return "Ajoutez quelques mots pour le titre, par ex. appeler maman demain 17h.";
    }

    @Override
    String taskRemoved() {
        return "Cet élément a été supprimé. Répondez LISTE pour voir les autres.";
    }

    @Override
    String nothingNext() {
        return "Rien de prévu. Envoyez une chose à faire pour l'ajouter.";
    }

    @Override
    String noSuchNumber(int number) {
        return "Il n'y a pas de " + number + " dans la dernière liste. Répondez LISTE pour la revoir.";
    }

    @Override
    String alreadyDone(String title) {
        return "Déjà fait : " + title + ".";
    }

    @Override
    String next(String title, String when) {
        return "Suivant : " + title + (when == null ? "" : " (" + when + ")") + ".";
    }

    @Override
    String nextHint() {
        return " Répondez FAIT ou REPORTER 1h.";
    }

    @Override
    String added(String title, String when, boolean repeats) {
        return "Ajouté : " + title + (when == null ? "" : ", pour " + when) + (repeats ? ", se répète" : "") + ".";
    }

    @Override
    String removeHint() {
        return " ANNULER pour le retirer.";
    }

    @Override
    String completed(String title, String nextWhen) {
        return "Fait : " + title + ". Bravo !" + (nextWhen == null ? "" : " Prochaine fois : " + nextWhen + ".");
    }

    @Override
    String undoHint() {
        return " ANNULER pour revenir en arrière.";
    }

    @Override
    String snoozed(String title, String until) {
        return "Reporté : " + title + ", jusqu'à " + until + ".";
    }

    @Override
    String brokenDown(String title, int steps) {
        return title + " en " + steps + " étapes :";
    }

    @Override
    String undone(Conversation.UndoKind kind, String title) {
        return switch (kind) {
            case CREATED -> "Annulé : " + title + " est retiré.";
            case COMPLETED -> "Annulé : " + title + " est de nouveau à faire.";
            case SNOOZED -> "Annulé : " + title + " n'est plus reporté.";
        };
    }

    @Override
    String emptyList(String listName) {
        return switch (listName) {
            case "Tomorrow" -> "Rien pour demain. Envoyez une chose à faire pour l'ajouter.";
            case "Overdue" -> "Rien en retard. Bravo !";
            default -> "Rien pour aujourd'hui. Envoyez une chose à faire pour l'ajouter.";
        };
    }

    @Override
    String listTitle(String listName) {
        return switch (listName) {
            case "Today" -> "Aujourd'hui";
            case "Tomorrow" -> "Demain";
            case "Overdue" -> "En retard";
            case "Steps" -> "Étapes";
            default -> "Suivant";
        };
    }

    @Override
    String moreLine(int remaining) {
        return "SUITE pour " + remaining + " de plus";
    }

    @Override
    String doneMark() {
        return " (fait)";
    }

    @Override
    String removedLine() {
        return "(supprimé)";
    }

    @Override
    String today() {
        return "aujourd'hui";
    }

    @Override
    String tomorrow() {
        return "demain";
    }

    @Override
    String yesterday() {
        return "hier";
    }

    @Override
    String day(LocalDate date) {
        return WEEKDAYS[date.getDayOfWeek().ordinal()] + " " + date.getDayOfMonth() + " " + MONTHS[date.getMonthValue() - 1];
    }

    /** "17h", "17h30": how French writes a time. */
    @Override
    String time(LocalTime time) {
        return time.getHour() + "h" + (time.getMinute() == 0 ? "" : String.format("%02d", time.getMinute()));
    }

    @Override
    String didSoFar(Conversation.UndoKind action, String title) {
        return switch (action) {
            case CREATED -> "ajouté " + title;
            case COMPLETED -> "terminé " + title;
            case SNOOZED -> "reporté " + title;
        };
    }

    @Override
    String couldNotAnswer(List<String> doneSoFar) {
        return "Désolé, je ne peux pas répondre pour l'instant."
                + (doneSoFar.isEmpty() ? "" : " J'ai déjà " + String.join(", ", doneSoFar) + ".")
                + " AIDE pour les commandes.";
    }
}
