package app.tdah.integrations.sync;

/** The provider no longer honours an integration's grant: only the person, reconnecting, can renew it. */
public final class ReconnectNeeded extends Exception {

    public ReconnectNeeded(String reason) {
        super(reason, null, false, false);
    }
}
