package app.tdah.myaccount;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import app.tdah.identity.AccessTokens;
import app.tdah.identity.ClientInfo;
import app.tdah.identity.Permission;
import app.tdah.identity.Principal;
import app.tdah.identity.EffectiveRoles;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code GET /account/export}: the signed-in person's data export as a JSON download. A download rather than a
 * GraphQL field because it can be large and is a file to keep. The access token comes as {@code Authorization:
 * Bearer} (the SPA fetches it and saves the blob), never in the URL; a missing, invalid or expired token, or a
 * deactivated account, gets a 401. Being a header, it cannot be sent by another site without a CORS preflight.
 */
public final class AccountExportHttpService implements HttpService {

    public static final String ROOT = "/account";

    private final MyAccountService myAccount;
    private final AccessTokens accessTokens;
    private final EffectiveRoles roles;
    private final Clock clock;

    public AccountExportHttpService(MyAccountService myAccount, AccessTokens accessTokens, EffectiveRoles roles,
                                    Clock clock) {
        this.myAccount = myAccount;
        this.accessTokens = accessTokens;
        this.roles = roles;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/export", this::export);
    }

    private void export(ServerRequest req, ServerResponse res) {
        Optional<Principal> principal = AccessTokens.bearer(req).flatMap(accessTokens::verify);
        // The same rule as the GraphQL layer: the account's current role, read now, must allow its own data.
        boolean allowed = principal.flatMap(roles::of).map(r -> r.permits(Permission.OWN_DATA)).orElse(false);
        Optional<byte[]> document = allowed
                ? myAccount.export(principal.get().userId(), ClientInfo.of(req))
                : Optional.empty();
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        if (document.isEmpty()) {
            res.status(Status.UNAUTHORIZED_401)
                    .header(HeaderNames.WWW_AUTHENTICATE, "Bearer")
                    .header(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                    .send("Sign in, then send your access token as Authorization: Bearer.");
            return;
        }
        String filename = "personal-assistant-export-" + LocalDate.now(clock.withZone(ZoneOffset.UTC)) + ".json";
        res.header(HeaderNames.CONTENT_TYPE, "application/json")
                .header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .send(document.get());
    }
}
