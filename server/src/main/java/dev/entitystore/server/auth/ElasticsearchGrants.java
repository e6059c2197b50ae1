package dev.entitystore.server.auth;

import dev.entitystore.domain.profile.HeldPrivileges;
import java.util.Set;

/**
 * A credential's grants read as Elasticsearch privileges, for {@code _has_privileges}:
 * <ul>
 *   <li>cluster: {@code manage_user_profile} and {@code read_security} for an admin of every space (what the
 *       profile routes require), nothing else;</li>
 *   <li>index: the entity store of each granted space, named as check_privileges names it
 *       ({@code entities-latest-<space>}; a {@code *} credential covers {@code entities-latest-*}): read
 *       privileges with any grant, write privileges with write, index management with admin;</li>
 *   <li>application: Kibana's own ({@code kibana-.kibana}), resource {@code space:<id>} (or {@code *}: every
 *       space), privilege {@code api:<name>} for each Kibana API privilege held there, as Kibana asks
 *       Elasticsearch about its routes.</li>
 * </ul>
 * Any other name is not held.
 */
final class ElasticsearchGrants implements HeldPrivileges {
    static final String INDEX_PREFIX = "entities-latest-";
    static final String KIBANA_APPLICATION = "kibana-.kibana";
    private static final String SPACE_RESOURCE = "space:";
    private static final String API_ACTION = "api:";
    private static final Set<String> PROFILE_CLUSTER = Set.of("manage_user_profile", "read_security");
    private static final Set<String> READ = Set.of("read", "view_index_metadata");
    private static final Set<String> WRITE = Set.of("write", "index", "create", "create_doc", "delete");
    private static final Set<String> MANAGE = Set.of("manage", "create_index", "delete_index");

    private final SpaceGrants grants;

    ElasticsearchGrants(SpaceGrants grants) {
        this.grants = grants;
    }

    /** The privileges of a request's caller: everything when the server checks no credentials. */
    static HeldPrivileges of(Principal principal, boolean checksCredentials) {
        return !checksCredentials ? HeldPrivileges.EVERYTHING
                : principal == null ? HeldPrivileges.NOTHING : new ElasticsearchGrants(principal.grants());
    }

    @Override
    public boolean cluster(String privilege) {
        return PROFILE_CLUSTER.contains(privilege) && grants.admin() && grants.allows(SpaceGrants.ALL_SPACES);
    }

    @Override
    public boolean index(String name, String privilege) {
        boolean level = READ.contains(privilege) || WRITE.contains(privilege) && grants.write()
                || MANAGE.contains(privilege) && grants.admin();
        if (!level || !name.startsWith(INDEX_PREFIX)) {
            return false;
        }
        // A space id never holds a wildcard, so a pattern is covered only by a credential of every space.
        String space = name.substring(INDEX_PREFIX.length());
        return grants.allows(SpaceGrants.ALL_SPACES) || !space.contains("*") && !space.contains("?") && grants.allows(space);
    }

    @Override
    public boolean application(String application, String resource, String privilege) {
        if (!KIBANA_APPLICATION.equals(application) || !privilege.startsWith(API_ACTION)) {
            return false;
        }
        String space = SpaceGrants.ALL_SPACES.equals(resource) ? SpaceGrants.ALL_SPACES
                : resource.startsWith(SPACE_RESOURCE) ? resource.substring(SPACE_RESOURCE.length()) : null;
        return space != null && !space.isEmpty() && grants.privilegesIn(space).contains(privilege.substring(API_ACTION.length()));
    }

    /** The name Elasticsearch reports for the caller: a user's name, or the name an API key was given. */
    static String username(Principal principal) {
        return principal == null ? "_anonymous"
                : principal.credential().kind() == StoredCredential.Kind.USER ? principal.credential().id()
                : principal.credential().name();
    }
}
