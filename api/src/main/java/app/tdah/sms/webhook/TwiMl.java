package app.tdah.sms.webhook;

import java.util.Optional;

/** The TwiML a messaging webhook answers with: one reply message, or nothing to send. */
final class TwiMl {

    static final String CONTENT_TYPE = "text/xml; charset=utf-8";
    static final String EMPTY = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    private TwiMl() {
    }

    static String of(Optional<String> reply) {
        return reply.map(TwiMl::message).orElse(EMPTY);
    }

    static String message(String text) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>" + escape(text) + "</Message></Response>";
    }

    /** Escapes markup and drops the control characters XML 1.0 cannot carry at all. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\r' || c == '\t') {
                        if (c != '\uFFFE' && c != '\uFFFF') {
                            out.append(c);
                        }
                    }
                }
            }
        }
        return out.toString();
    }
}
