package app.tdah.integrations.sync;

/** Whose account an integration connects. */
public enum Provider {
    GOOGLE("Google"), MICROSOFT("Microsoft");

    private final String displayName;

    Provider(String displayName) {
        this.displayName = displayName;
    }

    /** The name a person knows it by, for messages. */
    public String displayName() {
        return displayName;
    }
}
