package app.tdah.integrations.sync;

/** One provider's API for one stream: reads the page a position points at. */
public interface ChangeSource<T> {

    /**
     * @throws ProviderException.CursorExpired when the provider no longer knows the cursor: a full sync must follow
     * @throws ProviderException               when the provider refused, failed or could not be reached
     */
    Page<T> page(String accessToken, Position position) throws ProviderException;
}
