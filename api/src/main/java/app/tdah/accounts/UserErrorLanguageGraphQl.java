package app.tdah.accounts;

import java.util.UUID;
import java.util.function.Function;

import app.tdah.errors.UserError;
import app.tdah.graphql.GraphQlEngine;
import app.tdah.graphql.GraphQlFeature;
import app.tdah.graphql.RequestContext;
import app.tdah.i18n.UserErrorMessages;
import app.tdah.i18n.ZoneAndLanguage;

import graphql.schema.idl.RuntimeWiring;

/**
 * Every mutation's {@code userErrors} in the signed-in person's profile language (English before sign-in): the one
 * place where {@code UserError.message} is answered, for every feature.
 */
final class UserErrorLanguageGraphQl implements GraphQlFeature {

    private final Function<UUID, ZoneAndLanguage> zoneAndLanguageOf;

    UserErrorLanguageGraphQl(Function<UUID, ZoneAndLanguage> zoneAndLanguageOf) {
        this.zoneAndLanguageOf = zoneAndLanguageOf;
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("UserError", t -> t.dataFetcher("message", env -> {
            UserError error = env.getSource();
            RequestContext context = GraphQlEngine.context(env);
            if (context.principal().isEmpty()) {
                return error.message();
            }
            // Read once per request, shared with the other fetchers that need the person's zone or language.
            ZoneAndLanguage person = context.cached(ZoneAndLanguage.class, () -> zoneAndLanguageOf.apply(context.owner()));
            return UserErrorMessages.in(person.language(), error.message());
        }));
    }
}
