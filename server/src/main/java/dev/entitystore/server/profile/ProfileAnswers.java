package dev.entitystore.server.profile;

import dev.entitystore.api.model.GetProfilesResponse;
import dev.entitystore.api.model.Profile;
import dev.entitystore.api.model.ProfileDocVersion;
import dev.entitystore.api.model.ProfileHasPrivilegesResponse;
import dev.entitystore.api.model.ProfileLookupError;
import dev.entitystore.api.model.ProfileLookupErrors;
import dev.entitystore.api.model.ProfileUserInfo;
import dev.entitystore.api.model.SuggestProfilesResponse;
import dev.entitystore.api.model.SuggestProfilesTotal;
import dev.entitystore.api.model.SuggestedProfile;
import dev.entitystore.domain.profile.ProfileSuggestions;
import dev.entitystore.domain.profile.ProfileLookup;
import dev.entitystore.domain.profile.UserProfile;
import dev.entitystore.domain.profile.VersionedProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Profiles in the contract's shapes, which are Elasticsearch's. */
final class ProfileAnswers {
    private ProfileAnswers() {
    }

    static Profile profile(VersionedProfile versioned) {
        UserProfile p = versioned.profile();
        return new Profile().uid(p.uid()).enabled(p.enabled()).lastSynchronized(p.lastSynchronized()).user(user(p))
                .labels(p.labels()).data(p.data())
                .doc(new ProfileDocVersion().seqNo(versioned.seqNo()).primaryTerm(versioned.primaryTerm()));
    }

    private static ProfileUserInfo user(UserProfile p) {
        return new ProfileUserInfo().username(p.user().username()).roles(new ArrayList<>(p.user().roles()))
                .realmName(p.user().realmName()).fullName(p.user().fullName()).email(p.user().email());
    }

    /** Elasticsearch's {@code _suggest} answer: {@code took} (ms since {@code startNanos}), {@code total}, the profiles. */
    static SuggestProfilesResponse suggestions(ProfileSuggestions.Result result, long startNanos) {
        List<SuggestedProfile> profiles = result.profiles().stream()
                .map(p -> new SuggestedProfile().uid(p.uid()).user(user(p)).labels(p.labels()).data(p.data()))
                .toList();
        return new SuggestProfilesResponse().took((System.nanoTime() - startNanos) / 1_000_000)
                .total(new SuggestProfilesTotal().value(result.total()).relation(SuggestProfilesTotal.RelationEnum.EQ))
                .profiles(new ArrayList<>(profiles));
    }

    /** {@code {"profiles":[...]}}, plus {@code errors} when some uid was not found. */
    static GetProfilesResponse lookup(ProfileLookup lookup) {
        List<Profile> profiles = new ArrayList<>();
        lookup.profiles().forEach(p -> profiles.add(profile(p)));
        return new GetProfilesResponse().profiles(profiles).errors(errors(lookup.errors()));
    }

    /** {@code {"has_privilege_uids":[...]}}, plus {@code errors} when some uid was not found. */
    static ProfileHasPrivilegesResponse privileges(List<String> held, ProfileLookup lookup) {
        return new ProfileHasPrivilegesResponse().hasPrivilegeUids(new ArrayList<>(held)).errors(errors(lookup.errors()));
    }

    /** Elasticsearch's {@code errors} block, or null (left out) when there is none. */
    private static ProfileLookupErrors errors(Map<String, ProfileLookup.Failure> failures) {
        if (failures.isEmpty()) {
            return null;
        }
        Map<String, ProfileLookupError> details = new LinkedHashMap<>();
        failures.forEach((uid, failure) -> details.put(uid, new ProfileLookupError().type(failure.type()).reason(failure.reason())));
        return new ProfileLookupErrors().count(details.size()).details(details);
    }
}
