package app.tdah.mailtasks;

import java.time.ZoneId;
import java.util.UUID;
import java.util.function.Function;

import app.tdah.integrations.sync.SyncedMail;
import app.tdah.tasks.TaskCommands;
import app.tdah.wiring.Feature;
import app.tdah.wiring.Foundation;

/** Mail that needs action, over GraphQL: the list, and a task made from a message. */
public final class MailTasksFeature {

    private MailTasksFeature() {
    }

    public static Feature create(Foundation foundation, SyncedMail mail, TaskCommands tasks, Function<UUID, ZoneId> zoneOf) {
        return Feature.builder()
                .graphQl(new MailTasksGraphQl(new MailTasks(mail, tasks, zoneOf, foundation.clock())))
                .build();
    }
}
