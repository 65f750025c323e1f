package app.tdah.sms.assistant;

/** A text to send back and why it is sent ({@code sms_messages.kind}: REPLY, ONBOARDING). */
record Reply(String text, String kind) {

    static Reply answer(String text) {
        return new Reply(text, "REPLY");
    }

    static Reply onboarding(String text) {
        return new Reply(text, "ONBOARDING");
    }
}
