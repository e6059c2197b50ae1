package dev.entitystore.domain.profile;

import static dev.entitystore.domain.testing.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileSuggestionsTest {
    private static UserProfile profile(String uid, String username, String fullName, String email, boolean enabled,
                                       String labels) {
        return new UserProfile(uid, enabled, 0, new ProfileUser(username, List.of("r"), "default_file", fullName, email),
                obj(labels), obj("{'app1':{'theme':'dark'}}"));
    }

    private static final List<UserProfile> PROFILES = List.of(
            profile("u_jack_0", "jacknich", "Jackson Nicholson", "jacknich@example.com", true, "{'direction':'north'}"),
            profile("u_jacq_0", "jacqueline", "Jacqueline Doe", null, true, "{'direction':['south','west']}"),
            profile("u_bob_0", "bob", "Robert Builder", "bob@example.com", true, "{}"),
            profile("u_off_0", "jackoff", "Jack Disabled", null, false, "{}"));

    private static List<String> uids(String body) {
        return ProfileSuggestions.rank(PROFILES, ProfileSuggestRequest.parse(obj(body), null)).profiles().stream()
                .map(UserProfile::uid).toList();
    }

    @Test
    void withoutANameEveryEnabledProfileMatchesInUsernameOrder() {
        ProfileSuggestions.Result result = ProfileSuggestions.rank(PROFILES, ProfileSuggestRequest.parse(null, null));
        assertThat(result.total()).isEqualTo(3);
        assertThat(result.profiles()).extracting(UserProfile::uid).containsExactly("u_bob_0", "u_jack_0", "u_jacq_0");
    }

    @Test
    void theLastWordIsAPrefixOfAUsernameFullNameOrEmailWord() {
        assertThat(uids("{'name':'jac'}")).containsExactly("u_jack_0", "u_jacq_0");
        assertThat(uids("{'name':'nichol'}")).containsExactly("u_jack_0");
        assertThat(uids("{'name':'example'}")).containsExactly("u_bob_0", "u_jack_0");
        assertThat(uids("{'name':'zed'}")).isEmpty();
    }

    @Test
    void earlierWordsMatchWithinAutoFuzzinessAndMoreMatchesRankFirst() {
        // "robrt" is one edit from "robert"; the second word then narrows nothing but ranks
        assertThat(uids("{'name':'robrt b'}")).containsExactly("u_bob_0");
        assertThat(uids("{'name':'jacqueline jac'}")).containsExactly("u_jacq_0", "u_jack_0");
        assertThat(ProfileSuggestions.fuzziness("ab")).isZero();
        assertThat(ProfileSuggestions.fuzziness("abcde")).isEqualTo(1);
        assertThat(ProfileSuggestions.fuzziness("abcdef")).isEqualTo(2);
        assertThat(ProfileSuggestions.editDistance("robrt", "robert")).isEqualTo(1);
    }

    @Test
    void hintsRankWithoutFilteringAndSizeCutsAfterCounting() {
        assertThat(uids("{'hint':{'uids':['u_jacq_0']}}")).containsExactly("u_jacq_0", "u_bob_0", "u_jack_0");
        assertThat(uids("{'hint':{'labels':{'direction':['west']}}}")).startsWith("u_jacq_0");
        assertThat(uids("{'name':'jac','hint':{'labels':{'direction':'north'}}}")).containsExactly("u_jack_0", "u_jacq_0");
        ProfileSuggestions.Result one = ProfileSuggestions.rank(PROFILES, ProfileSuggestRequest.parse(obj("{'size':1}"), null));
        assertThat(one.total()).isEqualTo(3);
        assertThat(one.profiles()).hasSize(1);
    }

    @Test
    void dottedUsernamesMatchWholeAndByPart() {
        assertThat(ProfileSuggestions.words("Jane.Doe@Example.com")).contains("jane.doe", "jane", "doe", "example.com");
    }
}
