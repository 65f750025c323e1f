package app.tdah.mail;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import app.tdah.capture.Due;
import app.tdah.i18n.ProfileLanguage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MailTemplatesTest {

    private static final MailTemplates ENGLISH = MailTemplates.in(ProfileLanguage.EN);
    private static final MailTemplates FRENCH = MailTemplates.in(ProfileLanguage.FR);
    private static final MailTemplates SPANISH = MailTemplates.in(ProfileLanguage.ES);
    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    private static final ZonedDateTime FIVE_PM = DAY.atTime(17, 0).atZone(ZoneId.of("Europe/Paris"));

    @Test
    void whatPeopleTypedIsEscapedInHtmlAndKeptAsTypedInText() {
        MailContent reminder = ENGLISH.reminder("Ada <b>&</b>", "<script>alert('x')</script>", new Due.Timed(FIVE_PM));

        assertThat(reminder.htmlBody())
                .doesNotContain("<script>", "<b>&</b>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "Hi Ada &lt;b&gt;&amp;&lt;/b&gt;,");
        assertThat(reminder.textBody()).contains("<script>alert('x')</script>", "Hi Ada <b>&</b>,");
        assertThat(reminder.subject()).isEqualTo("Reminder: <script>alert('x')</script>");
    }

    @Test
    void digestTitlesAreEscapedToo() {
        MailContent digest = ENGLISH.dailyDigest("Ada", DAY, List.of("<img src=x onerror=alert(1)>"), List.of("\"quoted\" & <b>bold</b>"),
                List.of("Eve: <script>alert(2)</script>"));

        assertThat(digest.htmlBody())
                .doesNotContain("<img", "<b>bold</b>", "<script>")
                .contains("&lt;img src=x onerror=alert(1)&gt;", "&quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;",
                        "Eve: &lt;script&gt;alert(2)&lt;/script&gt;");
    }

    @Test
    void theNewAddressInAnEmailChangeNoticeIsEscapedAndTheLinkIsInTheConfirmation() {
        MailContent notice = ENGLISH.emailChangeRequested("Ada", "<img/src=x>@evil.test");
        MailContent confirmation = ENGLISH.emailChange("Ada", URI.create("https://pa.example/verify-email?token=abc"));

        assertThat(notice.subject()).isEqualTo("Your email address is about to change");
        assertThat(notice.htmlBody()).doesNotContain("<img").contains("&lt;img/src=x&gt;@evil.test");
        assertThat(notice.textBody()).contains("<img/src=x>@evil.test", "change your password");
        assertThat(confirmation.textBody()).contains("https://pa.example/verify-email?token=abc");
        assertThat(confirmation.htmlBody()).contains("href=\"https://pa.example/verify-email?token=abc\"");
        assertThat(ENGLISH.passwordChanged("Ada").textBody()).contains("Hi Ada,", "reset your password");
    }

    @Test
    void aReminderSaysWhatAndWhenInThePersonsTime() {
        MailContent timed = ENGLISH.reminder("Ada", "call mom", new Due.Timed(FIVE_PM));
        MailContent allDay = ENGLISH.reminder("Ada", "water plants", new Due.AllDay(DAY));

        assertThat(timed.subject()).isEqualTo("Reminder: call mom");
        assertThat(timed.textBody()).contains("call mom", "Due Tuesday 24 November at 17:00");
        assertThat(timed.htmlBody()).contains("call mom", "Due Tuesday 24 November at 17:00");
        assertThat(allDay.textBody()).contains("Due Tuesday 24 November\n");
    }

    @Test
    void aTitleWithLineBreaksMakesOneShortSubjectLine() {
        MailContent reminder = ENGLISH.reminder("Ada", "pay rent\r\nBcc: someone@evil.test " + "x".repeat(300), new Due.AllDay(DAY));

        assertThat(reminder.subject()).doesNotContain("\r", "\n").startsWith("Reminder: pay rent Bcc: someone@evil.test x").endsWith("…");
        assertThat(reminder.subject().codePointCount(0, reminder.subject().length())).isEqualTo("Reminder: ".length() + 120);
    }

    @Test
    void linksAreInBothPartsWithAButtonInHtml() {
        URI link = URI.create("https://pa.example.org/verify?token=abc&next=%2Ftoday");
        MailContent verification = ENGLISH.verification("Ada", link);
        MailContent reset = ENGLISH.passwordReset("Ada", link);

        assertThat(verification.subject()).isEqualTo("Confirm your email address");
        assertThat(reset.subject()).isEqualTo("Reset your password");
        for (MailContent mail : List.of(verification, reset)) {
            assertThat(mail.textBody()).contains(link.toString());
            assertThat(mail.htmlBody()).contains("href=\"https://pa.example.org/verify?token=abc&amp;next=%2Ftoday\"");
        }
    }

    @Test
    void theDigestListsTodayAndWhatIsStillOpenOrSaysThereIsNothing() {
        MailContent digest = ENGLISH.dailyDigest("Ada", DAY, List.of("call mom", "water plants"), List.of("taxes"), List.of());
        MailContent empty = ENGLISH.dailyDigest("Ada", DAY, List.of(), List.of(), List.of());

        assertThat(digest.subject()).isEqualTo("Your day: Tuesday 24 November");
        assertThat(digest.textBody()).contains("Today:\n  - call mom\n  - water plants\n", "  - taxes\n");
        assertThat(digest.htmlBody()).contains("<li style=\"margin:0 0 6px\">call mom</li>", ">taxes</li>");
        assertThat(empty.textBody()).contains("Nothing is due today.");
    }

    @Test
    void everyPageStandsAloneWithoutExternalAssets() {
        for (MailContent mail : List.of(
                ENGLISH.verification("Ada", URI.create("https://pa.example.org/v")),
                ENGLISH.passwordReset("Ada", URI.create("https://pa.example.org/r")),
                ENGLISH.reminder("Ada", "call mom", new Due.AllDay(DAY)),
                ENGLISH.dailyDigest("Ada", DAY, List.of("call mom"), List.of(), List.of()))) {
            assertThat(mail.htmlBody()).startsWith("<!DOCTYPE html>").contains("<meta charset=\"utf-8\">")
                    .doesNotContain("<img", "<link", "<script", "url(", "src=");
        }
    }

    @Test
    void aReminderInFrenchAndSpanishSaysWhenAsThatLanguageWritesDays() {
        MailContent french = FRENCH.reminder("Ada", "appeler maman", new Due.Timed(FIVE_PM));
        MailContent spanish = SPANISH.reminder("Ada", "llamar a mamá", new Due.AllDay(DAY));

        assertThat(french.subject()).isEqualTo("Rappel : appeler maman");
        assertThat(french.textBody()).contains("Bonjour Ada,", "Un petit rappel :", "Pour le mardi 24 novembre à 17:00");
        assertThat(french.htmlBody()).startsWith("<!DOCTYPE html><html lang=\"fr\">");
        assertThat(spanish.subject()).isEqualTo("Recordatorio: llamar a mamá");
        assertThat(spanish.textBody()).contains("Hola, Ada:", "Para el martes 24 de noviembre\n");
        assertThat(spanish.htmlBody()).startsWith("<!DOCTYPE html><html lang=\"es\">");
    }

    @Test
    void translatedWordsAreEscapedLikeEverythingElseAndSentencesFromOtherFeaturesAreTranslated() {
        MailContent notice = FRENCH.securityChange("Ada", MailText.of("securityChange.identityLinkedWithEmail", "Google",
                "<b>ada</b>@pa.test"));
        MailContent reset = SPANISH.passwordWasReset("Ada", List.of(MailText.of("passwordWasReset.phoneNotVerified", "+33 6•• •• •• 78")));

        assertThat(notice.textBody()).contains("Votre compte Google <b>ada</b>@pa.test a été lié");
        assertThat(notice.htmlBody()).contains("Votre compte Google &lt;b&gt;ada&lt;/b&gt;@pa.test a été lié", "ce n’était pas vous")
                .doesNotContain("<b>ada");
        assertThat(reset.subject()).isEqualTo("Su contraseña se ha restablecido");
        assertThat(reset.textBody()).contains("  - Teléfono para SMS: +33 6•• •• •• 78 (sin verificar)\n");
    }

    @Test
    void aSentenceWithAnUnknownKeyFailsWhereItIsWritten() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MailText.of("securityChange.noSuchThing"));
    }
}
