package dev.entitystore.server.profile;

import static dev.entitystore.server.profile.ProfileCalls.PROFILE;
import static dev.entitystore.server.profile.ProfileCalls.assertElasticsearchError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entitystore.server.HttpClientForTests.Answer;
import dev.entitystore.server.RunningServer;
import dev.entitystore.server.TestCredentials;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET|POST /_security/profile/_suggest} over HTTP (issue 22), Elasticsearch's answers where no route
 * takes a request under {@code /_security/} ({@code GET /_security/profile} without a uid among them), and
 * the {@code [line:column]} its body parsers put before their refusals.
 */
abstract class ProfileSuggestHttpSuite {
    private static final TestCredentials CREDENTIALS = TestCredentials.inTempDirectory();
    static final String OPS = CREDENTIALS.addUser("ops", "--spaces", "*", "--admin");
    static final String JACK = CREDENTIALS.addUser("jacknich", "--spaces", "default", "--read-only",
            "--full-name", "Jackson Nicholson", "--email", "jacknich@example.com");
    static final String JACQUELINE = CREDENTIALS.addUser("jacqueline", "--spaces", "default", "--read-only",
            "--full-name", "Jacqueline Doe");
    static final String BOB = CREDENTIALS.addUser("bob", "--spaces", "default", "--write",
            "--full-name", "Robert Builder", "--email", "bob@example.com");
    static final String GONE = CREDENTIALS.addUser("jackgone", "--spaces", "default", "--read-only");

    @RegisterExtension
    static RunningServer server = new RunningServer(CREDENTIALS.environment());

    private static final ProfileCalls CALLS = new ProfileCalls(server);
    private static Answer suggestBeforeAnyProfile;
    private static String jack;
    private static String jacqueline;
    private static String bob;

    @BeforeAll
    static void activateUsers() {
        suggestBeforeAnyProfile = suggest("POST", "", "{\"name\":\"jack\"}");
        jack = CALLS.activatedUid(OPS, JACK);
        jacqueline = CALLS.activatedUid(OPS, JACQUELINE);
        bob = CALLS.activatedUid(OPS, BOB);
        String gone = CALLS.activatedUid(OPS, GONE);
        assertThat(CALLS.as(OPS, "POST", PROFILE + gone + "/_disable").send().status()).isEqualTo(200);
        CALLS.updated(OPS, jack, "{\"labels\":{\"direction\":\"north\"},\"data\":{\"app1\":{\"theme\":\"dark\"},\"app2\":{\"x\":1}}}");
        CALLS.updated(OPS, jacqueline, "{\"labels\":{\"direction\":[\"south\",\"west\"]}}");
    }

    static Answer suggest(String method, String query, String body) {
        var request = CALLS.as(OPS, method, PROFILE + "_suggest" + query);
        return (body == null ? request : request.json(body)).send();
    }

    static List<String> uids(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<String> uids = new ArrayList<>();
        answer.json().path("profiles").forEach(p -> uids.add(p.path("uid").asText()));
        return uids;
    }

    @Test
    void beforeAnyProfileExistsNothingIsSuggested() {
        assertThat(uids(suggestBeforeAnyProfile)).isEmpty();
        assertThat(suggestBeforeAnyProfile.json().at("/total/value").asLong()).isZero();
    }

    @Test
    void aNameMatchesUsernameFullNameAndEmailWordsTheLastOneAsAPrefix() {
        assertThat(uids(suggest("POST", "", "{\"name\":\"jac\"}"))).containsExactly(jack, jacqueline);
        assertThat(uids(suggest("POST", "", "{\"name\":\"nichol\"}"))).containsExactly(jack);
        assertThat(uids(suggest("POST", "", "{\"name\":\"example\"}"))).containsExactly(bob, jack);
        assertThat(uids(suggest("POST", "", "{\"name\":\"robrt b\"}"))).as("AUTO fuzziness").containsExactly(bob);
        Answer answer = suggest("POST", "", "{\"name\":\"jack\"}");
        JsonNode first = answer.json().path("profiles").get(0);
        assertThat(first.path("user").path("username").asText()).isEqualTo("jacknich");
        assertThat(first.path("user").path("full_name").asText()).isEqualTo("Jackson Nicholson");
        assertThat(first.path("labels").path("direction").asText()).isEqualTo("north");
        assertThat(first.path("data")).as("no data unless asked").isEmpty();
        assertThat(first.has("_doc")).isFalse();
        assertThat(answer.json().path("took").isIntegralNumber()).isTrue();
        assertThat(answer.json().at("/total/relation").asText()).isEqualTo("eq");
    }

    @Test
    void disabledProfilesAreNeverSuggested() {
        Answer everyone = suggest("GET", "", null);
        assertThat(uids(everyone)).containsExactly(bob, jack, jacqueline);
        assertThat(everyone.json().at("/total/value").asLong()).isEqualTo(3);
    }

    @Test
    void sizeCutsTheListAndTotalCountsEveryMatch() {
        Answer one = suggest("POST", "", "{\"size\":1}");
        assertThat(uids(one)).hasSize(1);
        assertThat(one.json().at("/total/value").asLong()).isEqualTo(3);
        assertThat(uids(suggest("POST", "", "{\"size\":0}"))).isEmpty();
    }

