package app.tdah.focus;

import java.util.List;
import java.util.Map;

import app.tdah.errors.UserError;
import app.tdah.graphql.GlobalId;
import app.tdah.graphql.GraphQlEngine;
import app.tdah.graphql.GraphQlFeature;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;

/** The focus slice of the GraphQL API: recording a session that ran to its end. */
public final class FocusGraphQl implements GraphQlFeature {

    private final FocusSessions sessions;

    public FocusGraphQl(FocusSessions sessions) {
        this.sessions = sessions;
    }

    public record RecordFocusSessionPayload(FocusSession focusSession, List<UserError> userErrors) {
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Mutation", t -> t.dataFetcher("recordFocusSession", this::record));
    }

    private RecordFocusSessionPayload record(DataFetchingEnvironment env) {
        Map<String, Object> in = env.getArgument("input");
        int minutes = (Integer) in.get("minutes");
        FocusSessions.Result result = GlobalId.decode("Task", (String) in.get("taskId"))
                .map(taskId -> sessions.record(GraphQlEngine.context(env).owner(), taskId, minutes))
                .orElseGet(() -> FocusSessions.Result.refused(FocusSessions.TASK_NOT_FOUND));
        return new RecordFocusSessionPayload(result.session().orElse(null), result.errors());
    }
}
