package dev.entitystore.server;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract check itself can fail: answers the spec does not describe are caught. */
class ContractCheckTest {
    private static final URI CREATE = URI.create("http://127.0.0.1/api/security/entity_store/entities/host");
    private static final Map<String, List<String>> JSON = Map.of("Content-Type", List.of("application/json"));

    @Test
    void anAnswerTheContractDescribesPasses() {
        assertThatCode(() -> ContractCheck.check("POST", CREATE, Map.of(), "{\"host\":{\"name\":\"a\"}}", 200, JSON,
                "{\"ok\":true}")).doesNotThrowAnyException();
    }

    @Test
    void aSuccessBodyOfTheWrongShapeFails() {
        assertThatThrownBy(() -> ContractCheck.check("POST", CREATE, Map.of(), "{}", 200, JSON, "{\"ok\":\"yes\"}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("does not describe");
    }

    @Test
    void anErrorBodyWithoutKibanasFieldsFails() {
        assertThatThrownBy(() -> ContractCheck.check("POST", CREATE, Map.of(), "{}", 400, JSON, "{\"oops\":1}"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void aStatusTheOperationDoesNotDeclareFails() {
        assertThatThrownBy(() -> ContractCheck.check("POST", CREATE, Map.of(), "{}", 418, JSON,
                "{\"statusCode\":418,\"error\":\"I'm a teapot\",\"message\":\"x\"}"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void anAcceptedRequestTheContractForbidsFails() {
        URI bulk = URI.create("http://127.0.0.1/api/security/entity_store/entities/bulk");
        assertThatThrownBy(() -> ContractCheck.check("PUT", bulk, Map.of("Content-Type", "application/json"),
                "{\"items\":[]}", 200, JSON, "{\"ok\":true,\"errors\":[]}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("accepted request");
    }
}
