package dev.entitystore.server.profile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.api.UserProfilesApi;
import dev.entitystore.api.model.AcknowledgedResponse;
import dev.entitystore.domain.error.ProfileRequestException;
import dev.entitystore.domain.profile.ActivationGrant;
import dev.entitystore.domain.profile.ProfileDataFilter;
import dev.entitystore.domain.profile.ProfileDataUpdate;
import dev.entitystore.domain.profile.ProfileLookup;
import dev.entitystore.domain.profile.ProfilePrivilegesRequest;
import dev.entitystore.domain.profile.ProfileRefresh;
import dev.entitystore.domain.profile.ProfileSuggestRequest;
import dev.entitystore.domain.profile.UserProfile;
import dev.entitystore.domain.profile.UserProfiles;
import dev.entitystore.domain.profile.VersionedProfile;
import dev.entitystore.server.auth.ProfilePrivileges;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.glassfish.jersey.server.ContainerRequest;

/**
 * Elasticsearch's user-profile routes. In Elasticsearch's order: the body is parsed and validated, then
 * the caller's privileges are checked (the data privilege depends on the namespaces named), then the
 * profile is read and written. A refusal of the body parser gets Elasticsearch's {@code [line:column]}
 * from the body's text ({@link RecordedBody}, {@link JsonPositions}).
 */
public final class UserProfilesResource implements UserProfilesApi {
    private final UserProfiles profiles;
    private final ProfilePrivileges privileges;

    @Inject
    private Provider<ContainerRequest> request;

    public UserProfilesResource(UserProfiles profiles, ProfilePrivileges privileges) {
        this.profiles = profiles;
        this.privileges = privileges;
    }

    @Override
    public Response activateUserProfile(ObjectNode body) {
        ActivationGrant grant = located(() -> ActivationGrant.parse(body));
        privileges.requireManage(request.get(), ProfilePrivileges.ACTIVATE);
        return Response.ok(ProfileAnswers.profile(profiles.activate(privileges.authenticate(grant)))).build();
    }

    @Override
    public Response getUserProfiles(String uid, String data) {
        privileges.requireManage(request.get(), ProfilePrivileges.GET);
        List<String> uids = Arrays.stream(uid.split(",")).map(String::strip).filter(u -> !u.isEmpty()).toList();
        return Response.ok(ProfileAnswers.lookup(profiles.get(uids, ProfileDataFilter.parse(data)))).build();
    }

    @Override
    public Response suggestUserProfiles(String data, ObjectNode body) {
        return suggestUserProfilesPost(data, body);
    }

    @Override
    public Response suggestUserProfilesPost(String data, ObjectNode body) {
        long start = System.nanoTime();
        ProfileSuggestRequest suggest = located(() -> ProfileSuggestRequest.parse(body, data));
        privileges.requireManage(request.get(), ProfilePrivileges.SUGGEST);
        return Response.ok(ProfileAnswers.suggestions(profiles.suggest(suggest), start)).build();
    }

    @Override
    public Response hasPrivilegesOfProfiles(ObjectNode body) {
        ProfilePrivilegesRequest check = located(() -> ProfilePrivilegesRequest.parse(body));
        privileges.requireManage(request.get(), ProfilePrivileges.HAS_PRIVILEGES);
        ProfileLookup lookup = profiles.get(check.uids(), ProfileDataFilter.parse(null));
        List<String> held = lookup.profiles().stream().map(VersionedProfile::profile)
                .filter(p -> check.privileges().answer(privileges.heldBy(p.user().username())).hasAll())
                .map(UserProfile::uid).toList();
        return Response.ok(ProfileAnswers.privileges(held, lookup)).build();
    }

    @Override
    public Response hasPrivilegesOfProfilesPost(ObjectNode body) {
        return hasPrivilegesOfProfiles(body);
    }

    @Override
    public Response updateUserProfileData(String uid, String ifSeqNo, String ifPrimaryTerm, String refresh, ObjectNode body) {
        long seqNo = longParameter("if_seq_no", ifSeqNo);
        long primaryTerm = longParameter("if_primary_term", ifPrimaryTerm);
        ProfileRefresh refreshPolicy = ProfileRefresh.parse(refresh);
        ProfileDataUpdate update = located(() -> ProfileDataUpdate.parse(body));
        update.validate();
        privileges.requireDataWrite(request.get(), update.namespaces());
        profiles.updateData(uid, update, seqNo, primaryTerm, refreshPolicy);
        return acknowledged();
    }

    @Override
    public Response updateUserProfileDataPost(String uid, String ifSeqNo, String ifPrimaryTerm, String refresh, ObjectNode body) {
        return updateUserProfileData(uid, ifSeqNo, ifPrimaryTerm, refresh, body);
    }

    @Override
    public Response enableUserProfile(String uid, String refresh) {
        return setEnabled(uid, true, refresh);
    }

    @Override
    public Response enableUserProfilePost(String uid, String refresh) {
        return setEnabled(uid, true, refresh);
    }

    @Override
    public Response disableUserProfile(String uid, String refresh) {
        return setEnabled(uid, false, refresh);
    }

    @Override
    public Response disableUserProfilePost(String uid, String refresh) {
        return setEnabled(uid, false, refresh);
    }

    private Response setEnabled(String uid, boolean enabled, String refresh) {
        ProfileRefresh refreshPolicy = ProfileRefresh.parse(refresh);
        privileges.requireManage(request.get(), ProfilePrivileges.SET_ENABLED);
        profiles.setEnabled(uid, enabled, refreshPolicy);
        return acknowledged();
    }

    /** Runs a body parser; a refusal that names a field gets the field's position in the body's text. */
    private <T> T located(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (ProfileRequestException e) {
            throw e.field()
                    .flatMap(field -> RecordedBody.of(request.get()).flatMap(body -> JsonPositions.of(body, field)))
                    .map(e::at)
                    .orElse(e);
        }
    }

    /** Elasticsearch's parsing of a long parameter: absent is -1 (not given). */
    private static long longParameter(String name, String value) {
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ProfileRequestException(ProfileRequestException.ILLEGAL_ARGUMENT,
                    "Failed to parse long parameter [" + name + "] with value [" + value + "]");
        }
    }

    private static Response acknowledged() {
        return Response.ok(new AcknowledgedResponse().acknowledged(true)).build();
    }
}
