package dev.entitystore.server.auth;

import dev.entitystore.api.PrivilegesApi;
import dev.entitystore.api.model.ElasticsearchPrivileges;
import dev.entitystore.api.model.EntityStorePrivileges;
import dev.entitystore.api.model.IndexPrivileges;
import dev.entitystore.api.model.PrivilegesDetail;
import dev.entitystore.server.http.RequestSpace;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.glassfish.jersey.server.ContainerRequest;

/**
 * Kibana's check_privileges, answered from the caller's credential: in the request's space, whether it may
 * read the store (every granted credential), write it (the write grant), and each Kibana privilege held.
 */
public final class PrivilegesResource implements PrivilegesApi {
    /** Every Kibana privilege some route of a space requires, in the order the answer lists them. */
    private static final List<String> KIBANA = List.of(KibanaPrivileges.SECURITY_SOLUTION,
            KibanaPrivileges.ENTITY_ANALYTICS, KibanaPrivileges.ENTITY_STORE_ALL, KibanaPrivileges.ENTITY_STORE_MANAGE);

    private final boolean checksCredentials;

    @Inject
    private Provider<ContainerRequest> request;

    public PrivilegesResource(boolean checksCredentials) {
        this.checksCredentials = checksCredentials;
    }

    @Override
    public Response checkEntityStorePrivileges() {
        ContainerRequest current = request.get();
        String space = RequestSpace.of(current);
        Principal principal = Principal.of(current);
        // Without a credentials file every (loopback) caller may do everything.
        Set<String> held = !checksCredentials ? Set.copyOf(KIBANA)
                : principal == null ? Set.of() : principal.grants().privilegesIn(space);
        boolean read = held.contains(KibanaPrivileges.SECURITY_SOLUTION);
        boolean write = read && held.contains(KibanaPrivileges.ENTITY_STORE_ALL);
        Map<String, Boolean> kibana = new LinkedHashMap<>();
        KIBANA.forEach(privilege -> kibana.put(privilege, held.contains(privilege)));
        PrivilegesDetail detail = new PrivilegesDetail()
                .elasticsearch(new ElasticsearchPrivileges().index(Map.of("entities-latest-" + space,
                        new IndexPrivileges().read(read).write(write))))
                .kibana(kibana);
        return Response.ok(new EntityStorePrivileges().privileges(detail).hasAllRequired(read && write)
                .hasReadPermissions(read).hasWritePermissions(write)).build();
    }

    @Override
    public Response checkEntityStorePrivilegesInternal() {
        return checkEntityStorePrivileges();
    }
}
