package app.tdah.capture;

import app.tdah.capture.Phrases.ClockTime;
import app.tdah.capture.Phrases.DateHit;
import app.tdah.capture.Phrases.Daypart;
import app.tdah.capture.Phrases.Kind;
import app.tdah.capture.Phrases.Lead;
import app.tdah.capture.Phrases.Phrase;
import app.tdah.capture.Phrases.Repeat;
import app.tdah.capture.Phrases.Rule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules a reading tries, step by step. Within a step, kinds keep the order {@link Phrases} gives them, and for
 * each kind the languages come in the order given: the person's language first, then English.
 */
record Grammar(List<Rule<Priority>> urgentWords, List<Rule<Lead>> remindBefore, List<Rule<Language>> remindMe,
               List<Rule<Repeat>> recurrences, List<Rule<Duration>> elapsed, List<Rule<DateHit>> dates,
               List<Rule<ClockTime>> times, List<Rule<Daypart>> dayparts) {

    static Grammar of(List<Language> languages) {
        return new Grammar(rules(Phrases.PRIORITY_STEP, languages), rules(Phrases.REMIND_BEFORE_STEP, languages),
                rules(Phrases.REMIND_ME_STEP, languages), rules(Phrases.RECURRENCE_STEP, languages),
                rules(Phrases.ELAPSED_STEP, languages), rules(Phrases.DATE_STEP, languages),
                rules(Phrases.TIME_STEP, languages), rules(Phrases.DAYPART_STEP, languages));
    }

    private static <T> List<Rule<T>> rules(List<Kind<T>> kinds, List<Language> languages) {
        List<Rule<T>> rules = new ArrayList<>();
        for (Kind<T> kind : kinds) {
            for (Language language : languages) {
                for (Phrase phrase : language.phrases(kind)) {
                    rules.add(new Rule<>(kind, phrase, language));
                }
            }
        }
        return List.copyOf(rules);
    }
}
