package dev.entitystore.domain.profile;

import static dev.entitystore.domain.testing.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ActivationGrantTest {
    private static void refused(String body, String message) {
        assertThatThrownBy(() -> ActivationGrant.parse(obj(body))).hasMessage(message);
    }

    @Test
    void aPasswordGrantNeedsUsernameAndPasswordAndNoToken() {
        assertThat(ActivationGrant.parse(obj("{'grant_type':'password','username':'u','password':'p'}")).username()).isEqualTo("u");
        refused("{}", "Validation Failed: 1: [grant_type] is required;");
        refused("{'grant_type':'password','access_token':'t'}", "Validation Failed: 1: [username] is required for grant_type [password];"
                + "2: [password] is required for grant_type [password];3: [access_token] is not supported for grant_type [password];");
        refused("{'grant_type':'access_token','username':'u'}", "Validation Failed: 1: [access_token] is required for grant_type [access_token];"
                + "2: [username] is not supported for grant_type [access_token];");
        refused("{'grant_type':'client_credentials'}", "Validation Failed: 1: grant_type [client_credentials] is not supported;");
    }

    @Test
    void unknownFieldsAndWrongTypesAreParseErrorsAndThePasswordIsNeverPrinted() {
        refused("{'grant_type':'password','user':'u'}", "[activate_profile_request] unknown field [user]");
        refused("{'grant_type':1}", "[activate_profile_request] grant_type doesn't support values of type: VALUE_NUMBER");
        assertThat(ActivationGrant.parse(obj("{'grant_type':'password','username':'u','password':'secret'}")).toString())
                .doesNotContain("secret");
    }
}
