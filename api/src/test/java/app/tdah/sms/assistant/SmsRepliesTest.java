package app.tdah.sms.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import app.tdah.capture.Due;
import app.tdah.errors.UserError;
import app.tdah.i18n.ProfileLanguage;
import app.tdah.sms.SmsText;
import app.tdah.tasks.Task;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SmsRepliesTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** A Tuesday. */
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private static final SmsText ONE_GSM_SEGMENT = new SmsText(SmsText.Encoding.GSM7, 1);
    private static final SmsText ONE_UCS2_SEGMENT = new SmsText(SmsText.Encoding.UCS2, 1);

    private static Task task(String title, Due due) {
        return new Task(UUID.randomUUID(), UUID.randomUUID(), null, 0, title, null, due, null, List.of(), Task.Status.OPEN,
                null, null, false, null, 0, null, Instant.parse("2026-03-01T00:00:00Z"), null);
    }

    private static Task recurring(String title, Due due) {
        return new Task(UUID.randomUUID(), UUID.randomUUID(), null, 0, title, null, due, null, List.of(), Task.Status.OPEN,
                null, "FREQ=DAILY", false, null, 0, null, Instant.parse("2026-03-01T00:00:00Z"), null);
    }

    private static Due tomorrowAt(int hour, int minute) {
        return new Due.Timed(TODAY.plusDays(1).atTime(hour, minute).atZone(PARIS));
    }

    @ParameterizedTest
    @EnumSource(ProfileLanguage.class)
    void fixedTextsStayInOneGsmSegment(ProfileLanguage language) {
        SmsReplies replies = SmsReplies.in(language);
        List<String> texts = List.of(replies.help(), replies.whichTask(), replies.noList(), replies.endOfList(),
                replies.nothingToUndo(), replies.noQuestions(), replies.snoozeRange(), replies.failed(),
                replies.titleMissing(), replies.taskRemoved(), replies.nothingNext(), replies.noSuchNumber(50),
                replies.emptyList("Today"), replies.emptyList("Tomorrow"), replies.emptyList("Overdue"),
                replies.couldNotAnswer(List.of()), SmsReplies.onboarding("https://assistant.example.org/signup"),
                SmsReplies.unverified("https://assistant.example.org"),
                replies.refused(new UserError("text", "Keep a capture under 1000 characters.", UserError.Code.TOO_LONG)),
                replies.refused(new UserError("title", "Keep the title under 500 characters.", UserError.Code.TOO_LONG)),
                replies.refused(new UserError("dueAt", "Pick a time between 2000 and 2200.", UserError.Code.INVALID)),
                replies.refused(new UserError("dueDate", "Pick a date between 2000 and 2200.", UserError.Code.INVALID)),
                replies.refused(new UserError("tags", "Use at most 20 tags.", UserError.Code.TOO_LONG)),
                replies.refused(new UserError("reminders", "Remind between 0 minutes and a year before.",
                        UserError.Code.INVALID)),
                replies.refused(new UserError("id", "Subtasks can't be broken down further.", UserError.Code.INVALID)),
                replies.refused(new UserError("id", "This task already has steps.", UserError.Code.ALREADY_EXISTS)),
                replies.refused(new UserError("until", "Snooze to a time in the future.", UserError.Code.INVALID)));
        assertThat(texts).allSatisfy(text -> assertThat(SmsText.of(text)).as(text).isEqualTo(ONE_GSM_SEGMENT));
    }

    /** Every reply that names a task, with a plain title: one GSM segment, the hint included. */
    @ParameterizedTest
    @EnumSource(ProfileLanguage.class)
    void repliesAboutATaskStayInOneGsmSegmentWithTheirHint(ProfileLanguage language) {
        SmsReplies replies = SmsReplies.in(language);
        Task plants = recurring("water the plants on the balcony", tomorrowAt(17, 30));
        Task moved = recurring("water the plants on the balcony", new Due.Timed(TODAY.plusDays(2).atTime(17, 30).atZone(PARIS)));
        List<String> texts = List.of(
                replies.added(plants, PARIS, TODAY),
                replies.completed(plants, moved, PARIS, TODAY),
                replies.snoozed(plants, TODAY.plusDays(1).atTime(9, 0).atZone(PARIS), TODAY),
                replies.next(plants, PARIS, TODAY),
                replies.alreadyDone(plants),
                replies.brokenDown(plants, 5),
                replies.undone(Conversation.UndoKind.CREATED, plants),
                replies.undone(Conversation.UndoKind.COMPLETED, plants),
                replies.undone(Conversation.UndoKind.SNOOZED, plants));
        assertThat(texts).allSatisfy(text -> assertThat(SmsText.of(text)).as(text).isEqualTo(ONE_GSM_SEGMENT));
        assertThat(texts.getFirst()).endsWith(replies.removeHint());
        assertThat(texts.get(1)).endsWith(replies.undoHint());
        assertThat(texts.get(3)).endsWith(replies.nextHint());
        // The language model's fallback may take two segments (LlmAssistant allows 300 characters), but stays GSM.
        String fallback = replies.couldNotAnswer(List.of(replies.didSoFar(Conversation.UndoKind.CREATED, plants),
                replies.didSoFar(Conversation.UndoKind.COMPLETED, plants)));
        assertThat(SmsText.of(fallback).encoding()).as(fallback).isEqualTo(SmsText.Encoding.GSM7);
    }

    @Test
    void theRepliesSpeakThePersonsLanguage() {
        Task plants = recurring("arroser les plantes", tomorrowAt(17, 0));
        assertThat(SmsReplies.in(ProfileLanguage.FR).added(plants, PARIS, TODAY))
                .isEqualTo("Ajouté : arroser les plantes, pour demain 17h, se répète. ANNULER pour le retirer.");
        Task bread = task("comprar pan", tomorrowAt(17, 0));
        assertThat(SmsReplies.in(ProfileLanguage.ES).added(bread, PARIS, TODAY))
                .isEqualTo("Añadida: comprar pan, para mañana 17:00. DESHACER para quitarla.");
        assertThat(SmsReplies.in(ProfileLanguage.EN).added(task("buy bread", null), PARIS, TODAY))
                .isEqualTo("Added: buy bread. UNDO to remove it.");
    }

    @Test
    void aRefusalWithoutItsOwnWordingIsTheGeneralOneInThePersonsLanguage() {
        UserError snoozeInThePast = new UserError("until", "Snooze to a time in the future.", UserError.Code.INVALID);

        assertThat(SmsReplies.in(ProfileLanguage.FR).refused(snoozeInThePast))
                .isEqualTo("Désolé, impossible de le faire. AIDE pour les commandes.");
        assertThat(SmsReplies.in(ProfileLanguage.ES).refused(new UserError("id", "This task already has steps.",
                UserError.Code.ALREADY_EXISTS))).isEqualTo("Esa tarea ya tiene pasos.");
    }

    /** GSM 03.38 has é, è, à, ù, ñ, ü, ¿, ¡ and the capital Ç; not ç, á, í, ó, ú or the circumflexes. */
    @Test
    void whichAccentsTheGsmAlphabetHas() {
        assertThat("éèàùìòñüÉÇÑÜ¿¡".chars().mapToObj(c -> SmsText.of(Character.toString(c)).encoding()))
                .containsOnly(SmsText.Encoding.GSM7);
        assertThat("çáíóúâêîôûœ".chars().mapToObj(c -> SmsText.of(Character.toString(c)).encoding()))
                .containsOnly(SmsText.Encoding.UCS2);
    }

    @Test
    void aTitleWithEAcuteStaysGsmAndOneWithCCedillaOrUAcuteDropsTheHintToStayInOneSegment() {
        SmsReplies french = SmsReplies.in(ProfileLanguage.FR);
        SmsReplies spanish = SmsReplies.in(ProfileLanguage.ES);

        String school = french.added(task("appeler l'école", tomorrowAt(8, 30)), PARIS, TODAY);
        assertThat(school).isEqualTo("Ajouté : appeler l'école, pour demain 8h30. ANNULER pour le retirer.");
        assertThat(SmsText.of(school)).isEqualTo(ONE_GSM_SEGMENT);

        // ç makes the reply UCS-2 (70 characters a segment): a short one still fits with its hint...
        String receipt = french.added(task("reçu", null), PARIS, TODAY);
        assertThat(receipt).isEqualTo("Ajouté : reçu. ANNULER pour le retirer.");
        assertThat(SmsText.of(receipt)).isEqualTo(ONE_UCS2_SEGMENT);
        // ...a longer one drops the hint rather than go to a second segment.
        String longer = french.added(task("ranger les reçus de la pharmacie", tomorrowAt(17, 0)), PARIS, TODAY);
        assertThat(longer).isEqualTo("Ajouté : ranger les reçus de la pharmacie, pour demain 17h.");
        assertThat(SmsText.of(longer)).isEqualTo(ONE_UCS2_SEGMENT);

        String menu = spanish.added(task("planear el menú de la semana", tomorrowAt(17, 0)), PARIS, TODAY);
        assertThat(menu).isEqualTo("Añadida: planear el menú de la semana, para mañana 17:00.");
        assertThat(SmsText.of(menu)).isEqualTo(ONE_UCS2_SEGMENT);
        String bread = spanish.added(task("comprar pan", tomorrowAt(17, 0)), PARIS, TODAY);
        assertThat(SmsText.of(bread)).as("ñ is GSM").isEqualTo(ONE_GSM_SEGMENT);
    }

    @ParameterizedTest
    @EnumSource(ProfileLanguage.class)
    void aPageHoldsWhatFitsOneSegmentAndNumbersRunOn(ProfileLanguage language) {
        SmsReplies replies = SmsReplies.in(language);
        List<Task> tasks = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            tasks.add(task("Reply to the email from the school about trip " + i, new Due.AllDay(TODAY)));
        }
        String heading = replies.heading("Today", 12);

        SmsReplies.Page first = replies.page(heading, tasks, 0, 12, PARIS, TODAY, TODAY);
        SmsReplies.Page second = replies.page(heading, tasks.subList(first.nextOffset(), 12), first.nextOffset(), 12,
                PARIS, TODAY, TODAY);

        assertThat(SmsText.of(first.text())).isEqualTo(ONE_GSM_SEGMENT);
        assertThat(first.nextOffset()).isBetween(2, 5);
        assertThat(first.text()).startsWith(heading + "\n1. Reply to the email from the school...\n2. ")
                .endsWith("\n" + replies.moreLine(12 - first.nextOffset()));
        assertThat(second.text()).contains("\n" + (first.nextOffset() + 1) + ". Reply to");
        assertThat(SmsText.of(second.text())).isEqualTo(ONE_GSM_SEGMENT);
    }

    @Test
    void listHeadingsAndPagingLinesInEachLanguage() {
        assertThat(SmsReplies.in(ProfileLanguage.EN).heading("Tomorrow", 3)).isEqualTo("Tomorrow (3):");
        assertThat(SmsReplies.in(ProfileLanguage.FR).heading("Today", 3)).isEqualTo("Aujourd'hui (3):");
        assertThat(SmsReplies.in(ProfileLanguage.ES).heading("Overdue", 3)).isEqualTo("Atrasadas (3):");
        assertThat(SmsReplies.in(ProfileLanguage.FR).moreLine(4)).isEqualTo("SUITE pour 4 de plus");
        assertThat(SmsReplies.in(ProfileLanguage.ES).moreLine(4)).isEqualTo("Quedan 4. Responde MAS");
    }

    @Test
    void aTitleTooLongForASegmentIsShortenedRatherThanSplit() {
        String emoji = "\uD83C\uDF31";
        Task task = task(emoji.repeat(30) + " plant seeds", new Due.Timed(TODAY.atTime(18, 0).atZone(PARIS)));
        SmsReplies replies = SmsReplies.in(ProfileLanguage.EN);

        SmsReplies.Page page = replies.page("Today (2):", List.of(task, task), 0, 2, PARIS, TODAY, TODAY);

        assertThat(page.nextOffset()).isEqualTo(1);
        assertThat(page.text()).endsWith("... 18:00\nMORE for 1 more");
        assertThat(SmsText.of(page.text())).isEqualTo(ONE_UCS2_SEGMENT);
    }

    @Test
    void datesReadFromThePersonsToday() {
        SmsReplies english = SmsReplies.in(ProfileLanguage.EN);
        assertThat(english.when(new Due.AllDay(TODAY), PARIS, TODAY)).isEqualTo("today");
        assertThat(english.when(new Due.AllDay(TODAY.plusDays(1)), PARIS, TODAY)).isEqualTo("tomorrow");
        assertThat(english.when(new Due.AllDay(TODAY.plusDays(3)), PARIS, TODAY)).isEqualTo("Fri 13 Mar");
        // Stored in UTC, shown in the person's zone: 23:30 UTC is already tomorrow in Paris.
        assertThat(english.when(new Due.Timed(TODAY.atTime(23, 30).atZone(ZoneId.of("UTC"))), PARIS, TODAY))
                .isEqualTo("tomorrow 00:30");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 1, 4, 5, 149})
    void datesInFrenchAndSpanishAreGsm(int days) {
        for (ProfileLanguage language : List.of(ProfileLanguage.FR, ProfileLanguage.ES)) {
            String when = SmsReplies.in(language).when(new Due.Timed(TODAY.plusDays(days).atTime(9, 5).atZone(PARIS)), PARIS, TODAY);
            assertThat(SmsText.of(when).encoding()).as(when).isEqualTo(SmsText.Encoding.GSM7);
        }
    }

    @Test
    void datesInFrenchAndSpanish() {
        SmsReplies french = SmsReplies.in(ProfileLanguage.FR);
        SmsReplies spanish = SmsReplies.in(ProfileLanguage.ES);
        assertThat(french.when(new Due.AllDay(TODAY.minusDays(1)), PARIS, TODAY)).isEqualTo("hier");
        assertThat(french.when(new Due.AllDay(TODAY.plusDays(3)), PARIS, TODAY)).isEqualTo("ven 13 mars");
        assertThat(french.when(new Due.AllDay(LocalDate.of(2026, 8, 15)), PARIS, TODAY)).isEqualTo("sam 15 aout");
        assertThat(french.when(new Due.Timed(TODAY.atTime(23, 30).atZone(ZoneId.of("UTC"))), PARIS, TODAY))
                .isEqualTo("demain 0h30");
        assertThat(spanish.when(new Due.AllDay(TODAY), PARIS, TODAY)).isEqualTo("hoy");
        assertThat(spanish.when(new Due.AllDay(TODAY.plusDays(4)), PARIS, TODAY)).isEqualTo("sab 14 mar");
        assertThat(spanish.when(new Due.AllDay(TODAY.plusDays(1)), PARIS, TODAY)).isEqualTo("mañana");
    }

    @Test
    void typographyFromALanguageModelStaysGsm() {
        assertThat(SmsText.of(GsmFriendly.of("Done \u2014 I\u2019ve added \u201Ccall mom\u201D\u2026")).encoding())
                .isEqualTo(SmsText.Encoding.GSM7);
    }
}
