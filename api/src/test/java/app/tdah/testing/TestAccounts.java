package app.tdah.testing;

import java.util.Map;
import java.util.UUID;

/** People signed up through the real {@code register} mutation and signed in with {@code login}, for tests of what they do next. */
public final class TestAccounts {

    private static final String REGISTER = """
            mutation Register($input: RegisterInput!) {
              register(input: $input) { userErrors { code } }
            }""";
    private static final String LOGIN = """
            mutation Login($input: LoginInput!) {
              login(input: $input) { accessToken userErrors { code } }
            }""";
    public static final String PASSWORD = "correct-horse-battery-42";

    private TestAccounts() {
    }

    /** A new person in the given time zone and a client signed in as them. */
    public record SignedUp(String email, GraphQlClient client) {
    }

    public static SignedUp signUp(String baseUrl, String timeZone) {
        String email = "person-" + UUID.randomUUID() + "@example.com";
        return new SignedUp(email, signUpAs(baseUrl, email, "Ada", timeZone));
    }

    /** A client signed in as a new person with this address (password {@value #PASSWORD}), as the SPA signs one up. */
    public static GraphQlClient signUpAs(String baseUrl, String email, String displayName, String timeZone) {
        GraphQlClient client = new GraphQlClient(baseUrl);
        GraphQlClient.Response registered = client.execute(REGISTER, Map.of("input", Map.of(
                "email", email, "password", PASSWORD, "displayName", displayName, "timeZone", timeZone)));
        if (!registered.data("register").path("userErrors").isEmpty()) {
            throw new IllegalStateException("Sign-up failed: " + registered.body());
        }
        GraphQlClient.Response signedIn = client.execute(LOGIN, Map.of("input", Map.of("email", email, "password", PASSWORD)));
        String token = signedIn.data("login").path("accessToken").asText("");
        if (token.isEmpty()) {
            throw new IllegalStateException("Sign-in after sign-up failed: " + signedIn.body());
        }
        client.useAccessToken(token);
        return client;
    }

    /** A new person who has opened the verification link mailed to them (set straight in the database). */
    public static SignedUp signUpConfirmed(ServerExtension server, String timeZone) {
        SignedUp person = signUp(server.baseUrl(), timeZone);
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            sql.update("UPDATE users SET email_verified_at = now() WHERE email = ?", person.email());
        }
        return person;
    }

    /**
     * Makes the person's sessions look as if they signed in {@code minutes} ago (by the database's clock, which
     * stamps sessions): past the re-authentication window, a sensitive change asks for the password again.
     */
    public static void signedInMinutesAgo(ServerExtension server, SignedUp person, int minutes) {
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            sql.update("UPDATE refresh_tokens SET created_at = now() - make_interval(mins => ?) "
                    + "WHERE user_id = (SELECT id FROM users WHERE email = ?)", minutes, person.email());
        }
    }

    /** A new person given a role straight in the database; the role applies from their next request. */
    public static SignedUp signUpWithRole(ServerExtension server, String timeZone, String role) {
        SignedUp person = signUp(server.baseUrl(), timeZone);
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            sql.update("UPDATE users SET role = ? WHERE email = ?", role, person.email());
        }
        return person;
    }
}
