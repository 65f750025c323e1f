package app.tdah.integrations.sync;

/** What a person allowed when connecting an integration. */
public enum Capability {
    CALENDAR_READ, CALENDAR_WRITE, MAIL_READ
}
