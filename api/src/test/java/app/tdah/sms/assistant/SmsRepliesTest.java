package app.tdah.sms.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import app.tdah.capture.Due;
import app.tdah.sms.SmsText;
import app.tdah.tasks.Task;

import org.junit.jupiter.api.Test;

class SmsRepliesTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    private static Task task(String title, Due due) {
        return new Task(UUID.randomUUID(), UUID.randomUUID(), null, 0, title, null, due, null, List.of(), Task.Status.OPEN,
                null, null, false, null, 0, null, Instant.parse("2026-03-01T00:00:00Z"), null);
    }

    @Test
    void fixedTextsStayInOneGsmSegment() {
        List<String> texts = List.of(SmsReplies.HELP, SmsReplies.WHICH_TASK, SmsReplies.NO_LIST, SmsReplies.END_OF_LIST,
                SmsReplies.NOTHING_TO_UNDO, SmsReplies.NO_QUESTIONS, SmsReplies.SNOOZE_RANGE, SmsReplies.FAILED,
                SmsReplies.onboarding("https://assistant.example.org/signup"),
                SmsReplies.unverified("https://assistant.example.org"), SmsReplies.noSuchNumber(50));
        assertThat(texts).allSatisfy(text -> assertThat(SmsText.of(text)).as(text)
                .isEqualTo(new SmsText(SmsText.Encoding.GSM7, 1)));
    }

    @Test
    void aPageHoldsWhatFitsOneSegmentAndNumbersRunOn() {
        List<Task> tasks = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            tasks.add(task("Reply to the email from the school about trip " + i, new Due.AllDay(TODAY)));
        }

        SmsReplies.Page first = SmsReplies.page("Today (12):", tasks, 0, 12, PARIS, TODAY, TODAY);
        SmsReplies.Page second = SmsReplies.page("Today (12):", tasks.subList(first.nextOffset(), 12), first.nextOffset(), 12,
                PARIS, TODAY, TODAY);

        assertThat(SmsText.of(first.text()).segments()).isEqualTo(1);
        assertThat(first.nextOffset()).isBetween(2, 5);
        assertThat(first.text()).startsWith("Today (12):\n1. Reply to the email from the school...\n2. ")
                .endsWith("\nMORE for " + (12 - first.nextOffset()) + " more");
        assertThat(second.text()).contains("\n" + (first.nextOffset() + 1) + ". Reply to");
        assertThat(SmsText.of(second.text()).segments()).isEqualTo(1);
    }

    @Test
    void aTitleTooLongForASegmentIsShortenedRatherThanSplit() {
        String emoji = "\uD83C\uDF31";
        Task task = task(emoji.repeat(30) + " plant seeds", new Due.Timed(TODAY.atTime(18, 0).atZone(PARIS)));

        SmsReplies.Page page = SmsReplies.page("Today (2):", List.of(task, task), 0, 2, PARIS, TODAY, TODAY);

        assertThat(page.nextOffset()).isEqualTo(1);
        assertThat(page.text()).endsWith("... 18:00\nMORE for 1 more");
        assertThat(SmsText.of(page.text())).isEqualTo(new SmsText(SmsText.Encoding.UCS2, 1));
    }

    @Test
    void datesReadFromThePersonsToday() {
        assertThat(SmsReplies.when(new Due.AllDay(TODAY), PARIS, TODAY)).isEqualTo("today");
        assertThat(SmsReplies.when(new Due.AllDay(TODAY.plusDays(1)), PARIS, TODAY)).isEqualTo("tomorrow");
        assertThat(SmsReplies.when(new Due.AllDay(TODAY.plusDays(3)), PARIS, TODAY)).isEqualTo("Fri 13 Mar");
        // Stored in UTC, shown in the person's zone: 23:30 UTC is already tomorrow in Paris.
        assertThat(SmsReplies.when(new Due.Timed(TODAY.atTime(23, 30).atZone(ZoneId.of("UTC"))), PARIS, TODAY))
                .isEqualTo("tomorrow 00:30");
    }

    @Test
    void typographyFromALanguageModelStaysGsm() {
        assertThat(SmsText.of(GsmFriendly.of("Done \u2014 I\u2019ve added \u201Ccall mom\u201D\u2026")).encoding())
                .isEqualTo(SmsText.Encoding.GSM7);
    }
}
