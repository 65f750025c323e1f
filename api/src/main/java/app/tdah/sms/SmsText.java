package app.tdah.sms;

/**
 * How a text travels as SMS: in the GSM 03.38 7-bit alphabet when every character is in it (160 septets a message,
 * 153 a part once split, the extension characters such as € and { taking two), otherwise as UCS-2 (70 UTF-16 units,
 * 67 a part; an emoji takes two and a part never splits one).
 */
public record SmsText(Encoding encoding, int segments) {

    public enum Encoding { GSM7, UCS2 }

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "\f^{}\\[~]|€";

    public static SmsText of(String body) {
        int septets = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (GSM_BASIC.indexOf(c) >= 0) {
                septets++;
            } else if (GSM_EXTENSION.indexOf(c) >= 0) {
                septets += 2;
            } else {
                return new SmsText(Encoding.UCS2, ucs2Segments(body));
            }
        }
        return new SmsText(Encoding.GSM7, gsmSegments(body, septets));
    }

    /** The number of parts, never splitting an escape pair across two. */
    private static int gsmSegments(String body, int septets) {
        if (septets <= 160) {
            return 1;
        }
        int parts = 1;
        int used = 0;
        for (int i = 0; i < body.length(); i++) {
            int width = GSM_EXTENSION.indexOf(body.charAt(i)) >= 0 ? 2 : 1;
            if (used + width > 153) {
                parts++;
                used = 0;
            }
            used += width;
        }
        return parts;
    }

    /** The number of parts, never splitting a surrogate pair (an emoji) across two. */
    private static int ucs2Segments(String body) {
        if (body.length() <= 70) {
            return 1;
        }
        int parts = 1;
        int used = 0;
        for (int i = 0; i < body.length(); i++) {
            int width = Character.isHighSurrogate(body.charAt(i)) && i + 1 < body.length() ? 2 : 1;
            if (used + width > 67) {
                parts++;
                used = 0;
            }
            used += width;
            i += width - 1;
        }
        return parts;
    }
}
