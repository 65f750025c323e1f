package app.tdah.graphql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;

/**
 * The schema: every {@code graphql/*.graphqls} file that the graphql-schema module puts on the classpath, in name
 * order, so that a feature adds its file and nothing else.
 */
public record SchemaSource(String text, TypeDefinitionRegistry types) {

    private static final String ROOT_FILE = "graphql/schema.graphqls";

    public static SchemaSource load() {
        String text = loadText();
        return new SchemaSource(text, new SchemaParser().parse(text));
    }

    private static String loadText() {
        URL root = SchemaSource.class.getClassLoader().getResource(ROOT_FILE);
        if (root == null) {
            throw new IllegalStateException(ROOT_FILE + " is not on the classpath: is the graphql-schema module a dependency?");
        }
        try {
            URI uri = root.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return concatenate(jar.getPath(ROOT_FILE).getParent());
                }
            }
            return concatenate(Path.of(uri).getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String concatenate(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".graphqls"))
                    .sorted()
                    .map(SchemaSource::read)
                    .collect(Collectors.joining("\n"));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
