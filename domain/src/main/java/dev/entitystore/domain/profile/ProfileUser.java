package dev.entitystore.domain.profile;

import java.util.List;
import java.util.Objects;

/**
 * The user a profile belongs to, as the credential that activated it describes them. {@code fullName}
 * and {@code email} are null when the credential carries none.
 */
public record ProfileUser(String username, List<String> roles, String realmName, String fullName, String email) {
    public ProfileUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(realmName, "realmName");
        roles = List.copyOf(roles);
    }
}
