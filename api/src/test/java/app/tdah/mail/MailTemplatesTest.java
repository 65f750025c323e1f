package app.tdah.mail;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import app.tdah.capture.Due;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MailTemplatesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    private static final ZonedDateTime FIVE_PM = DAY.atTime(17, 0).atZone(ZoneId.of("Europe/Paris"));

    @Test
    void whatPeopleTypedIsEscapedInHtmlAndKeptAsTypedInText() {
        MailContent reminder = MailTemplates.reminder("Ada <b>&</b>", "<script>alert('x')</script>", new Due.Timed(FIVE_PM));

        assertThat(reminder.htmlBody())
                .doesNotContain("<script>", "<b>&</b>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "Hi Ada &lt;b&gt;&amp;&lt;/b&gt;,");
        assertThat(reminder.textBody()).contains("<script>alert('x')</script>", "Hi Ada <b>&</b>,");
        assertThat(reminder.subject()).isEqualTo("Reminder: <script>alert('x')</script>");
    }

    @Test
    void digestTitlesAreEscapedToo() {
        MailContent digest = MailTemplates.dailyDigest("Ada", DAY, List.of("<img src=x onerror=alert(1)>"), List.of("\"quoted\" & <b>bold</b>"),
                List.of("Eve: <script>alert(2)</script>"));

        assertThat(digest.htmlBody())
                .doesNotContain("<img", "<b>bold</b>", "<script>")
                .contains("&lt;img src=x onerror=alert(1)&gt;", "&quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;",
                        "Eve: &lt;script&gt;alert(2)&lt;/script&gt;");
    }

    @Test
    void theNewAddressInAnEmailChangeNoticeIsEscapedAndTheLinkIsInTheConfirmation() {
        MailContent notice = MailTemplates.emailChangeRequested("Ada", "<img/src=x>@evil.test");
        MailContent confirmation = MailTemplates.emailChange("Ada", URI.create("https://pa.example/verify-email?token=abc"));

        assertThat(notice.subject()).isEqualTo("Your email address is about to change");
        assertThat(notice.htmlBody()).doesNotContain("<img").contains("&lt;img/src=x&gt;@evil.test");
        assertThat(notice.textBody()).contains("<img/src=x>@evil.test", "change your password");
        assertThat(confirmation.textBody()).contains("https://pa.example/verify-email?token=abc");
        assertThat(confirmation.htmlBody()).contains("href=\"https://pa.example/verify-email?token=abc\"");
        assertThat(MailTemplates.passwordChanged("Ada").textBody()).contains("Hi Ada,", "reset your password");
    }

    @Test
    void aReminderSaysWhatAndWhenInThePersonsTime() {
        MailContent timed = MailTemplates.reminder("Ada", "call mom", new Due.Timed(FIVE_PM));
        MailContent allDay = MailTemplates.reminder("Ada", "water plants", new Due.AllDay(DAY));

        assertThat(timed.subject()).isEqualTo("Reminder: call mom");
        assertThat(timed.textBody()).contains("call mom", "Due Tuesday 24 November at 17:00");
        assertThat(timed.htmlBody()).contains("call mom", "Due Tuesday 24 November at 17:00");
        assertThat(allDay.textBody()).contains("Due Tuesday 24 November\n");
    }

    @Test
    void aTitleWithLineBreaksMakesOneShortSubjectLine() {
        MailContent reminder = MailTemplates.reminder("Ada", "pay rent\r\nBcc: someone@evil.test " + "x".repeat(300), new Due.AllDay(DAY));

        assertThat(reminder.subject()).doesNotContain("\r", "\n").startsWith("Reminder: pay rent Bcc: someone@evil.test x").endsWith("…");
        assertThat(reminder.subject().codePointCount(0, reminder.subject().length())).isEqualTo("Reminder: ".length() + 120);
    }

    @Test
    void linksAreInBothPartsWithAButtonInHtml() {
        URI link = URI.create("https://pa.example.org/verify?token=abc&next=%2Ftoday");
        MailContent verification = MailTemplates.verification("Ada", link);
        MailContent reset = MailTemplates.passwordReset("Ada", link);

        assertThat(verification.subject()).isEqualTo("Confirm your email address");
        assertThat(reset.subject()).isEqualTo("Reset your password");
        for (MailContent mail : List.of(verification, reset)) {
            assertThat(mail.textBody()).contains(link.toString());
            assertThat(mail.htmlBody()).contains("href=\"https://pa.example.org/verify?token=abc&amp;next=%2Ftoday\"");
        }
    }

    @Test
    void theDigestListsTodayAndWhatIsStillOpenOrSaysThereIsNothing() {
        MailContent digest = MailTemplates.dailyDigest("Ada", DAY, List.of("call mom", "water plants"), List.of("taxes"), List.of());
        MailContent empty = MailTemplates.dailyDigest("Ada", DAY, List.of(), List.of(), List.of());

        assertThat(digest.subject()).isEqualTo("Your day: Tuesday 24 November");
        assertThat(digest.textBody()).contains("Today:\n  - call mom\n  - water plants\n", "  - taxes\n");
        assertThat(digest.htmlBody()).contains("<li style=\"margin:0 0 6px\">call mom</li>", ">taxes</li>");
        assertThat(empty.textBody()).contains("Nothing is due today.");
    }

    @Test
    void everyPageStandsAloneWithoutExternalAssets() {
        for (MailContent mail : List.of(
                MailTemplates.verification("Ada", URI.create("https://pa.example.org/v")),
                MailTemplates.passwordReset("Ada", URI.create("https://pa.example.org/r")),
                MailTemplates.reminder("Ada", "call mom", new Due.AllDay(DAY)),
                MailTemplates.dailyDigest("Ada", DAY, List.of("call mom"), List.of(), List.of()))) {
            assertThat(mail.htmlBody()).startsWith("<!DOCTYPE html>").contains("<meta charset=\"utf-8\">")
                    .doesNotContain("<img", "<link", "<script", "url(", "src=");
        }
    }
}
