package app.tdah.sms.assistant;

/** A text as Twilio posts it: its MessageSid, the sender (E.164) and the body. */
public record InboundSms(String messageSid, String fromE164, String body) {
}
