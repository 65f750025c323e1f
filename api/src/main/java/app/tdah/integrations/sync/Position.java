package app.tdah.integrations.sync;

/**
 * Where a stream's sync stands.
 *
 * @param cursor     the provider's cursor after the last complete sync (syncToken, deltaLink, historyId); null before
 *                   the first one and after the provider let it expire
 * @param pageCursor the next page of an unfinished sync (a page token or link); null when none is under way
 * @param full       the unfinished (or next) sync reads everything rather than the changes since {@code cursor}
 * @param generation stamped on every row written; a finished full sync deletes rows of older generations
 */
public record Position(String cursor, String pageCursor, boolean full, long generation) {

    /** Everything again: the old rows stay visible until the new full sync has finished. */
    public Position restartedFull() {
        return new Position(null, null, true, generation + 1);
    }

    Position after(Page.Next next) {
        return switch (next) {
            case Page.More more -> new Position(cursor, more.pageCursor(), full, generation);
            case Page.Done done -> new Position(done.cursor(), null, false, generation);
        };
    }
}
