package dev.entitystore.server.auth;

import dev.entitystore.domain.profile.ActivationGrant;
import dev.entitystore.domain.profile.HeldPrivileges;
import dev.entitystore.domain.profile.ProfileUser;
import dev.entitystore.domain.profile.WildcardPattern;
import dev.entitystore.domain.error.ProfileGrantException;
import dev.entitystore.domain.error.ProfileRequestException;
import dev.entitystore.server.error.ElasticsearchErrorException;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Elasticsearch's privileges on the user-profile routes, mapped onto our credentials: an admin credential
 * of every space ({@code --admin --spaces '*'}) holds {@code manage_user_profile}; any other credential may
 * write the profile namespaces its {@code profile_data} patterns match (Elasticsearch's
 * {@code update_profile_data} global privilege), and nothing else. These routes decide here, not in
 * {@link AuthorizationFilter}, because the data privilege depends on the body and Elasticsearch checks it
 * after validating the request. Without a credentials file every (loopback) caller may do everything, as
 * on the other routes; grants then have no user to name, so activation fails.
 */
public final class ProfilePrivileges {
    public static final String ACTIVATE = "cluster:admin/xpack/security/profile/activate";
    public static final String GET = "cluster:admin/xpack/security/profile/get";
    public static final String SUGGEST = "cluster:admin/xpack/security/profile/suggest";
    public static final String PUT_DATA = "cluster:admin/xpack/security/profile/put/data";
    public static final String SET_ENABLED = "cluster:admin/xpack/security/profile/set_enabled";
    public static final String HAS_PRIVILEGES = "cluster:admin/xpack/security/profile/has_privileges";
    /** The realm Elasticsearch names a file of users and hashes: what our credentials file is. */
    public static final String REALM = "default_file";
    private static final List<String> MANAGE = List.of("manage_user_profile", "manage_security", "all");
    private static final List<String> READ = List.of("read_security", "manage_user_profile", "manage_security", "all");
    /** The actions {@code read_security} grants too. */
    private static final Set<String> READ_ACTIONS = Set.of(GET, SUGGEST, HAS_PRIVILEGES);

    private final Authenticator authenticator;

    ProfilePrivileges(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    /** The caller must manage profiles (reads also need no more than that). */
    public void requireManage(ContainerRequestContext request, String action) {
        Principal principal = Principal.of(request);
        if (authenticator != null && !manages(principal)) {
            throw forbidden(principal, action, READ_ACTIONS.contains(action) ? READ : MANAGE);
        }
    }

    /** Writing data: managing profiles, or holding a pattern for every namespace named. */
    public void requireDataWrite(ContainerRequestContext request, Collection<String> namespaces) {
        Principal principal = Principal.of(request);
        if (authenticator == null || manages(principal)) {
            return;
        }
        List<Pattern> granted = principal == null ? List.of()
                : principal.credential().profileData().stream().map(WildcardPattern::compile).toList();
        boolean all = !granted.isEmpty() && namespaces.stream().allMatch(name -> granted.stream().anyMatch(p -> p.matcher(name).matches()));
        if (!all) {
            throw forbidden(principal, PUT_DATA, MANAGE);
        }
    }

    /**
     * What the user of a profile holds now, read from the credentials file: nothing once they have left it;
     * everything without a credentials file (where no profile can exist).
     */
    public HeldPrivileges heldBy(String username) {
        if (authenticator == null) {
            return HeldPrivileges.EVERYTHING;
        }
        return authenticator.user(username).<HeldPrivileges>map(user -> new ElasticsearchGrants(user.grants()))
                .orElse(HeldPrivileges.NOTHING);
    }

    /**
     * The user the grant names, authenticated against the credentials file; API keys are refused as
     * Elasticsearch refuses every subject that is not a user.
     */
    public ProfileUser authenticate(ActivationGrant grant) {
        if (ActivationGrant.ACCESS_TOKEN.equals(grant.grantType())) {
            Optional<Principal> subject = authenticator == null ? Optional.empty()
                    : authenticator.authenticate("ApiKey " + grant.accessToken());
            if (subject.isPresent()) {
                throw new ProfileRequestException(ProfileRequestException.ILLEGAL_ARGUMENT,
                        "profile is supported for user only, but subject is a [api_key]");
            }
            throw new ProfileGrantException("unable to authenticate with provided credentials");
        }
        String basic = Base64.getEncoder().encodeToString((grant.username() + ":" + grant.password()).getBytes(StandardCharsets.UTF_8));
        Optional<Principal> user = authenticator == null ? Optional.empty() : authenticator.authenticate("Basic " + basic);
        if (user.isEmpty() || user.get().credential().kind() != StoredCredential.Kind.USER) {
            throw new ProfileGrantException("unable to authenticate user [" + grant.username() + "] for action [" + ACTIVATE + "]");
        }
        StoredCredential credential = user.get().credential();
        return new ProfileUser(credential.id(), roles(credential.grants()), REALM, credential.fullName(), credential.email());
    }

    /** A role named for what the credential may do, as Elasticsearch names a user's roles. */
    static List<String> roles(SpaceGrants grants) {
        return List.of(grants.admin() ? "entity_store_admin" : grants.write() ? "entity_store_writer" : "entity_store_reader");
    }

    private static boolean manages(Principal principal) {
        return principal != null && principal.grants().admin() && principal.grants().spaces().contains(SpaceGrants.ALL_SPACES);
    }

    private static ElasticsearchErrorException forbidden(Principal principal, String action, List<String> grantedBy) {
        String who = principal == null ? "user [anonymous]"
                : principal.credential().kind() == StoredCredential.Kind.API_KEY
                ? "API key id [" + principal.credential().id() + "] of user [" + principal.credential().name() + "]"
                : "user [" + principal.credential().id() + "]";
        String roles = principal == null ? "" : String.join(",", roles(principal.grants()));
        return new ElasticsearchErrorException(403, "security_exception", "action [" + action + "] is unauthorized for " + who
                + " with effective roles [" + roles + "], this action is granted by the cluster privileges ["
                + String.join(",", grantedBy) + "]");
    }
}
