package app.tdah.capture;

import static app.tdah.capture.Fixtures.MONTREAL;
import static app.tdah.capture.Fixtures.PARIS;
import static org.assertj.core.api.Assertions.assertThat;

import app.tdah.i18n.ProfileLanguage;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules capture v2 added (docs/capture/), read on Tuesday 2026-03-10 at 09:30 unless a test says otherwise. */
class CaptureV2RulesTest {

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    /** Reads as for a person whose profile language is {@code language} (any tag: see {@link ProfileLanguage#of}). */
    private static Capture parse(String text, String language) {
        ProfileLanguage profile = ProfileLanguage.of(language);
        ZoneId zone = switch (profile) {
            case FR -> PARIS;
            case ES -> MADRID;
            case EN -> MONTREAL;
        };
        return CaptureParser.parse(text, zone, LocalDateTime.parse("2026-03-10T09:30").atZone(zone), profile);
    }

    @Nested
    class WhichGrammar {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(textBlock = """
                fr,    fr
                FR,    fr
                fr-CA, fr
                es_MX, es
                es,    es
                en-GB, en
                de,    en
                pt-BR, en
                ' ',   en
                """)
        void theProfileLanguageChoosesItsGrammarAndAnyOtherReadsEnglish(String profile, String grammar) {
            assertThat(ProfileLanguage.of(profile).code()).isEqualTo(grammar);
        }

        @ParameterizedTest
        @NullAndEmptySource
        void noProfileLanguageReadsEnglish(String profile) {
            assertThat(parse("call mom tomorrow", profile).dueText()).isEqualTo("2026-03-11");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"fr", "es"})
        void englishPhrasesAreStillUnderstood(String language) {
            Capture capture = parse("Jo tomorrow at 5pm every day", language);

            assertThat(capture.title()).isEqualTo("Jo");
            assertThat(capture.dueText()).isEqualTo("2026-03-11T17:00");
            assertThat(capture.rrule()).isEqualTo("FREQ=DAILY");
        }

        @Test
        void theProfileLanguageComesFirst() {
            assertThat(parse("rdv 3/4", "fr").dueText()).isEqualTo("2026-04-03");
            assertThat(parse("rdv 3/4", "es").dueText()).isEqualTo("2026-04-03");
            assertThat(parse("rdv 3/4", "en").dueText()).isEqualTo("2027-03-04");
        }

