package app.tdah.integrations.sync;

/** What one sync stream of an integration brings in; each has its own cursor and status. */
public enum SyncedData {
    CALENDAR("calendar"), MAIL("mail");

    private final String words;

    SyncedData(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
