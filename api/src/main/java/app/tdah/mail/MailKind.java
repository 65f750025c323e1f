package app.tdah.mail;

/** Why a mail is sent. */
public enum MailKind { VERIFICATION, PASSWORD_RESET, REMINDER, DAILY_DIGEST, SECURITY_NOTICE }
