package app.tdah.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list in its order: its rows, whether it continues an earlier page, whether more rows follow, and how
 * many rows the whole list has.
 */
public record Page<T>(List<T> items, boolean hasPrevious, boolean hasNext, long totalCount) {

    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapping) {
        return new Page<>(items.stream().<R>map(mapping).toList(), hasPrevious, hasNext, totalCount);
    }
}
