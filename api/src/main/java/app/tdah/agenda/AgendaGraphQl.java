package app.tdah.agenda;

import java.time.LocalDate;

import app.tdah.graphql.GraphQlEngine;
import app.tdah.graphql.GraphQlFeature;

import graphql.schema.idl.RuntimeWiring;

/** The {@code agenda(from, to)} query. */
public final class AgendaGraphQl implements GraphQlFeature {

    private final AgendaService agenda;

    public AgendaGraphQl(AgendaService agenda) {
        this.agenda = agenda;
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t.dataFetcher("agenda", env -> GraphQlEngine.context(env).principal()
                .map(p -> agenda.agenda(p.userId(), env.<LocalDate>getArgument("from"), env.<LocalDate>getArgument("to")))
                .orElse(null)));
    }
}
