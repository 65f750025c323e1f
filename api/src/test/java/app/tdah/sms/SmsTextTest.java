package app.tdah.sms;

import app.tdah.sms.SmsText.Encoding;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Segment counting as carriers do it: what a text costs and whether it arrives in one piece. */
class SmsTextTest {

    private static final String CYRILLIC = "ж";
    private static final String EMOJI = "😀";

    @Test
    void gsmTextFitsOneSegmentUpTo160CharactersAnd153APartBeyond() {
        assertThat(SmsText.of("")).isEqualTo(new SmsText(Encoding.GSM7, 1));
        assertThat(SmsText.of("a".repeat(160))).isEqualTo(new SmsText(Encoding.GSM7, 1));
        assertThat(SmsText.of("a".repeat(161))).isEqualTo(new SmsText(Encoding.GSM7, 2));
        assertThat(SmsText.of("a".repeat(306))).isEqualTo(new SmsText(Encoding.GSM7, 2));
        assertThat(SmsText.of("a".repeat(307))).isEqualTo(new SmsText(Encoding.GSM7, 3));
    }

    @Test
    void theGsmAlphabetIncludesAccentsAndSymbolsOfItsOwn() {
        assertThat(SmsText.of("Rendez-vous à 17h, café @ £5 ¿Qué? Ñoño ÆØÅ äöü ΔΩ").encoding()).isEqualTo(Encoding.GSM7);
    }

    @Test
    void extensionCharactersTakeTwoSeptetsAndAreNeverSplitAcrossParts() {
        assertThat(SmsText.of("€".repeat(80))).isEqualTo(new SmsText(Encoding.GSM7, 1));
        assertThat(SmsText.of("€".repeat(81))).as("162 septets: two parts").isEqualTo(new SmsText(Encoding.GSM7, 2));
        assertThat(SmsText.of("a".repeat(159) + "{")).as("161 septets").isEqualTo(new SmsText(Encoding.GSM7, 2));
        assertThat(SmsText.of("[]{}\\^~|€\f").encoding()).isEqualTo(Encoding.GSM7);
        // 76 euro signs fill a part (152 septets); the 77th would split its escape pair, so it starts the next part.
        assertThat(SmsText.of("€".repeat(152))).isEqualTo(new SmsText(Encoding.GSM7, 2));
        assertThat(SmsText.of("€".repeat(153))).isEqualTo(new SmsText(Encoding.GSM7, 3));
        assertThat(SmsText.of("a".repeat(152) + "€" + "a".repeat(152))).as("the pair moves whole to part two")
                .isEqualTo(new SmsText(Encoding.GSM7, 3));
    }

    @Test
    void anyCharacterOutsideGsmMakesTheWholeTextUcs2With70And67() {
        assertThat(SmsText.of(CYRILLIC.repeat(70))).isEqualTo(new SmsText(Encoding.UCS2, 1));
        assertThat(SmsText.of(CYRILLIC.repeat(71))).isEqualTo(new SmsText(Encoding.UCS2, 2));
        assertThat(SmsText.of(CYRILLIC.repeat(134))).isEqualTo(new SmsText(Encoding.UCS2, 2));
        assertThat(SmsText.of(CYRILLIC.repeat(135))).isEqualTo(new SmsText(Encoding.UCS2, 3));
        assertThat(SmsText.of("a".repeat(159) + "ç")).as("one lower-case c-cedilla: 160 UCS-2 units")
                .isEqualTo(new SmsText(Encoding.UCS2, 3));
    }

    @Test
    void anEmojiTakesTwoUnitsAndIsNeverSplitAcrossParts() {
        assertThat(SmsText.of("buy milk " + EMOJI)).isEqualTo(new SmsText(Encoding.UCS2, 1));
        assertThat(SmsText.of(EMOJI.repeat(35))).isEqualTo(new SmsText(Encoding.UCS2, 1));
        assertThat(SmsText.of(EMOJI.repeat(36))).isEqualTo(new SmsText(Encoding.UCS2, 2));
        // 67 units a part: 33 emoji (66 units), as the 34th would be cut in half.
        assertThat(SmsText.of(EMOJI.repeat(66))).isEqualTo(new SmsText(Encoding.UCS2, 2));
        assertThat(SmsText.of(EMOJI.repeat(67))).isEqualTo(new SmsText(Encoding.UCS2, 3));
        assertThat(SmsText.of("aa" + EMOJI.repeat(66))).as("134 units, but no part may end in half an emoji")
                .isEqualTo(new SmsText(Encoding.UCS2, 3));
    }

    @Test
    void fiveThousandCharactersAreCountedInFull() {
        assertThat(SmsText.of("a".repeat(5_000))).isEqualTo(new SmsText(Encoding.GSM7, 33));
        assertThat(SmsText.of(CYRILLIC.repeat(5_000))).isEqualTo(new SmsText(Encoding.UCS2, 75));
        assertThat(SmsText.of(EMOJI.repeat(2_500))).as("5,000 UTF-16 units, 33 emoji a part")
                .isEqualTo(new SmsText(Encoding.UCS2, 76));
    }
}
