package app.tdah.sms.assistant;

import java.net.URI;
import java.time.Duration;

/**
 * The SMS assistant: the sign-up link strangers get, how long a webhook waits for an answer before it goes by the
 * outbox instead, and how often one number gets a notice (sign up, finish verification).
 */
public record SmsAssistantSettings(URI signupUrl, Duration replyBudget, Duration noticeInterval) {
}
