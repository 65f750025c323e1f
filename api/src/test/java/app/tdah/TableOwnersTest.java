package app.tdah;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One owner per table (ARCHITECTURE.md): every table is written (INSERT, UPDATE, DELETE) by the SQL of one class;
 * other features ask that feature's service. Reads may join any table.
 */
class TableOwnersTest {

    /** {@code UPDATE t SET}, {@code INSERT INTO t}, {@code DELETE FROM t}; not {@code FOR UPDATE} nor {@code DO UPDATE SET}. */
    private static final Pattern WRITE = Pattern.compile(
            "(?i)\\b(?:insert\\s+into|delete\\s+from|(?<!for\\s|do\\s)update)\\s+([a-z_][a-z0-9_]*)\\b");

    @Test
    void everyTableIsWrittenByOneClass() throws IOException {
        Map<String, Set<String>> writers = new TreeMap<>();
        for (Path root : new Path[] {Path.of("src/main/java"), Path.of("../jobs/src/main/java")}) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                    for (String table : tablesWrittenIn(f)) {
                        writers.computeIfAbsent(table, t -> new TreeSet<>()).add(f.getFileName().toString());
                    }
                });
            }
        }
        assertThat(writers).as("tables and the classes whose SQL writes them").isNotEmpty().containsKey("tasks");
        writers.values().removeIf(classes -> classes.size() == 1);
        assertThat(writers).as("tables written by more than one class").isEmpty();
    }

    /** Table names after INSERT INTO, DELETE FROM and UPDATE inside the file's string literals. */
    private static Set<String> tablesWrittenIn(Path file) {
        Set<String> tables = new TreeSet<>();
        try {
            Matcher literal = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(Files.readString(file));
            while (literal.find()) {
                Matcher write = WRITE.matcher(literal.group(1) + " ");
                while (write.find()) {
                    tables.add(write.group(1).toLowerCase());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tables;
    }
}
