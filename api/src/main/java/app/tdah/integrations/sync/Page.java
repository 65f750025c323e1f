package app.tdah.integrations.sync;

import java.util.List;

/**
 * One step of a sync, as a provider answered it: items new or changed, ids removed, and what comes next.
 *
 * @param <T> {@link SyncedEvent} or {@link MailHeader}
 */
public record Page<T>(List<T> changed, List<String> removedIds, Next next) {

    public Page {
        changed = List.copyOf(changed);
        removedIds = List.copyOf(removedIds);
    }

    public int changes() {
        return changed.size() + removedIds.size();
    }

    /** What follows a page. */
    public sealed interface Next permits More, Done {
    }

    /** Another page, at this token or link. */
    public record More(String pageCursor) implements Next {
    }

    /** The sync is complete; the next one starts from this cursor. */
    public record Done(String cursor) implements Next {
    }
}
