package dev.entitystore.domain.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.entitystore.domain.error.ProfileRequestException;
import org.junit.jupiter.api.Test;

class PrivilegesToCheckTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Holds read on every index, cluster {@code monitor}, and application privilege {@code p1} only. */
    private static final HeldPrivileges SOME = new HeldPrivileges() {
        @Override
        public boolean cluster(String privilege) {
            return privilege.equals("monitor");
        }

        @Override
        public boolean index(String name, String privilege) {
            return privilege.equals("read");
        }

        @Override
        public boolean application(String application, String resource, String privilege) {
            return privilege.equals("p1");
        }
    };

    private static PrivilegesToCheck parse(String body) throws Exception {
        return PrivilegesToCheck.parse(JSON.readTree(body), "u");
    }

    @Test
    void theAnswerGroupsByNameAndMergesRepeatedIndexNames() throws Exception {
        PrivilegesToCheck check = parse("{\"cluster\":[\"monitor\"],\"index\":[{\"names\":[\"a\",\"b\"],\"privileges\":[\"read\"]},"
                + "{\"names\":\"a\",\"privileges\":[\"write\"]}],\"application\":[{\"application\":\"app\",\"resources\":[\"r1\",\"r2\"],"
                + "\"privileges\":[\"p1\"]}]}");
        PrivilegesToCheck.Answer answer = check.answer(SOME);
        assertThat(answer.cluster()).containsExactly(java.util.Map.entry("monitor", true));
        assertThat(answer.index().get("a")).containsExactly(java.util.Map.entry("read", true), java.util.Map.entry("write", false));
        assertThat(answer.index().get("b")).containsExactly(java.util.Map.entry("read", true));
        assertThat(answer.application().get("app").keySet()).containsExactly("r1", "r2");
        assertThat(answer.hasAll()).isFalse();
        assertThat(parse("{\"index\":[{\"names\":[\"a\"],\"privileges\":[\"read\"]}]}").answer(SOME).hasAll()).isTrue();
        assertThat(parse("{\"cluster\":[\"all\"]}").answer(HeldPrivileges.EVERYTHING).hasAll()).isTrue();
        assertThat(parse("{\"cluster\":[\"monitor\"]}").answer(HeldPrivileges.NOTHING).hasAll()).isFalse();
    }

    @Test
    void aCheckOfNothingIsAValidationProblem() throws Exception {
        assertThat(parse("{}").problems()).containsExactly("must specify at least one privilege");
        assertThat(parse("{\"cluster\":[],\"index\":[]}").problems()).containsExactly("must specify at least one privilege");
        assertThat(parse("{\"cluster\":[\"monitor\"]}").problems()).isEmpty();
    }

    @Test
    void malformedChecksAreParseExceptionsNamingTheField() {
        assertRefused("{\"x\":1}", "failed to parse privileges check [u]. unexpected field [x]");
        assertRefused("{\"cluster\":[1]}",
                "failed to parse privileges check [u]. expected field [cluster] value to be an array of strings, but found [VALUE_NUMBER] instead");
        assertRefused("{\"index\":{}}",
                "failed to parse privileges check [u]. expected field [index] value to be an array, but found [START_OBJECT] instead");
        assertRefused("{\"index\":[{\"privileges\":[\"read\"]}]}",
                "failed to parse indices privileges for role [u]. missing required [names] field");
        assertRefused("{\"index\":[{\"names\":[\"a\"],\"privileges\":[\"read\"],\"query\":\"{}\"}]}",
                "failed to parse indices privileges for role [u]. unexpected field [query]");
        assertRefused("{\"application\":[{\"privileges\":[\"p\"],\"resources\":[\"r\"]}]}",
                "failed to parse application privileges for role [u]. missing required [application] field");
    }

    @Test
    void theProfileRequestValidatesEveryProblemAtOnce() throws Exception {
        assertThatThrownBy(() -> ProfilePrivilegesRequest.parse((com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree("{}")))
                .isInstanceOf(ProfileRequestException.class)
                .hasMessage("Validation Failed: 1: profile uids must not be null;2: privileges to check must not be null;");
        ProfilePrivilegesRequest request = ProfilePrivilegesRequest.parse((com.fasterxml.jackson.databind.node.ObjectNode)
                JSON.readTree("{\"uids\":[\"u_1\"],\"privileges\":{\"cluster\":[\"monitor\"]}}"));
        assertThat(request.uids()).containsExactly("u_1");
        assertThat(request.privileges().cluster()).containsExactly("monitor");
    }

    private static void assertRefused(String body, String message) {
        assertThatThrownBy(() -> parse(body)).isInstanceOf(ProfileRequestException.class).hasMessage(message)
                .extracting(e -> ((ProfileRequestException) e).type()).isEqualTo(ProfileRequestException.PARSE);
    }
}
