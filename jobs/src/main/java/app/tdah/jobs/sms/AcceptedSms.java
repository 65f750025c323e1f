package app.tdah.jobs.sms;

/**
 * Twilio's answer to a message it accepted.
 *
 * @param sid    the MessageSid that status callbacks name
 * @param status Twilio's status at acceptance, e.g. {@code queued} or {@code accepted}
 */
public record AcceptedSms(String sid, String status) {
}
