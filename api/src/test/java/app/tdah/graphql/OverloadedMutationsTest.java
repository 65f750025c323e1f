package app.tdah.graphql;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.tdah.errors.Overloaded;
import app.tdah.identity.ClientInfo;

import graphql.ExecutionResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A sign-up the server has no hashing capacity for answers RATE_LIMITED, which the person can act on: try again. */
class OverloadedMutationsTest {

    private final GraphQlEngine engine = new GraphQlEngine(SchemaSource.load(),
            List.of(wiring -> wiring.type("Mutation", t -> t.dataFetcher("register", env -> {
                throw new Overloaded("The server is busy checking passwords right now. Please try again in a moment.");
            }))),
            new Authorization(event -> { }), 12, 500, 5);

    @Test
    void anOverloadedMutationAnswersARateLimitedUserError() {
        ExecutionResult result = engine.execute("""
                mutation { register(input: {email: "a@example.com", password: "correct-horse-battery-42",
                  displayName: "A", timeZone: "UTC"}) { userErrors { code message } } }""",
                null, Map.of(), new RequestContext(Optional.empty(), new ClientInfo("127.0.0.1", "test"), Optional.empty(),
                        principal -> Optional.empty()));

        assertThat(result.getErrors()).isEmpty();
        Map<String, Object> register = result.<Map<String, Map<String, Object>>>getData().get("register");
        assertThat(register.get("userErrors")).asList().singleElement()
                .isEqualTo(Map.of("code", "RATE_LIMITED",
                        "message", "The server is busy checking passwords right now. Please try again in a moment."));
    }
}
