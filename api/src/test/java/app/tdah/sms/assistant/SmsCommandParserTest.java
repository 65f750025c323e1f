package app.tdah.sms.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

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
        assertThat(SmsCommandParser.parse(text)).isEqualTo(expected);
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
