package app.tdah.graphql;

import java.util.List;
import java.util.function.Function;

import app.tdah.paging.Page;

/** Every {@code XConnection} of the schema: a page as Relay edges, its {@code PageInfo} and the list's total. */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, long totalCount) {

    public record Edge<T>(String cursor, T node) {
    }

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    /** The page as a connection, each row's cursor from {@code cursorOf}. */
    public static <T> Connection<T> of(Page<T> page, Function<? super T, String> cursorOf) {
        return of(page, cursorOf, Function.identity());
    }

    /** The page as a connection of views: each row's cursor from {@code cursorOf}, its node from {@code view}. */
    public static <T, N> Connection<N> of(Page<T> page, Function<? super T, String> cursorOf, Function<? super T, N> view) {
        List<Edge<N>> edges = page.items().stream().map(item -> new Edge<N>(cursorOf.apply(item), view.apply(item))).toList();
        return new Connection<>(edges, new PageInfo(page.hasNext(), page.hasPrevious(),
                edges.isEmpty() ? null : edges.getFirst().cursor(), edges.isEmpty() ? null : edges.getLast().cursor()), page.totalCount());
    }
}
