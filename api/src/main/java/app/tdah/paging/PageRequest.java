package app.tdah.paging;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import app.tdah.errors.BadArgument;

/**
 * The one keyset pager: which page of a list a client asked for (at most {@code size} rows after a cursor, from the
 * start without one). A repository fetches {@link #fetchSize()} rows after the cursor, one more than the page, and
 * {@link #page} tells from that extra row whether another page follows.
 */
public record PageRequest<C>(int size, Optional<C> after) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    /** The request for {@code first} rows after the encoded cursor; a {@link BadArgument} for a size out of range. */
    public static <C> PageRequest<C> of(Integer first, String after, Function<String, C> decode) {
        int size = first == null ? DEFAULT_SIZE : first;
        if (size < 0 || size > MAX_SIZE) {
            throw new BadArgument("first must be between 0 and " + MAX_SIZE);
        }
        return new PageRequest<>(size, Optional.ofNullable(after).map(decode));
    }

    /** A list ordered newest first by creation time and id. */
    public static PageRequest<KeysetCursor> newestFirst(Integer first, String after) {
        return of(first, after, KeysetCursor::decode);
    }

    /** How many rows to fetch: one more than the page, which says whether another page follows. */
    public int fetchSize() {
        return size + 1;
    }

    /** The page out of the rows fetched after the cursor (at most {@link #fetchSize()} of them). */
    public <T> Page<T> page(List<T> fetched, long totalCount) {
        boolean hasNext = fetched.size() > size;
        return new Page<>(hasNext ? fetched.subList(0, size) : fetched, after.isPresent(), hasNext, totalCount);
    }
}
