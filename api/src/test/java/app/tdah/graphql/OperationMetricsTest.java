package app.tdah.graphql;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import app.tdah.testing.GraphQlClient;
import app.tdah.testing.ServerExtension;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Operation names are client input: only known ones become metric labels, so made-up names add no time series. */
class OperationMetricsTest {

    private static final Pattern OPERATION = Pattern.compile("\\b(?:query|mutation|subscription)\\s+([A-Z][A-Za-z0-9_]*)");

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start();

    @Test
    void madeUpOperationNamesCountAsOtherAndKnownOnesByName() {
        GraphQlClient client = new GraphQlClient(server.baseUrl());
        double othersBefore = count("other", "query");
        double todayBefore = count("Today", "query");
        String madeUp = "Probe" + UUID.randomUUID().toString().replace("-", "");
        for (int i = 0; i < 3; i++) {
            client.execute("query " + madeUp + i + " { apiVersion }");
        }
        client.execute("query Today { apiVersion }");

        String metrics = client.get("/observe/metrics").body();
        assertThat(metrics).doesNotContain(madeUp);
        assertThat(count("other", "query")).isGreaterThanOrEqualTo(othersBefore + 3);
        assertThat(count("Today", "query")).isGreaterThanOrEqualTo(todayBefore + 1);
    }

    @Test
    void everyOperationTheSpaSendsIsAKnownOne() throws IOException {
        Set<String> sent;
        try (Stream<Path> files = Files.walk(Path.of("../ui/src"))) {
            sent = files.filter(file -> file.toString().matches(".*\\.tsx?$") && !file.toString().matches(".*\\.test\\.tsx?$")
                            && !file.startsWith(Path.of("../ui/src/test")))
                    .flatMap(OperationMetricsTest::operationNames)
                    .collect(Collectors.toSet());
        }
        assertThat(sent).isNotEmpty();
        assertThat(OperationMetrics.knownOperations()).containsAll(sent);
    }

    private static Stream<String> operationNames(Path file) {
        try {
            Matcher matcher = OPERATION.matcher(Files.readString(file));
            return matcher.results().map(result -> result.group(1)).toList().stream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The counter's value for the label, 0 when it has none yet. */
    private static double count(String operation, String type) {
        String metrics = new GraphQlClient(server.baseUrl()).get("/observe/metrics").body();
        Matcher matcher = Pattern.compile("graphql_operations_total\\{operation=\"" + operation + "\",[^}]*type=\"" + type
                + "\",\\} ([0-9.E]+)").matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
