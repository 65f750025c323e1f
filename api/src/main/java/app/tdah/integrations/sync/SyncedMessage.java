package app.tdah.integrations.sync;

import java.util.UUID;

import app.tdah.integrations.Provider;

/** A synced mail header, with the integration and provider whose mailbox it is in. */
public record SyncedMessage(UUID integrationId, Provider provider, MailHeader header) {
}
