package app.tdah.graphql;

import java.util.Optional;
import java.util.UUID;

/**
 * A GraphQL type implementing {@code Node}: its name (the global id's prefix), the Java class that represents it, and
 * how to load one of the signed-in person's objects of it.
 */
public record NodeType<T>(String typeName, Class<T> javaType, Loader<T> loader) {

    @FunctionalInterface
    public interface Loader<T> {
        Optional<T> load(UUID ownerId, UUID id);
    }
}
