package app.tdah.sms.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import app.tdah.i18n.ProfileLanguage;
import app.tdah.sms.assistant.SmsCommand.SnoozeLength;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SmsCommandParserTest {

    static Stream<Arguments> commands() {
        return Stream.of(
                Arguments.of("help", new SmsCommand.Help()),
                Arguments.of("?", new SmsCommand.Help()),
                Arguments.of("LIST", new SmsCommand.Today()),
                Arguments.of(" today. ", new SmsCommand.Today()),
                Arguments.of("Tomorrow", new SmsCommand.Tomorrow()),
                Arguments.of("overdue", new SmsCommand.Overdue()),
                Arguments.of("next", new SmsCommand.Next()),
                Arguments.of("More", new SmsCommand.More()),
                Arguments.of("done", new SmsCommand.Done(null)),
                Arguments.of("Done!", new SmsCommand.Done(null)),
                Arguments.of("done 2", new SmsCommand.Done(2)),
                Arguments.of("DONE #12", new SmsCommand.Done(12)),
                Arguments.of("snooze", new SmsCommand.Snooze(null, new SnoozeLength.Minutes(60))),
                Arguments.of("snooze 20m", new SmsCommand.Snooze(null, new SnoozeLength.Minutes(20))),
                Arguments.of("snooze 20 min", new SmsCommand.Snooze(null, new SnoozeLength.Minutes(20))),
                Arguments.of("Snooze 2h", new SmsCommand.Snooze(null, new SnoozeLength.Minutes(120))),
                Arguments.of("snooze for 3 hours", new SmsCommand.Snooze(null, new SnoozeLength.Minutes(180))),
                Arguments.of("snooze 1d", new SmsCommand.Snooze(null, new SnoozeLength.Minutes(1440))),
                Arguments.of("snooze tomorrow", new SmsCommand.Snooze(null, new SnoozeLength.UntilTomorrow())),
                Arguments.of("snooze 3", new SmsCommand.Snooze(3, new SnoozeLength.Minutes(60))),
                Arguments.of("snooze 3 20m", new SmsCommand.Snooze(3, new SnoozeLength.Minutes(20))),
                Arguments.of("snooze 3 tomorrow", new SmsCommand.Snooze(3, new SnoozeLength.UntilTomorrow())),
                Arguments.of("break down 2", new SmsCommand.BreakDown(2)),
                Arguments.of("breakdown 2", new SmsCommand.BreakDown(2)),
                Arguments.of("break down", new SmsCommand.BreakDown(null)),
                Arguments.of("undo", new SmsCommand.Undo()),
                Arguments.of("what's due this week?", new SmsCommand.Question("what's due this week?")),
                Arguments.of("When is the dentist", new SmsCommand.Question("When is the dentist")),
                Arguments.of("can you move my workout to friday", new SmsCommand.Question("can you move my workout to friday")),
                Arguments.of("buy milk tomorrow", new SmsCommand.Capture("buy milk tomorrow")),
                Arguments.of("  call   mom 5pm ", new SmsCommand.Capture("call mom 5pm")),
                // Tasks that start with a command word are still tasks.
                Arguments.of("next week's report friday", new SmsCommand.Capture("next week's report friday")),
                Arguments.of("done deal: sign the lease", new SmsCommand.Capture("done deal: sign the lease")),
                Arguments.of("list the attic boxes", new SmsCommand.Capture("list the attic boxes")),
                Arguments.of("whatsapp group reply", new SmsCommand.Capture("whatsapp group reply")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void readsTheCommand(String text, SmsCommand expected) {
        assertThat(SmsCommandParser.parse(text, ProfileLanguage.EN)).isEqualTo(expected);
    }

    static Stream<Arguments> frenchCommands() {
        return Stream.of(
                Arguments.of("aide", new SmsCommand.Help()),
                Arguments.of("LISTE", new SmsCommand.Today()),
                Arguments.of("aujourd\u2019hui", new SmsCommand.Today()),
                Arguments.of("Demain", new SmsCommand.Tomorrow()),
                Arguments.of("en retard", new SmsCommand.Overdue()),
                Arguments.of("suivant", new SmsCommand.Next()),
                Arguments.of("suite", new SmsCommand.More()),
                Arguments.of("fait", new SmsCommand.Done(null)),
                Arguments.of("Fait 2", new SmsCommand.Done(2)),
                Arguments.of("c'est fait !", new SmsCommand.Done(null)),
                Arguments.of("reporter", new SmsCommand.Snooze(null, new SnoozeLength.Minutes(60))),
                Arguments.of("reporter 20m", new SmsCommand.Snooze(null, new SnoozeLength.Minutes(20))),
                Arguments.of("reporter 3 2 heures", new SmsCommand.Snooze(3, new SnoozeLength.Minutes(120))),
                Arguments.of("reporter de 2 jours", new SmsCommand.Snooze(null, new SnoozeLength.Minutes(2880))),
                Arguments.of("reporter à demain", new SmsCommand.Snooze(null, new SnoozeLength.UntilTomorrow())),
                Arguments.of("découper 2", new SmsCommand.BreakDown(2)),
                Arguments.of("decouper", new SmsCommand.BreakDown(null)),
                Arguments.of("annuler", new SmsCommand.Undo()),
                Arguments.of("quand est le dentiste", new SmsCommand.Question("quand est le dentiste")),
                Arguments.of("où sont mes clés", new SmsCommand.Question("où sont mes clés")),
                // English still works on a French profile.
                Arguments.of("done 2", new SmsCommand.Done(2)),
                Arguments.of("snooze 1h", new SmsCommand.Snooze(null, new SnoozeLength.Minutes(60))),
                // Tasks that start with a command word are still tasks.
                Arguments.of("fait les courses demain", new SmsCommand.Capture("fait les courses demain")),
                Arguments.of("appeler maman demain 17h", new SmsCommand.Capture("appeler maman demain 17h")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frenchCommands")
    void readsFrenchCommandsOnAFrenchProfile(String text, SmsCommand expected) {
        assertThat(SmsCommandParser.parse(text, ProfileLanguage.FR)).isEqualTo(expected);
    }

    static Stream<Arguments> spanishCommands() {
        return Stream.of(
                Arguments.of("ayuda", new SmsCommand.Help()),
                Arguments.of("lista", new SmsCommand.Today()),
                Arguments.of("HOY", new SmsCommand.Today()),
                Arguments.of("mañana", new SmsCommand.Tomorrow()),
                Arguments.of("MAÑANA", new SmsCommand.Tomorrow()),
                Arguments.of("manana", new SmsCommand.Tomorrow()),
                Arguments.of("atrasadas", new SmsCommand.Overdue()),
                Arguments.of("siguiente", new SmsCommand.Next()),
                Arguments.of("más", new SmsCommand.More()),
                Arguments.of("mas", new SmsCommand.More()),
                Arguments.of("hecho", new SmsCommand.Done(null)),
                Arguments.of("Hecho 2", new SmsCommand.Done(2)),
                Arguments.of("posponer 20m", new SmsCommand.Snooze(null, new SnoozeLength.Minutes(20))),
                Arguments.of("posponer 2 1 hora", new SmsCommand.Snooze(2, new SnoozeLength.Minutes(60))),
                Arguments.of("posponer 3 días", new SmsCommand.Snooze(null, new SnoozeLength.Minutes(4320))),
                Arguments.of("posponer hasta mañana", new SmsCommand.Snooze(null, new SnoozeLength.UntilTomorrow())),
                Arguments.of("dividir 2", new SmsCommand.BreakDown(2)),
                Arguments.of("deshacer", new SmsCommand.Undo()),
                Arguments.of("¿qué tengo hoy", new SmsCommand.Question("¿qué tengo hoy")),
                Arguments.of("cuándo es el dentista", new SmsCommand.Question("cuándo es el dentista")),
                Arguments.of("undo", new SmsCommand.Undo()),
                Arguments.of("hecho el pedido de la farmacia", new SmsCommand.Capture("hecho el pedido de la farmacia")),
                Arguments.of("llamar a mamá mañana a las 5", new SmsCommand.Capture("llamar a mamá mañana a las 5")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spanishCommands")
    void readsSpanishCommandsOnASpanishProfile(String text, SmsCommand expected) {
        assertThat(SmsCommandParser.parse(text, ProfileLanguage.ES)).isEqualTo(expected);
    }

    /** As capture reads phrases: an English profile reads English alone. */
    @ParameterizedTest
    @ValueSource(strings = {"liste", "fait 2", "reporter 20m", "annuler", "aide", "lista", "hecho 2", "posponer 20m",
        "deshacer", "ayuda"})
    void frenchAndSpanishWordsAreTasksOnAnEnglishProfile(String text) {
        assertThat(SmsCommandParser.parse(text, ProfileLanguage.EN)).isEqualTo(new SmsCommand.Capture(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"liste", "fait 2", "aide"})
    void frenchWordsAreTasksOnASpanishProfile(String text) {
        assertThat(SmsCommandParser.parse(text, ProfileLanguage.ES)).isEqualTo(new SmsCommand.Capture(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"STOP", "stop", " Stop. ", "STOPALL", "unsubscribe", "Cancel", "END", "quit!"})
    void carrierStopWords(String text) {
        assertThat(CarrierKeyword.of(text)).contains(CarrierKeyword.STOP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"START", "unstop", "Yes"})
    void carrierStartWords(String text) {
        assertThat(CarrierKeyword.of(text)).contains(CarrierKeyword.START);
    }

    @ParameterizedTest
    @ValueSource(strings = {"stop the car alarm", "cancel dentist", "yes please", "help mom move"})
    void sentencesWithAKeywordAreNotKeywords(String text) {
        assertThat(CarrierKeyword.of(text)).isEmpty();
    }
}
