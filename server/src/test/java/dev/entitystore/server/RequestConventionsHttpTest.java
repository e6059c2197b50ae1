package dev.entitystore.server;

import static dev.entitystore.server.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.entitystore.server.HttpClientForTests.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Kibana's request conventions (product rules §4), as a client sees them over HTTP. */
class RequestConventionsHttpTest {
    @RegisterExtension
    static RunningServer server = new RunningServer();

    private static final String CREATE_GENERIC = "/api/security/entity_store/entities/generic";
    private static final String ENTITY = "{\"entity\":{\"id\":\"test-id\"}}";

    @Test
    void statusAnswers200WhenReady() {
        Answer answer = server.client().get("/api/status");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void writeWithoutXsrfHeaderIsRefusedWithKibanasText() {
        Answer answer = server.client().request("POST", CREATE_GENERIC).withoutHeader("kbn-xsrf").json(ENTITY).send();
        assertError(answer, 400, "Bad Request", "Request must contain a kbn-xsrf header.");
    }

    @Test
    void emptyXsrfHeaderOrKbnVersionHeaderPassTheXsrfCheck() {
        Answer empty = server.client().request("POST", CREATE_GENERIC).header("kbn-xsrf", "").json(ENTITY).send();
        Answer version = server.client().request("POST", CREATE_GENERIC).withoutHeader("kbn-xsrf")
                .header("kbn-version", "9.4.0").json(ENTITY).send();
        assertThat(empty.json().path("message").asText()).isNotEqualTo("Request must contain a kbn-xsrf header.");
        assertThat(version.json().path("message").asText()).isNotEqualTo("Request must contain a kbn-xsrf header.");
    }

    @Test
    void getNeedsNoXsrfHeader() {
        Answer answer = server.client().request("GET", "/api/security/entity_store/status").withoutHeader("kbn-xsrf").send();
        assertThat(answer.json().path("message").asText()).isNotEqualTo("Request must contain a kbn-xsrf header.");
    }

    @Test
    void unknownRouteAnswersKibanasNotFoundBody() {
        assertError(server.client().get("/api/nothing/here"), 404, "Not Found", "Not Found");
        assertError(server.client().post("/api/nothing/here", "{}"), 404, "Not Found", "Not Found");
    }

    @Test
    void knownPathWithAnotherMethodAnswers404AsKibanaDoes() {
        assertError(server.client().request("DELETE", "/api/status").send(), 404, "Not Found", "Not Found");
    }

    @Test
    void malformedJsonIsABadRequest() {
        assertError(server.client().post(CREATE_GENERIC, "{\"entity\": {"), 400, "Bad Request",
                "Invalid request payload JSON format");
    }

    @Test
    void invalidUtf8IsABadRequest() {
        byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        Answer answer = server.client().request("POST", CREATE_GENERIC)
                .header("Content-Type", "application/json").bytes(body).send();
        assertError(answer, 400, "Bad Request", "Invalid request payload JSON format");
    }

    @Test
    void bodyOverOneMebibyteIsRefusedWith413() {
        String big = "{\"entity\":{\"id\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}}";
        assertError(server.client().post(CREATE_GENERIC, big), 413, "Request Entity Too Large",
                "Payload content length greater than maximum allowed: 1048576");
    }

    @Test
    void nestingDeeperThanOneHundredLevelsIsABadRequest() {
        String deep = "{\"a\":".repeat(150) + "1" + "}".repeat(150);
        Answer answer = server.client().post(CREATE_GENERIC, deep);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("message").asText()).startsWith("[request body]: ");
    }

    @Test
    void numbersOutsideTheDoubleRangeAreABadRequest() {
        assertError(server.client().post(CREATE_GENERIC, "{\"entity\":{\"id\":\"n\"},\"labels\":{\"n\":1e400}}"), 400,
                "Bad Request", "[request body]: Number must be a finite double");
        assertError(server.client().post(CREATE_GENERIC, "{\"entity\":{\"id\":\"n\"},\"labels\":{\"n\":-1" + "0".repeat(400) + "}}"),
                400, "Bad Request", "[request body]: Number must be a finite double");
    }

    @Test
    void bodyDeclaredAsAMediaRangeIsRefusedWith415EvenOnTheMultipartUploads() {
        for (String range : new String[] {"*/*", "multipart/*"}) {
            assertError(server.client().request("POST", "/api/asset_criticality/upload_csv")
                    .header("Content-Type", range).bytes("host.name,low\n".getBytes()).send(), 415, "Unsupported Media Type",
                    "Unsupported Media Type");
            assertError(server.client().request("POST", CREATE_GENERIC)
                    .header("Content-Type", range).bytes(ENTITY.getBytes()).send(), 415, "Unsupported Media Type",
                    "Unsupported Media Type");
        }
    }

    @Test
    void bodyDeclaredAsAnotherMediaTypeIsRefusedWith415() {
        Answer answer = server.client().request("POST", CREATE_GENERIC)
                .header("Content-Type", "text/plain").bytes(ENTITY.getBytes()).send();
        assertError(answer, 415, "Unsupported Media Type", "Unsupported Media Type");
    }

