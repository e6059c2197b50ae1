package dev.entitystore.domain.profile;

import static dev.entitystore.domain.testing.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entitystore.domain.error.ProfileRequestException;
import org.junit.jupiter.api.Test;

class ProfileDataUpdateTest {
    private static void refused(String body, String type, String message) {
        assertThatThrownBy(() -> ProfileDataUpdate.parse(obj(body)).validate())
                .isInstanceOf(ProfileRequestException.class).hasMessage(message)
                .extracting(e -> ((ProfileRequestException) e).type()).isEqualTo(type);
    }

    @Test
    void anUpdateWithoutNamespacesIsEmpty() {
        for (String body : new String[] {"{}", "{'labels':{}}", "{'labels':{},'data':{}}"}) {
            refused(body, "action_request_validation_exception", "Validation Failed: 1: update request is empty;");
        }
    }

    @Test
    void topLevelNamesMayNotHoldDotsNorStartWithUnderscore() {
        refused("{'data':{'a.b':{}}}", "action_request_validation_exception",
                "Validation Failed: 1: application name must not contain dot, but found [a.b];");
        refused("{'labels':{'_x':1},'data':{'c.d':1}}", "action_request_validation_exception",
                "Validation Failed: 1: application name must not contain dot, but found [c.d];"
                        + "2: application name must not start with underscore, but found [_x];");
        ProfileDataUpdate.parse(obj("{'data':{'app':{'a.b':{'_c':1}}}}")).validate();
    }

    @Test
    void onlyLabelsAndDataObjectsAreRead() {
        refused("{'foo':1}", "x_content_parse_exception", "[update_profile_data_request_payload] unknown field [foo]");
        refused("{'labels':'x'}", "x_content_parse_exception",
                "[update_profile_data_request_payload] labels doesn't support values of type: VALUE_STRING");
        assertThatThrownBy(() -> ProfileDataUpdate.parse(null)).hasMessage("request body is required");
    }

    @Test
    void namespacesAreTheTopLevelKeysOfBoth() {
        assertThat(ProfileDataUpdate.parse(obj("{'labels':{'a':1},'data':{'b':{},'a':2}}")).namespaces())
                .containsExactly("a", "b");
    }
}