    @Test
    void hintsRankTheirProfilesFirstWithoutLeavingOthersOut() {
        assertThat(uids(suggest("POST", "", "{\"hint\":{\"uids\":[\"" + jacqueline + "\"]}}")))
                .containsExactly(jacqueline, bob, jack);
        assertThat(uids(suggest("POST", "", "{\"hint\":{\"labels\":{\"direction\":[\"west\"]}}}"))).startsWith(jacqueline);
        assertThat(uids(suggest("POST", "", "{\"name\":\"jac\",\"hint\":{\"labels\":{\"direction\":\"north\"}}}")))
                .containsExactly(jack, jacqueline);
    }

    @Test
    void dataComesFromTheParameterOrTheBodyButNotBoth() {
        JsonNode fromQuery = suggest("POST", "?data=app1", "{\"name\":\"jacknich\"}").json().path("profiles").get(0);
        assertThat(fromQuery.path("data").toString()).isEqualTo("{\"app1\":{\"theme\":\"dark\"}}");
        JsonNode fromBody = suggest("POST", "", "{\"name\":\"jacknich\",\"data\":\"*\"}").json().path("profiles").get(0);
        assertThat(fromBody.path("data").fieldNames()).toIterable().containsExactlyInAnyOrder("app1", "app2");
        JsonNode fromGetBody = suggest("GET", "", "{\"name\":\"jacknich\",\"data\":\"app2\"}").json().path("profiles").get(0);
        assertThat(fromGetBody.path("data").toString()).isEqualTo("{\"app2\":{\"x\":1}}");
        assertElasticsearchError(suggest("POST", "?data=app1", "{\"data\":\"app2\"}"), 400, "illegal_argument_exception",
                "The [data] parameter must be specified in either request body or as query parameter, but not both");
    }

    @Test
    void invalidRequestsAnswerElasticsearchsTexts() {
        assertElasticsearchError(suggest("POST", "", "{\"size\":-1,\"hint\":{}}"), 400, "action_request_validation_exception",
                "Validation Failed: 1: [size] parameter cannot be negative but was [-1];2: [hint] parameter cannot be empty;");
        assertElasticsearchError(suggest("POST", "", "{\"name\":\"x\", \"nmae\":\"y\"}"), 400, "x_content_parse_exception",
                "[1:14] [suggest_profile_request_payload] unknown field [nmae]");
        assertElasticsearchError(suggest("POST", "", "{\n  \"hint\": {\n    \"uid\": []\n  }\n}"), 400,
                "x_content_parse_exception", "[3:5] [suggest_profile_request_payload_hint] unknown field [uid]");
        assertElasticsearchError(suggest("POST", "", "{\"name\":7}"), 400, "x_content_parse_exception",
                "[1:9] [suggest_profile_request_payload] name doesn't support values of type: VALUE_NUMBER");
        assertElasticsearchError(suggest("GET", "", "{\"name\":"), 400, "x_content_parse_exception",
                "Invalid request payload JSON format");
    }

    @Test
    void suggestingNeedsTheProfilePrivilege() {
        assertElasticsearchError(CALLS.as(JACK, "POST", PROFILE + "_suggest").json("{}").send(), 403, "security_exception",
                "action [cluster:admin/xpack/security/profile/suggest] is unauthorized for user [jacknich]"
                        + " with effective roles [entity_store_reader], this action is granted by the cluster privileges"
                        + " [read_security,manage_user_profile,manage_security,all]");
    }

    @Test
    void theOtherParsersNameThePositionTheyStoppedAt() {
        assertElasticsearchError(CALLS.update(OPS, "POST", jack, "", "{\"data\":{\"a\":{}},\n \"labels\":\"x\"}"), 400,
                "x_content_parse_exception",
                "[2:11] [update_profile_data_request_payload] labels doesn't support values of type: VALUE_STRING");
        assertElasticsearchError(CALLS.as(OPS, "POST", PROFILE + "_activate").json("{\"grant_type\":\"password\",\"user\":\"x\"}")
                .send(), 400, "x_content_parse_exception", "[1:26] [activate_profile_request] unknown field [user]");
    }

    @Test
    void noRouteAnswersAsElasticsearchsRestController() {
        Answer noUid = CALLS.as(OPS, "GET", "/_security/profile?data=*").send();
        assertThat(noUid.status()).isEqualTo(400);
        assertThat(noUid.json().path("error").asText()).isEqualTo("no handler found for uri [/_security/profile?data=*] and method [GET]");
        assertThat(noUid.json().has("status")).isFalse();
        Answer wrongMethod = CALLS.as(OPS, "DELETE", PROFILE + jack).send();
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.json().path("error").asText())
                .isEqualTo("Incorrect HTTP method for uri [/_security/profile/" + jack + "] and method [DELETE], allowed: [GET]");
        assertThat(wrongMethod.json().path("status").asInt()).isEqualTo(405);
        assertThat(wrongMethod.header("Allow")).isEqualTo("GET");
        Answer data = CALLS.as(OPS, "DELETE", PROFILE + jack + "/_data").send();
        assertThat(data.json().path("error").asText()).endsWith("and method [DELETE], allowed: [POST, PUT]");
    }
}