    @Test
    void malformedVersionHeaderIsRefusedWithKibanasText() {
        Answer answer = server.client().request("GET", "/api/security/entity_store/status")
                .header("elastic-api-version", "foo").send();
        assertError(answer, 400, "Bad Request",
                "Invalid version. Received \"foo\", expected a valid date string formatted as YYYY-MM-DD.");
    }

    @Test
    void unknownVersionIsRefusedNamingTheRoute() {
        Answer answer = server.client().request("GET", "/api/security/entity_store/status")
                .header("elastic-api-version", "2099-01-01").send();
        assertError(answer, 400, "Bad Request",
                "No version \"2099-01-01\" available for [get] [/api/security/entity_store/status]."
                        + " Available versions are: [2023-10-31]");
    }

    @Test
    void versionMayComeFromTheApiVersionQueryParameter() {
        Answer bad = server.client().get("/api/security/entity_store/status?apiVersion=2099-01-01");
        assertThat(bad.status()).isEqualTo(400);
        Answer good = server.client().get("/api/security/entity_store/status?apiVersion=2023-10-31");
        assertThat(good.json().path("message").asText()).doesNotContain("version");
    }

    @Test
    void internalEntityStoreRoutesHaveKibanasOneInternalVersion() {
        String route = "/internal/security/entity_store/check_privileges";
        Answer two = server.client().request("GET", route).header("elastic-api-version", "2").send();
        assertThat(two.status()).isEqualTo(200);
        assertThat(two.header("elastic-api-version")).isEqualTo("2");
        assertThat(server.client().get(route).header("elastic-api-version")).as("absent is taken as 2").isEqualTo("2");
        assertError(server.client().request("GET", route).header("elastic-api-version", "2023-10-31").send(), 400,
                "Bad Request", "Invalid version number. Received \"2023-10-31\", expected a string containing _only_ a"
                        + " finite, whole number greater than 0.");
        assertError(server.client().get(route + "?apiVersion=3"), 400, "Bad Request",
                "No version \"3\" available for [get] [" + route + "]. Available versions are: [2]");
    }

    @Test
    void versionedAnswersCarryTheResolvedVersion() {
        Answer answer = server.client().get("/api/security/entity_store/status");
        assertThat(answer.header("elastic-api-version")).isEqualTo("2023-10-31");
    }

    @Test
    void spacePrefixedPathReachesTheSameRoute() {
        assertThat(server.client().get("/s/my-space/api/status").status()).isEqualTo(200);
        assertThat(server.client().get("/s/default/api/status").status()).isEqualTo(200);
        Answer prefixed = server.client().request("POST", "/s/team_a" + CREATE_GENERIC).withoutHeader("kbn-xsrf")
                .json(ENTITY).send();
        assertError(prefixed, 400, "Bad Request", "Request must contain a kbn-xsrf header.");
    }

    @Test
    void spaceIdOutsideTheAllowedCharactersReachesNoRoute() {
        assertError(server.client().get("/s/Foo/api/status"), 404, "Not Found", "Not Found");
    }

    @Test
    void noAnswerAboveCarriesAStackTrace() {
        for (Answer answer : new Answer[] {
            server.client().post(CREATE_GENERIC, "{\"entity\": {"),
            server.client().post(CREATE_GENERIC, "[1,2"),
            server.client().post(CREATE_GENERIC, "\"just a string\""),
            server.client().get("/api/nothing"),
        }) {
            assertThat(answer.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("dev.entitystore");
            assertThat(answer.json().has("statusCode")).isTrue();
        }
    }


    @Test
    void unknownEntityTypeInThePathIsABadRequestOfTheParams() {
        assertError(server.client().post("/api/security/entity_store/entities/planet", ENTITY), 400, "Bad Request",
                "[request params]: entityType: Invalid option: expected one of \"user\"|\"host\"|\"service\"|\"generic\"");
    }

    @Test
    void unknownQueryKeyIsRefusedOnStrictRoutes() {
        assertError(server.client().get("/api/security/entity_store/status?colour=red"), 400, "Bad Request",
                "[request query]: Unrecognized key: \"colour\"");
    }

    @Test
    void unknownQueryKeyIsDroppedOnCreateAsKibanaDoes() {
        Answer answer = server.client().post(CREATE_GENERIC + "?force=true&colour=red", ENTITY);
        assertThat(answer.json().path("message").asText()).doesNotContain("request query");
    }

    @Test
    void booleanQueryValuesAreTrueOrFalseOnly() {
        assertError(server.client().put(CREATE_GENERIC + "?force=maybe", ENTITY), 400, "Bad Request",
                "[request query]: force: Invalid option: expected one of \"true\"|\"false\"");
        assertError(server.client().get("/api/security/entity_store/status?include_components=1"), 400, "Bad Request",
                "[request query]: include_components: Invalid option: expected one of \"true\"|\"false\"");
    }

}