        @Test
        void anEnglishProfileDoesNotReadFrenchOrSpanish() {
            assertThat(parse("appeler maman demain", "en").title()).isEqualTo("appeler maman demain");
            assertThat(parse("llamar a mamá mañana", "de").due()).isNull();
        }
    }

    @Nested
    class PastDays {

        @ParameterizedTest(name = "{0} ({1}) -> {2}")
        @CsvSource(delimiter = '|', textBlock = """
                do it yesterday                  | en | 2026-03-09
                do it the day before yesterday   | en | 2026-03-08
                do it 3 days ago                 | en | 2026-03-07
                do it two weeks ago              | en | 2026-02-24
                do it last tuesday               | en | 2026-03-03
                do it last wed                   | en | 2026-03-04
                faire hier                       | fr | 2026-03-09
                faire avant-hier                 | fr | 2026-03-08
                faire il y a une semaine         | fr | 2026-03-03
                faire mardi dernier              | fr | 2026-03-03
                hacer ayer                       | es | 2026-03-09
                hacer anteayer                   | es | 2026-03-08
                hacer hace 3 días                | es | 2026-03-07
                hacer el martes pasado           | es | 2026-03-03
                """)
        void areDueInThePast(String text, String language, String due) {
            Capture capture = parse(text, language);

            assertThat(capture.dueText()).isEqualTo(due);
            assertThat(capture.title()).isIn("do it", "faire", "hacer");
        }
    }

    @Nested
    class ShortWeekdayNames {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', textBlock = """
                buy sun cream           | buy sun cream
                order sat nav           | order sat nav
                sun valley trip         | sun valley trip
                wed dress fitting       | wed dress fitting
                """)
        void insideANounPhraseAreWords(String text, String title) {
            Capture capture = parse(text, "en");

            assertThat(capture.title()).isEqualTo(title);
            assertThat(capture.due()).isNull();
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', textBlock = """
                call mom sun             | 2026-03-15
                call mom on sun          | 2026-03-15
                call mom next sun        | 2026-03-15
                call mom sun.            | 2026-03-15
                call mom sun, then nap   | 2026-03-15
                call mom sun 5pm         | 2026-03-15T17:00
                call mom sun at 5pm      | 2026-03-15T17:00
                call mom sun morning     | 2026-03-15T09:00
                call mom sat sun         | 2026-03-14
                call mom sun #family     | 2026-03-15
                """)
        void afterALeadInAListOrBeforeATimeOrTheEndAreDays(String text, String due) {
            Capture capture = parse(text, "en");

            assertThat(capture.dueText()).isEqualTo(due);
            assertThat(capture.title()).startsWith("call mom");
        }

        @Test
        void frenchAndSpanishAbbreviationsAreNeverDays() {
            assertThat(parse("voir la mer", "fr").due()).isNull();
            assertThat(parse("jeu de cartes", "fr").due()).isNull();
            assertThat(parse("tomar el sol dom", "es").due()).isNull();
        }
    }

    @Nested
    class SeveralWeekdays {

        @ParameterizedTest(name = "{0} ({1}) -> {2}")
        @CsvSource(delimiter = '|', textBlock = """
                gym mon wed fri                   | en | 2026-03-11 |
                gym tuesday and friday            | en | 2026-03-13 |
                gym every tue thu                 | en | 2026-03-10 | FREQ=WEEKLY;BYDAY=TU,TH
                gym lundi et jeudi                | fr | 2026-03-12 |
                gym le mardi et le vendredi       | fr | 2026-03-13 |
                gym tous les lundis et jeudis     | fr | 2026-03-12 | FREQ=WEEKLY;BYDAY=MO,TH
                gym lunes y jueves                | es | 2026-03-12 |
                gym cada lunes y jueves           | es | 2026-03-12 | FREQ=WEEKLY;BYDAY=MO,TH
                """)
        void theNearestIsDueAndEveryMakesAWeeklyRule(String text, String language, String due, String rrule) {
            Capture capture = parse(text, language);

            assertThat(capture.title()).isEqualTo("gym");
            assertThat(capture.dueText()).isEqualTo(due);
            assertThat(capture.rrule()).isEqualTo(rrule);
        }
    }

    @Nested
    class Starting {

        @ParameterizedTest(name = "{0} ({1}) -> {2}")
        @CsvSource(delimiter = '|', textBlock = """
                water every 3 days starting tomorrow       | en | 2026-03-11       | FREQ=DAILY;INTERVAL=3
                water every friday starting next week      | en | 2026-03-20       | FREQ=WEEKLY;BYDAY=FR
                water every week starting monday           | en | 2026-03-16       | FREQ=WEEKLY
                water every day at 8am starting today      | en | 2026-03-11T08:00 | FREQ=DAILY
                water every day at 10am starting today     | en | 2026-03-10T10:00 | FREQ=DAILY
                water tous les jours à partir de jeudi     | fr | 2026-03-12       | FREQ=DAILY
                water chaque lundi dès le 1er avril        | fr | 2026-04-06       | FREQ=WEEKLY;BYDAY=MO
                water cada día a partir del jueves         | es | 2026-03-12       | FREQ=DAILY
                water cada mes desde el 1 de abril         | es | 2026-04-01       | FREQ=MONTHLY
                """)
        void movesTheFirstOccurrenceWithoutChangingTheRule(String text, String language, String due, String rrule) {
            Capture capture = parse(text, language);

            assertThat(capture.title()).isEqualTo("water");
            assertThat(capture.dueText()).isEqualTo(due);
            assertThat(capture.rrule()).isEqualTo(rrule);
        }

        @Test
        void withoutARecurrenceIsJustTheDate() {
            Capture capture = parse("water starting tomorrow", "en");

            assertThat(capture.dueText()).isEqualTo("2026-03-11");
            assertThat(capture.rrule()).isNull();
        }
    }

    @Nested
    class DueFarAhead {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', textBlock = """
                pay Jan 4            | 2027-01-04 | false
                pay Jan 5            | 2027-01-05 | true
                pay March 9          | 2027-03-09 | true
                pay 3/9              | 2027-03-09 | true
                pay March 10         | 2026-03-10 | false
                pay March 9, 2027    | 2027-03-09 | false
                pay 2027-03-09       | 2027-03-09 | false
                pay in 11 months     | 2027-02-10 | false
                pay every March 9    | 2027-03-09 | false
                """)
        void isFlaggedOnlyWhenTheYearWasGuessedAndItIsMoreThan300DaysAway(String text, String due, boolean flagged) {
            Capture capture = parse(text, "en");

            assertThat(capture.dueText()).isEqualTo(due);
            assertThat(capture.flags().contains(Capture.Flag.DUE_FAR_AHEAD)).isEqualTo(flagged);
        }

        @Test
        void aDayJustPassedIsReadAsNextYearAndFlagged() {
            Capture capture = CaptureParser.parse("pay bills Dec 1", MONTREAL,
                    LocalDateTime.parse("2026-12-02T09:30").atZone(MONTREAL), ProfileLanguage.EN);

            assertThat(capture.dueText()).isEqualTo("2027-12-01");
            assertThat(capture.flagsText()).isEqualTo("DUE_FAR_AHEAD");
        }
    }

    @Nested
    class TitleMissing {

        @ParameterizedTest(name = "{0} ({1})")
        @CsvSource(delimiter = '|', textBlock = """
                tomorrow !high #x               | en
                every monday at 9am             | en
                remind me in 2 hours            | en
                demain 17h !!                   | fr
                rappelle-moi dans une heure     | fr
                mañana a las 5                  | es
                recuérdame mañana por la mañana | es
                """)
        void isFlaggedWhenOnlyPhrasesWereTyped(String text, String language) {
            Capture capture = parse(text, language);

            assertThat(capture.title()).isEmpty();
            assertThat(capture.flags()).contains(Capture.Flag.TITLE_MISSING);
            assertThat(capture.due()).isNotNull();
        }
    }

    @Nested
    class SpanishMañana {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', textBlock = """
                correr mañana                       | 2026-03-11
                correr manana                       | 2026-03-11
                correr mañana por la mañana         | 2026-03-11T09:00
                correr el lunes por la mañana       | 2026-03-16T09:00
                correr esta mañana                  | 2026-03-10T09:00
                correr a las 7 de la mañana         | 2026-03-11T07:00
                correr pasado mañana                | 2026-03-12
                """)
        void isTomorrowUnlessItIsThePartOfADay(String text, String due) {
            Capture capture = parse(text, "es");

            assertThat(capture.dueText()).isEqualTo(due);
            assertThat(capture.title()).isEqualTo("correr");
        }

        @Test
        void everyMorningIsDaily() {
            Capture capture = parse("correr cada mañana", "es");

            assertThat(capture.rrule()).isEqualTo("FREQ=DAILY");
            assertThat(capture.dueText()).isEqualTo("2026-03-11T09:00");
        }
    }

    @Nested
    class Hours {

        @ParameterizedTest(name = "{0} ({1}) -> {2}")
        @CsvSource(delimiter = '|', textBlock = """
                appel à 5          | fr | 2026-03-10T17:00
                appel à 7          | fr | 2026-03-11T07:00
                appel 5h           | fr | 2026-03-11T05:00
                appel 17h30        | fr | 2026-03-10T17:30
                appel à 5 du soir  | fr | 2026-03-10T17:00
                appel à 11 du soir | fr | 2026-03-10T23:00
                appel à midi       | fr | 2026-03-10T12:00
                appel à minuit     | fr | 2026-03-11T00:00
                appel a las 5      | es | 2026-03-10T17:00
                appel a la 1       | es | 2026-03-10T13:00
                appel a las 10     | es | 2026-03-10T10:00
                appel a las 5 y media | es | 2026-03-10T17:30
                appel a las 5 de la tarde  | es | 2026-03-10T17:00
                appel a las 10 de la noche | es | 2026-03-10T22:00
                appel a mediodía   | es | 2026-03-10T12:00
                appel a medianoche | es | 2026-03-11T00:00
                """)
        void followTheBareHourRuleUnlessThePartOfTheDayIsSaid(String text, String language, String due) {
            Capture capture = parse(text, language);

            assertThat(capture.dueText()).isEqualTo(due);
            assertThat(capture.title()).isEqualTo("appel");
        }

        @ParameterizedTest(name = "{0} ({1})")
        @CsvSource(delimiter = '|', textBlock = """
                répondre à 3 mails       | fr
                Léa a 5 ans              | fr
                beber a las 2 cervezas   | es
                buy apples at 5 stores   | en
                """)
        void aBareHourBeforeANounIsNoTime(String text, String language) {
            Capture capture = parse(text, language);

            assertThat(capture.due()).isNull();
            assertThat(capture.title()).isEqualTo(text);
        }
    }

    @Test
    void aPhoneNumberIsNoDayOfTheMonth() {
        assertThat(parse("appeler le 06 12 34 56 78", "fr").due()).isNull();
        assertThat(parse("llamar el 06 12 34 56", "es").due()).isNull();
    }
}
