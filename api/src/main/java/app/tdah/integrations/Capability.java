package app.tdah.integrations;

/** What a connected account lets this server do. Mirrors the GraphQL enum IntegrationCapability. */
public enum Capability {
    /** Read the person's calendar events (for the agenda and busy times). */
    CALENDAR_READ,
    /** Write events into the person's calendar (a task scheduled into a slot). */
    CALENDAR_WRITE,
    /** Read mail metadata (sender, subject, date, labels, snippet), never bodies. */
    MAIL_READ
}
