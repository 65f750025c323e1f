package app.tdah.sms.assistant;

/**
 * Typography a language model likes (curly quotes, dashes, the ellipsis character, non-breaking spaces) put back into
 * their plain forms, which the GSM 7-bit alphabet has: one of them alone would make a reply UCS-2, halving a segment.
 */
final class GsmFriendly {

    private GsmFriendly() {
    }

    static String of(String text) {
        return text.replace('\u2018', '\'').replace('\u2019', '\'').replace('\u201C', '"').replace('\u201D', '"')
                .replace('\u2013', '-').replace('\u2014', '-').replace('\u00A0', ' ').replace('\u202F', ' ')
                .replace("\u2026", "...");
    }
}
