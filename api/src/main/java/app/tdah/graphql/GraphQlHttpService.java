package app.tdah.graphql;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import app.tdah.identity.AccessTokens;
import app.tdah.identity.ClientInfo;
import app.tdah.identity.EffectiveRoles;
import app.tdah.identity.Principal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import graphql.ExecutionResult;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * GraphQL over HTTP: {@code POST /graphql} with a JSON body, {@code GET /graphql} for queries only, and the schema
 * text at {@code /graphql/schema.graphql}. Authenticates the bearer token; a token that is present but invalid is a
 * 401, an absent one means an anonymous request.
 */
public final class GraphQlHttpService implements HttpService {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final GraphQlEngine engine;
    private final AccessTokens accessTokens;
    private final EffectiveRoles roles;
    private final String refreshCookieName;

    /** {@code refreshCookieName}: the cookie the refresh token comes back in, handed to the fetchers as it is. */
    public GraphQlHttpService(GraphQlEngine engine, AccessTokens accessTokens, EffectiveRoles roles, String refreshCookieName) {
        this.engine = engine;
        this.accessTokens = accessTokens;
        this.roles = roles;
        this.refreshCookieName = refreshCookieName;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::post)
                .get("/", this::get)
                .get("/schema.graphql", this::schema);
    }

    private void schema(ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8").send(engine.schemaText());
    }

    private void post(ServerRequest req, ServerResponse res) {
        boolean json = req.headers().contentType()
                .map(type -> type.mediaType().subtype().equals("json") || type.mediaType().subtype().endsWith("+json"))
                .orElse(false);
        if (!json) {
            // Requiring JSON also means a cross-site form cannot post here without a CORS preflight.
            problem(res, Status.UNSUPPORTED_MEDIA_TYPE_415, "Send the GraphQL request as Content-Type: application/json");
            return;
        }
        JsonNode body;
        try {
            body = JSON.readTree(req.content().as(String.class));
        } catch (JsonProcessingException e) {
            problem(res, Status.BAD_REQUEST_400, "Malformed JSON: " + e.getOriginalMessage());
            return;
        }
        if (body == null || !body.isObject() || !body.path("query").isTextual()) {
            problem(res, Status.BAD_REQUEST_400, "The body must be a JSON object with a string \"query\"");
            return;
        }
        JsonNode variables = body.path("variables");
        if (!variables.isMissingNode() && !variables.isNull() && !variables.isObject()) {
            problem(res, Status.BAD_REQUEST_400, "\"variables\" must be a JSON object");
            return;
        }
        execute(req, res, body.get("query").asText(), textOrNull(body.path("operationName")), toMap(variables));
    }

    private void get(ServerRequest req, ServerResponse res) {
        Optional<String> query = req.query().first("query").asOptional();
        if (query.isEmpty()) {
            problem(res, Status.BAD_REQUEST_400, "Missing the \"query\" parameter");
            return;
        }
        String operationName = req.query().first("operationName").orElse(null);
        if (isMutation(query.get(), operationName)) {
            res.header(HeaderNames.ALLOW, "POST");
            problem(res, Status.METHOD_NOT_ALLOWED_405, "Mutations must be sent with POST");
            return;
        }
        JsonNode variables = null;
        Optional<String> variablesText = req.query().first("variables").asOptional();
        if (variablesText.isPresent()) {
            try {
                variables = JSON.readTree(variablesText.get());
            } catch (JsonProcessingException e) {
                problem(res, Status.BAD_REQUEST_400, "Malformed JSON in \"variables\": " + e.getOriginalMessage());
                return;
            }
            if (!variables.isObject()) {
                problem(res, Status.BAD_REQUEST_400, "\"variables\" must be a JSON object");
                return;
            }
        }
        execute(req, res, query.get(), operationName, toMap(variables));
    }

    private void execute(ServerRequest req, ServerResponse res, String query, String operationName, Map<String, Object> variables) {
        Optional<String> bearer = AccessTokens.bearer(req);
        Optional<Principal> principal = bearer.flatMap(accessTokens::verify);
        if (bearer.isPresent() && principal.isEmpty()) {
            res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            problem(res, Status.UNAUTHORIZED_401, "The access token is invalid or expired");
            return;
        }
        RequestContext context = new RequestContext(principal, ClientInfo.of(req),
                req.headers().cookies().first(refreshCookieName).asOptional(), roles);
        ExecutionResult result = engine.execute(query, operationName, variables, context);
        context.cookiesToSet().forEach(cookie -> res.headers().addCookie(cookie));
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        sendJson(res, Status.OK_200, result.toSpecification());
    }

    private static boolean isMutation(String query, String operationName) {
        try {
            return new Parser().parseDocument(query).getDefinitionsOfType(OperationDefinition.class).stream()
                    .filter(op -> operationName == null || operationName.equals(op.getName()))
                    .anyMatch(op -> op.getOperation() != OperationDefinition.Operation.QUERY);
        } catch (InvalidSyntaxException e) {
            return false; // execution reports the syntax error in the GraphQL response
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> toMap(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? Map.of() : JSON.convertValue(node, Map.class);
    }

    private static String textOrNull(JsonNode node) {
        return node.isTextual() && !node.asText().isEmpty() ? node.asText() : null;
    }

    private static void problem(ServerResponse res, Status status, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("errors").addObject().put("message", message);
        sendJson(res, status, body);
    }

    private static void sendJson(ServerResponse res, Status status, Object body) {
        try {
            res.status(status)
                    .header(HeaderNames.CONTENT_TYPE, "application/json")
                    .send(JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write JSON", e);
        }
    }
}
