package app.tdah.planner;

import java.util.List;
import java.util.Set;

import app.tdah.i18n.ProfileLanguage;

/**
 * What the built-in planner knows of one language: its kinds of task with their steps, the plan for any other task,
 * the words a title may start with before its verb ("I need to", "il faut", "tengo que"), the words that open a
 * detail ("about", "pour", "sobre"), how its noun phrases take articles, and what to call a task with no words.
 */
record PlannerLanguage(List<TaskKind> kinds, TaskKind timeBoxed, List<String> fillers, Set<String> prepositions,
                       Nouns nouns, String unnamedTask) {

    private static final PlannerLanguage ENGLISH = new PlannerLanguage(EnglishTaskKinds.KNOWN, EnglishTaskKinds.TIME_BOXED,
            List.of("i need to", "need to", "i have to", "have to", "i must", "must", "i should", "should", "i gotta",
                    "gotta", "got to", "remember to", "don't forget to", "try to", "finally", "please", "todo", "to do"),
            Set.of("about", "regarding", "re", "for", "to", "with", "at", "from", "on", "in", "into", "before", "after"),
            Nouns.ENGLISH, "this task");

    /** "De" and "à" open no detail: they are inside names of things ("facture d'électricité", "machine à laver"). */
    private static final PlannerLanguage FRENCH = new PlannerLanguage(FrenchTaskKinds.KNOWN, FrenchTaskKinds.TIME_BOXED,
            List.of("je dois", "il faut", "faut", "je vais", "penser à", "ne pas oublier de", "ne pas oublier",
                    "essayer de", "enfin", "svp", "stp", "à faire"),
            Set.of("pour", "avec", "sur", "concernant", "avant", "après", "chez", "depuis", "vers"),
            Nouns.FRENCH, "cette chose à faire");

    /** "De" and "a" open no detail: "a" brings a person ("llamar a mamá"), "de" is inside names ("ropa de invierno"). */
    private static final PlannerLanguage SPANISH = new PlannerLanguage(SpanishTaskKinds.KNOWN, SpanishTaskKinds.TIME_BOXED,
            List.of("tengo que", "hay que", "debo", "necesito", "quiero", "acordarme de", "no olvidar", "no olvides",
                    "recordar", "intentar", "por favor", "por hacer"),
            Set.of("sobre", "para", "con", "acerca", "antes", "después", "despues", "en", "desde", "hacia"),
            Nouns.SPANISH, "esta tarea");

    static PlannerLanguage of(ProfileLanguage language) {
        return switch (language) {
            case EN -> ENGLISH;
            case FR -> FRENCH;
            case ES -> SPANISH;
        };
    }
}
