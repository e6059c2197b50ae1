package dev.entitystore.server.auth;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What one credential may do: the spaces it may use ({@code *} for every space), whether it may
 * write entities, and whether it may manage engines (admin implies write: managing engines installs and
 * deletes whole stores). Expressed to the router as the Kibana privileges it holds in a space: reading
 * (entities, {@code lists-read}) in every granted space, writing ({@code lists-all} too) with write.
 */
public record SpaceGrants(List<String> spaces, boolean write, boolean admin) {
    public static final String ALL_SPACES = "*";
    private static final Pattern SPACE_ID = Pattern.compile("^[a-z0-9_\\-]+$");

    public SpaceGrants {
        spaces = List.copyOf(new LinkedHashSet<>(spaces));
        if (spaces.isEmpty()) {
            throw new IllegalArgumentException("a credential needs at least one space (or * for all)");
        }
        for (String space : spaces) {
            if (!ALL_SPACES.equals(space) && !SPACE_ID.matcher(space).matches()) {
                throw new IllegalArgumentException("space '" + space + "' is not * nor an id of [a-z0-9_-]");
            }
        }
        if (admin && !write) {
            throw new IllegalArgumentException("an admin credential manages engines, so it must also be allowed to write");
        }
    }

    public boolean allows(String space) {
        return spaces.contains(ALL_SPACES) || spaces.contains(space);
    }

    /**
     * The Kibana privileges held in {@code space}: none outside the granted spaces. Asked for
     * {@link #ALL_SPACES}, those held in every space (only a {@code *} credential holds any).
     */
    public Set<String> privilegesIn(String space) {
        Set<String> held = new LinkedHashSet<>();
        if (!allows(space)) {
            return held;
        }
        held.add(KibanaPrivileges.SECURITY_SOLUTION);
        held.add(KibanaPrivileges.ENTITY_ANALYTICS);
        held.add(KibanaPrivileges.LISTS_READ);
        if (write) {
            held.add(KibanaPrivileges.ENTITY_STORE_ALL);
            held.add(KibanaPrivileges.LISTS_ALL);
        }
        if (admin) {
            held.add(KibanaPrivileges.ENTITY_STORE_MANAGE);
        }
        return held;
    }

    /** How the grant reads in listings and logs, e.g. {@code default,team-a (write, admin)}. */
    public String describe() {
        return String.join(",", spaces) + (admin ? " (write, admin)" : write ? " (write)" : " (read-only)");
    }
}
