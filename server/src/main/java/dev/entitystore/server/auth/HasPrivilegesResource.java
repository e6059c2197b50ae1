package dev.entitystore.server.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.api.SecurityPrivilegesApi;
import dev.entitystore.api.model.HasPrivilegesResponse;
import dev.entitystore.domain.error.ProfileRequestException;
import dev.entitystore.domain.profile.PrivilegesToCheck;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glassfish.jersey.server.ContainerRequest;

/**
 * Elasticsearch's {@code _security/user/_has_privileges}, answered from the caller's credential
 * ({@link ElasticsearchGrants}). In Elasticsearch's order: the body is parsed, the check validated, then the
 * user named in the path must be the caller. Any authenticated caller may ask: the answer is about itself.
 */
public final class HasPrivilegesResource implements SecurityPrivilegesApi {
    private final boolean checksCredentials;

    @Inject
    private Provider<ContainerRequest> request;

    public HasPrivilegesResource(boolean checksCredentials) {
        this.checksCredentials = checksCredentials;
    }

    @Override
    public Response hasPrivileges(ObjectNode body) {
        return answer(null, body);
    }

    @Override
    public Response hasPrivilegesPost(ObjectNode body) {
        return answer(null, body);
    }

    @Override
    public Response hasPrivilegesOfUser(String user, ObjectNode body) {
        return answer(user, body);
    }

    @Override
    public Response hasPrivilegesOfUserPost(String user, ObjectNode body) {
        return answer(user, body);
    }

    private Response answer(String user, ObjectNode body) {
        Principal principal = Principal.of(request.get());
        String username = ElasticsearchGrants.username(principal);
        if (body == null) {
            throw new ProfileRequestException(ProfileRequestException.PARSE, "request body or source parameter is required");
        }
        PrivilegesToCheck check = PrivilegesToCheck.parse(body, user != null ? user : username);
        List<String> problems = check.problems();
        if (!problems.isEmpty()) {
            throw ProfileRequestException.validation(problems);
        }
        if (user != null && !user.equals(username)) {
            throw new ProfileRequestException(ProfileRequestException.ILLEGAL_ARGUMENT,
                    "users may only check the privileges of their own account");
        }
        PrivilegesToCheck.Answer answer = check.answer(ElasticsearchGrants.of(principal, checksCredentials));
        Map<String, Map<String, Boolean>> index = new LinkedHashMap<>(answer.index());
        Map<String, Map<String, Map<String, Boolean>>> application = new LinkedHashMap<>(answer.application());
        return Response.ok(new HasPrivilegesResponse().username(username).hasAllRequested(answer.hasAll())
                .cluster(new LinkedHashMap<>(answer.cluster())).index(index).application(application)).build();
    }
}
