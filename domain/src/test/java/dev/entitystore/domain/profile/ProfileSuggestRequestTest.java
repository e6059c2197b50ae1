package dev.entitystore.domain.profile;

import static dev.entitystore.domain.testing.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entitystore.domain.error.ProfileRequestException;
import dev.entitystore.domain.error.ProfileRequestException.BodyField;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileSuggestRequestTest {
    private static ProfileRequestException refused(String body, String data) {
        return (ProfileRequestException) org.assertj.core.api.Assertions.catchThrowable(
                () -> ProfileSuggestRequest.parse(obj(body), data));
    }

    @Test
    void noBodyIsTenProfilesWithoutData() {
        ProfileSuggestRequest request = ProfileSuggestRequest.parse(null, null);
        assertThat(request.name()).isNull();
        assertThat(request.size()).isEqualTo(10);
        assertThat(request.hintUids()).isEmpty();
        assertThat(request.hintLabel()).isNull();
        assertThat(request.data().apply(obj("{'app1':{'a':1}}"))).isEmpty();
    }

    @Test
    void readsNameSizeHintAndDataFromTheBodyOrDataFromTheParameter() {
        ProfileSuggestRequest request = ProfileSuggestRequest.parse(obj("{'name':'jack','size':'3','data':'app1',"
                + "'hint':{'uids':['u_1_0'],'labels':{'direction':['north','east']}}}"), null);
        assertThat(request.name()).isEqualTo("jack");
        assertThat(request.size()).isEqualTo(3);
        assertThat(request.hintUids()).containsExactly("u_1_0");
        assertThat(request.hintLabel()).isEqualTo("direction");
        assertThat(request.hintLabelValues()).containsExactly("north", "east");
        assertThat(request.data().apply(obj("{'app1':{'a':1},'app2':{}}"))).isEqualTo(obj("{'app1':{'a':1}}"));
        assertThat(ProfileSuggestRequest.parse(obj("{'hint':{'labels':{'k':'v'}}}"), "*").hintLabelValues()).containsExactly("v");
        assertThat(ProfileSuggestRequest.parse(obj("{}"), "*").data().apply(obj("{'x':1}"))).isEqualTo(obj("{'x':1}"));
    }

    @Test
    void dataInBothPlacesIsRefused() {
        ProfileRequestException e = refused("{'data':'app1'}", "app2");
        assertThat(e.type()).isEqualTo("illegal_argument_exception");
        assertThat(e).hasMessage("The [data] parameter must be specified in either request body or as query parameter, but not both");
    }

    @Test
    void validationCollectsEveryProblem() {
        assertThat(refused("{'size':-1,'hint':{}}", null)).hasMessage(
                "Validation Failed: 1: [size] parameter cannot be negative but was [-1];2: [hint] parameter cannot be empty;");
        assertThat(refused("{'hint':{'uids':[],'labels':{'a':'x','b':'y'}}}", null)).hasMessage(
                "Validation Failed: 1: [uids] hint cannot be empty;2: [labels] hint supports a single key;");
        assertThat(refused("{'hint':{'labels':{'a':[1]}}}", null)).hasMessage(
                "Validation Failed: 1: [labels] hint supports either string or list of strings as its value;");
    }

    @Test
    void theParserNamesTheFieldItStoppedAt() {
        ProfileRequestException unknown = refused("{'nme':'x'}", null);
        assertThat(unknown).hasMessage("[suggest_profile_request_payload] unknown field [nme]");
        assertThat(unknown.type()).isEqualTo("x_content_parse_exception");
        assertThat(unknown.field()).contains(new BodyField(List.of("nme"), false));
        ProfileRequestException nested = refused("{'hint':{'uid':['a']}}", null);
        assertThat(nested).hasMessage("[suggest_profile_request_payload_hint] unknown field [uid]");
        assertThat(nested.field()).contains(new BodyField(List.of("hint", "uid"), false));
        ProfileRequestException wrongType = refused("{'name':7}", null);
        assertThat(wrongType).hasMessage("[suggest_profile_request_payload] name doesn't support values of type: VALUE_NUMBER");
        assertThat(wrongType.field()).contains(new BodyField(List.of("name"), true));
        assertThat(refused("{'size':'many'}", null)).hasMessage("[suggest_profile_request_payload] failed to parse field [size]");
        assertThatThrownBy(() -> ProfileSuggestRequest.parse(obj("{'hint':[]}"), null))
                .hasMessage("[suggest_profile_request_payload] hint doesn't support values of type: START_ARRAY");
    }
}
