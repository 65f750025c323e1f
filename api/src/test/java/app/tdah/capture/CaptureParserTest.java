package app.tdah.capture;

import static app.tdah.capture.Fixtures.MONTREAL;
import static app.tdah.capture.Fixtures.TUESDAY_0930;
import static app.tdah.capture.Fixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.tdah.i18n.ProfileLanguage;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CaptureParserTest {

    static Stream<Arguments> corpus() {
        return Corpus.all().entrySet().stream().flatMap(corpus -> corpus.getValue().stream()
                .map(c -> Arguments.of(Named.of(corpus.getKey() + ":" + c.line() + " " + c.text(), c))));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("corpus")
    void readsEveryCaseOfEveryCorpusAsExpected(CaptureEval.Case c) {
        Capture capture = CaptureParser.parse(c.text(), c.zone(), c.now(), ProfileLanguage.of(c.language()));

        assertThat(CaptureEval.fields(capture))
                .as("title, due, priority, tags, rrule, remind, flags of \"%s\" at %s in %s", c.text(), c.now(),
                        c.language())
                .isEqualTo(c.expected());
    }

    @Test
    void everyCorpusIsThere() {
        assertThat(Corpus.all()).containsKeys("capture-corpus.tsv", "corpus-en.tsv", "corpus-fr.tsv",
                "corpus-es.tsv");
        assertThat(Corpus.all().get("corpus-fr.tsv")).hasSizeGreaterThanOrEqualTo(80);
        assertThat(Corpus.all().get("corpus-es.tsv")).hasSizeGreaterThanOrEqualTo(80);
        assertThat(Corpus.all().get("corpus-en.tsv")).hasSizeGreaterThanOrEqualTo(40);
    }

    @Nested
    class Priorities {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', textBlock = """
                pay bills !urgent | URGENT
                pay bills !!!     | URGENT
                pay bills !high   | HIGH
                pay bills !!      | HIGH
                pay bills !medium | MEDIUM
                pay bills !       | MEDIUM
                pay bills !low    | LOW
                urgent pay bills  | URGENT
                pay bills ASAP    | URGENT
                pay bills !HIGH   | HIGH
                """)
        void eachMarkerSetsItsPriorityAndLeavesTheTitle(String text, Priority expected) {
            Capture capture = parse(text);

            assertThat(capture.priority()).isEqualTo(expected);
            assertThat(capture.title()).isEqualTo("pay bills");
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', textBlock = """
                pay bills !low !!        | HIGH
                pay bills !low urgent    | URGENT
                pay bills ! !medium !low | MEDIUM
                pay bills !! !!!         | URGENT
                """)
        void theHighestOfSeveralMarkersWins(String text, Priority expected) {
            assertThat(parse(text).priority()).isEqualTo(expected);
            assertThat(parse(text).title()).isEqualTo("pay bills");
        }

        @Test
        void anExclamationMarkEndingAWordIsPunctuationNotAPriority() {
            Capture capture = parse("call mom!");

            assertThat(capture.priority()).isNull();
            assertThat(capture.title()).isEqualTo("call mom!");
        }

        @Test
        void noMarkerMeansNoPriority() {
            assertThat(parse("Buy milk").priority()).isNull();
            assertThat(parse("Buy milk").priorityText()).isEmpty();
        }
    }

    @Nested
    class Tags {

        @Test
        void tagsAreLowerCasedUniqueSortedAndLeaveTheTitle() {
            Capture capture = parse("#Home buy paint #errands #home");

            assertThat(capture.tags()).containsExactly("errands", "home");
            assertThat(capture.tagsText()).isEqualTo("errands,home");
            assertThat(capture.title()).isEqualTo("buy paint");
        }

        @Test
        void aTagHoldsLettersDigitsHyphensAndUnderscores() {
            Capture capture = parse("deploy #dev-ops_2.");

            assertThat(capture.tags()).containsExactly("dev-ops_2");
            assertThat(capture.title()).isEqualTo("deploy");
        }

        @Test
        void aHashInsideAWordIsNotATag() {
            Capture capture = parse("C# homework");

            assertThat(capture.tags()).isEmpty();
            assertThat(capture.tagsText()).isEmpty();
            assertThat(capture.title()).isEqualTo("C# homework");
        }
    }

    @Nested
    class Titles {

        @Test
        void keepsTheUsersOwnCase() {
            assertThat(parse("Email SARAH about Q3 Budget TOMORROW").title()).isEqualTo("Email SARAH about Q3 Budget");
        }

        @Test
        void collapsesSpaces() {
            assertThat(parse("  buy    milk \t and  eggs  tomorrow ").title()).isEqualTo("buy milk and eggs");
        }

        @ParameterizedTest
        @ValueSource(strings = {"call mom tomorrow.", "call mom tomorrow,", "call mom tomorrow;", "call mom - tomorrow"})
        void trimsTrailingPunctuation(String text) {
            assertThat(parse(text).title()).isEqualTo("call mom");
        }

        @Test
        void keepsPunctuationInsideTheTitle() {
            assertThat(parse("call mom tomorrow, then the gym").title()).isEqualTo("call mom, then the gym");
        }

        @Test
        void removesConnectingWordsWithTheirPhrase() {
            assertThat(parse("meet Jo on friday at 5pm").title()).isEqualTo("meet Jo");
            assertThat(parse("send report by next friday").title()).isEqualTo("send report");
            assertThat(parse("water plants every monday").title()).isEqualTo("water plants");
            assertThat(parse("call back in 3 days").title()).isEqualTo("call back");
        }

        @Test
        void keepsConnectingWordsThatIntroduceNoPhrase() {
            assertThat(parse("meet Jo at the cafe on friday").title()).isEqualTo("meet Jo at the cafe");
        }

        @Test
        void aPossessiveDayIsPartOfTheTitle() {
            Capture capture = parse("prep friday's demo");

            assertThat(capture.title()).isEqualTo("prep friday's demo");
            assertThat(capture.due()).isNull();
        }

        @Test
        void aTextOfNothingButPhrasesHasNoTitleAndIsFlagged() {
            Capture capture = parse("  tomorrow   at 5pm ");

            assertThat(capture.title()).isEmpty();
            assertThat(capture.flags()).containsExactly(Capture.Flag.TITLE_MISSING);
            assertThat(capture.dueText()).isEqualTo("2026-03-11T17:00");
        }

        @Test
        void aTitleLeftIsNeverFlagged() {
            assertThat(parse("call mom tomorrow at 5pm").flags()).isEmpty();
        }
    }

    @Nested
    class Reminders {

        @Test
        void remindMeToAsksForAReminderAtTheDueTime() {
            Capture capture = parse("remind me to pay rent friday at 5pm");

            assertThat(capture.title()).isEqualTo("pay rent");
            assertThat(capture.remindText()).isEqualTo("2026-03-13T17:00");
        }

        @Test
        void anAllDayReminderGoesOffAtNine() {
            assertThat(parse("Remind me to renew passport March 20").remindText()).isEqualTo("2026-03-20T09:00");
        }

        @Test
        void remindMeWithoutToAlsoLeavesTheTitle() {
            Capture capture = parse("remind me tomorrow to call Jo");

            assertThat(capture.title()).isEqualTo("call Jo");
            assertThat(capture.remindText()).isEqualTo("2026-03-11T09:00");
        }

        @Test
        void withoutADueThereIsNoReminder() {
            Capture capture = parse("remind me to buy stamps");

            assertThat(capture.title()).isEqualTo("buy stamps");
            assertThat(capture.remindAt()).isNull();
            assertThat(capture.remindText()).isEmpty();
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', textBlock = """
                dentist friday 2:30pm remind me 15 min before     | 2026-03-13T14:15
                dentist friday 2:30pm remind me 15 minutes before | 2026-03-13T14:15
                dentist friday 2:30pm remind me 2 hours before    | 2026-03-13T12:30
                dentist friday 2:30pm 10 minutes before           | 2026-03-13T14:20
                remind me to see the dentist friday 2:30pm 1 hour before | 2026-03-13T13:30
                """)
        void remindsTheGivenTimeBeforeTheDue(String text, String remind) {
            Capture capture = parse(text);

            assertThat(capture.dueText()).isEqualTo("2026-03-13T14:30");
            assertThat(capture.remindText()).isEqualTo(remind);
            assertThat(capture.title()).isIn("dentist", "see the dentist");
        }

        @Test
        void aLeadBeforeAnAllDayDueCountsFromNine() {
            assertThat(parse("pay rent friday remind me 30 min before").remindText()).isEqualTo("2026-03-13T08:30");
        }

        @Test
        void aLeadWithoutADueAsksForNothing() {
            Capture capture = parse("stretch remind me 15 min before");

            assertThat(capture.remindAt()).isNull();
            assertThat(capture.title()).isEqualTo("stretch");
        }

        @Test
        void aReminderAcrossTheSpringForwardGapIsElapsedTime() {
            Capture capture = Fixtures.parseAt("check boiler tomorrow at 3:30am remind me 2 hours before",
                    "2026-03-07T10:00", Fixtures.NEW_YORK);

            assertThat(capture.dueText()).isEqualTo("2026-03-08T03:30");
            assertThat(capture.remindText()).isEqualTo("2026-03-08T00:30");
        }
    }

    @Nested
    class Robustness {

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", " ", "\t\n "})
        void rejectsOnlyNullOrBlankText(String text) {
            assertThatThrownBy(() -> parse(text)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void rejectsAMissingZoneNowOrLanguage() {
            assertThatThrownBy(() -> CaptureParser.parse("x", null, TUESDAY_0930, ProfileLanguage.EN))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> CaptureParser.parse("x", MONTREAL, null, ProfileLanguage.EN))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> CaptureParser.parse("x", MONTREAL, TUESDAY_0930, null))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void readsNowInTheUsersZone() {
            ZonedDateTime sameMomentInTokyo = TUESDAY_0930.withZoneSameInstant(ZoneId.of("Asia/Tokyo"));

            assertThat(CaptureParser.parse("call at 10", MONTREAL, sameMomentInTokyo, ProfileLanguage.EN).dueText())
                    .isEqualTo("2026-03-10T10:00");
        }

        @Test
        void emojiStayInTheTitle() {
            Capture capture = parse("🎉 party 🎉 tomorrow 🎂");

            assertThat(capture.title()).isEqualTo("🎉 party 🎉 🎂");
            assertThat(capture.dueText()).isEqualTo("2026-03-11");
        }

        @Test
        void onlyPunctuationIsItsOwnTitleButAPriorityMarkIsAPhrase() {
            assertThat(parse(".,;").title()).isEqualTo(".,;");
            assertThat(parse("!!!").title()).isEmpty();
            assertThat(parse("!!!").flags()).containsExactly(Capture.Flag.TITLE_MISSING);
        }

        @ParameterizedTest
        @ValueSource(strings = {"\u00A0", ", \u2003 ,", "tomorrow \u2003", "\u00A0!!\u00A0", "\u3000x\u3000"})
        void unicodeSpacesLeaveABlankTitleOnlyWhenFlagged(String text) {
            Capture capture = parse(text);

            assertThat(capture.title().isBlank()).isEqualTo(capture.flags().contains(Capture.Flag.TITLE_MISSING));
            assertThat(capture.title()).isEqualTo(capture.title().strip());
        }

        @Test
        void unicodeSpacesAreCollapsedLikeOthers() {
            assertThat(parse("buy\u00A0\u00A0milk\u2003tomorrow").title()).isEqualTo("buy milk");
        }

        @ParameterizedTest
        @ValueSource(strings = {"2/30", "13/45", "2026-02-30", "25:00", "13pm", "on the 32nd", "on the 0th",
                "every 0 days"})
        void impossibleDatesAndTimesStayInTheTitle(String phrase) {
            Capture capture = parse("thing " + phrase);

            assertThat(capture.title()).isEqualTo("thing " + phrase);
            assertThat(capture.due()).isNull();
            assertThat(capture.rrule()).isNull();
        }

        @Test
        void longInputIsRead() {
            String text = "call mom tomorrow at 5pm #family !! ".repeat(140).substring(0, 5000);

            Capture capture = parse(text);

            assertThat(capture.dueText()).isEqualTo("2026-03-11T17:00");
            assertThat(capture.priority()).isEqualTo(Priority.HIGH);
            assertThat(capture.tags()).containsExactly("family");
            assertThat(capture.title()).startsWith("call mom ");
        }

        @ParameterizedTest
        @ValueSource(strings = {" ", "on ", "every ", "mon and ", "1/", "!! ", "in 1 ", "#", "@", "🎉"})
        void longRepetitiveInputNeitherOverflowsNorThrows(String unit) {
            String text = "x " + unit.repeat(5000 / unit.length());

            assertThat(parse(text).title()).isNotBlank();
        }

        @Test
        void randomJunkAlwaysGivesATitle() {
            List<String> pieces = List.of("every", "other", "on", "the", "15th", "3/14", "at", "5", "pm", "in", "a",
                    "hour", "remind", "me", "before", "#", "!", "!!", "monday", "and", "march", "3", "tomorrow",
                    "next", "week", "🎉", "ß", "İ", ",", ".", "-", "2026-02-29", "12:60", "99h", "\t", "\u00A0",
                    "\u2003");
            Random random = new Random(42);
            String[] zones = {"America/Montreal", "Europe/Paris", "UTC", "Pacific/Apia", "Australia/Lord_Howe"};
            for (int i = 0; i < 20_000; i++) {
                StringBuilder text = new StringBuilder("x");
                for (int words = random.nextInt(10); words >= 0; words--) {
                    text.append(random.nextBoolean() ? " " : "").append(random.nextInt(12) == 0
                            ? String.valueOf((char) random.nextInt(0x3000))
                            : pieces.get(random.nextInt(pieces.size())));
                }
                ZoneId zone = ZoneId.of(zones[random.nextInt(zones.length)]);
                ZonedDateTime now = ZonedDateTime.of(2020 + random.nextInt(90), 1 + random.nextInt(12),
                        1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), 0, 0, zone);

                Capture capture = CaptureParser.parse(text.toString(), zone, now, ProfileLanguage.EN);

                assertThat(capture.title()).as(text.toString()).isNotBlank();
            }
        }
    }
}
