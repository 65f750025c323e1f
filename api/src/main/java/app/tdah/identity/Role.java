package app.tdah.identity;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The roles a person can have, stored as lower-case names in {@code users.role}, each with its permissions. */
public enum Role {
    USER(EnumSet.of(Permission.OWN_DATA)),
    PREMIUM(EnumSet.of(Permission.OWN_DATA, Permission.ASSISTANT_LLM)),
    ADMIN(EnumSet.allOf(Permission.class));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = Set.copyOf(permissions);
    }

    public boolean permits(Permission permission) {
        return permissions.contains(permission);
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> ofCode(String code) {
        for (Role role : values()) {
            if (role.code().equals(code)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
