package app.tdah.accounts.recovery;

/**
 * How many verification or password-reset mails one address may be sent per hour, and how many password-reset
 * requests one IP address may make per hour.
 */
public record RecoveryLimits(int mailsPerHour, int ipRequestsPerHour) {
}
