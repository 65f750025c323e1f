package app.tdah.admin;

import java.time.Instant;
import java.util.UUID;

import app.tdah.identity.Role;

/** A person's account as an admin sees it: who they are, their role, and whether the account is active. */
public record ManagedUser(UUID id, String email, String displayName, Role role, Instant createdAt, Instant deactivatedAt) {

    public boolean active() {
        return deactivatedAt == null;
    }

    ManagedUser withRole(Role newRole) {
        return new ManagedUser(id, email, displayName, newRole, createdAt, deactivatedAt);
    }
}
