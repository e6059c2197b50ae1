package dev.entitystore.server.profile;

import static dev.entitystore.server.profile.ProfileCalls.PROFILE;
import static dev.entitystore.server.profile.ProfileCalls.assertElasticsearchError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entitystore.server.HttpClientForTests.Answer;
import dev.entitystore.server.RunningServer;
import dev.entitystore.server.TestCredentials;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Elasticsearch's {@code _security/user/_has_privileges} and {@code _security/profile/_has_privileges} over
 * HTTP (issue 22): answered from the credentials file's grants, in Elasticsearch's body and error shapes.
 */
abstract class HasPrivilegesHttpSuite {
    private static final String USER_CHECK = "/_security/user/_has_privileges";
    private static final String ENTITIES_DEFAULT = "entities-latest-default";
    private static final TestCredentials CREDENTIALS = TestCredentials.inTempDirectory();
    static final String OPS = CREDENTIALS.addUser("ops", "--spaces", "*", "--admin");
    static final String ALICE = CREDENTIALS.addUser("alice", "--spaces", "default", "--read-only");
    static final String BOB = CREDENTIALS.addUser("bob", "--spaces", "default,team-a", "--write");
    static final String INGEST = CREDENTIALS.addKey("ingest", "--spaces", "default", "--write");

    @RegisterExtension
    static RunningServer server = new RunningServer(CREDENTIALS.environment());

    private static final ProfileCalls CALLS = new ProfileCalls(server);
    private static String alice;
    private static String bob;

    @BeforeAll
    static void activateUsers() {
        alice = CALLS.activatedUid(OPS, ALICE);
        bob = CALLS.activatedUid(OPS, BOB);
    }

    private static Answer check(String caller, String method, String path, String body) {
        var request = CALLS.as(caller, method, path);
        return (body == null ? request : request.json(body)).send();
    }

    private static JsonNode checked(String caller, String body) {
        Answer answer = check(caller, "POST", USER_CHECK, body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    @Test
    void aReaderHoldsReadsOfItsSpacesAndNothingElse() {
        JsonNode answer = checked(ALICE, "{\"cluster\":[\"manage_user_profile\"],"
                + "\"index\":[{\"names\":[\"" + ENTITIES_DEFAULT + "\",\"entities-latest-team-a\"],\"privileges\":[\"read\",\"write\"]}],"
                + "\"application\":[{\"application\":\"kibana-.kibana\",\"resources\":[\"space:default\"],"
                + "\"privileges\":[\"api:securitySolution\",\"api:securitySolution-entity-store-all\"]}]}");
        assertThat(answer.path("username").asText()).isEqualTo("alice");
        assertThat(answer.path("has_all_requested").asBoolean()).isFalse();
        assertThat(answer.path("cluster").toString()).isEqualTo("{\"manage_user_profile\":false}");
        assertThat(answer.path("index").toString()).isEqualTo("{\"" + ENTITIES_DEFAULT + "\":{\"read\":true,\"write\":false},"
                + "\"entities-latest-team-a\":{\"read\":false,\"write\":false}}");
        assertThat(answer.at("/application/kibana-.kibana/space:default").toString())
                .isEqualTo("{\"api:securitySolution\":true,\"api:securitySolution-entity-store-all\":false}");
    }

    @Test
    void anAdminOfEverySpaceHoldsWhatItAsksOnGetAndPost() {
        String body = "{\"cluster\":[\"manage_user_profile\",\"read_security\"],"
                + "\"indices\":[{\"names\":\"entities-latest-*\",\"privileges\":[\"read\",\"write\",\"manage\"]}],"
                + "\"applications\":[{\"application\":\"kibana-.kibana\",\"resources\":[\"*\",\"space:team-b\"],"
                + "\"privileges\":[\"api:securitySolution-entity-store-manage\"]}]}";
        Answer post = check(OPS, "POST", USER_CHECK, body);
        Answer get = check(OPS, "GET", USER_CHECK, body);
        assertThat(post.status()).as(post.body()).isEqualTo(200);
        assertThat(post.json().path("has_all_requested").asBoolean()).as(post.body()).isTrue();
        assertThat(post.json().at("/index/entities-latest-*/manage").asBoolean()).isTrue();
        assertThat(get.body()).isEqualTo(post.body());
        assertThat(checked(OPS, "{\"cluster\":[\"manage_security\"]}").path("has_all_requested").asBoolean())
                .as("a privilege no grant gives is not held").isFalse();
    }

    @Test
    void aPatternIsHeldOnlyByACredentialOfEverySpace() {
        String body = "{\"index\":[{\"names\":[\"entities-latest-*\"],\"privileges\":[\"read\"]}]}";
        assertThat(checked(BOB, body).path("has_all_requested").asBoolean()).isFalse();
        assertThat(checked(BOB, "{\"index\":[{\"names\":[\"entities-latest-team-a\"],\"privileges\":[\"create_doc\",\"delete_index\"]}]}")
                .at("/index/entities-latest-team-a").toString()).isEqualTo("{\"create_doc\":true,\"delete_index\":false}");
        assertThat(checked(BOB, "{\"index\":[{\"names\":[\"other-index\"],\"privileges\":[\"read\"]}]}")
                .at("/index/other-index/read").asBoolean()).isFalse();
    }

    @Test
    void anApiKeyAnswersUnderItsName() {
        JsonNode answer = checked(INGEST, "{\"index\":[{\"names\":[\"" + ENTITIES_DEFAULT + "\"],\"privileges\":[\"index\"]}]}");
        assertThat(answer.path("username").asText()).isEqualTo("ingest");
        assertThat(answer.path("has_all_requested").asBoolean()).isTrue();
        assertThat(answer.path("cluster").isObject() && answer.path("application").isObject()).as("empty blocks are kept").isTrue();
    }

    @Test
    void aUserInThePathMustBeTheCaller() {
        String body = "{\"cluster\":[\"read_security\"]}";
        Answer own = check(ALICE, "GET", "/_security/user/alice/_has_privileges", body);
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json().path("username").asText()).isEqualTo("alice");
        assertElasticsearchError(check(OPS, "POST", "/_security/user/alice/_has_privileges", body), 400,
                "illegal_argument_exception", "users may only check the privileges of their own account");
    }

    @Test
    void malformedChecksAreElasticsearchsFourHundreds() {
        assertElasticsearchError(check(ALICE, "POST", USER_CHECK, null), 400, "parse_exception",
                "request body or source parameter is required");
        assertElasticsearchError(check(ALICE, "POST", USER_CHECK, "{}"), 400, "action_request_validation_exception",
                "Validation Failed: 1: must specify at least one privilege;");
        assertElasticsearchError(check(ALICE, "POST", USER_CHECK, "{\"run_as\":[]}"), 400, "parse_exception",
                "failed to parse privileges check [alice]. unexpected field [run_as]");
        assertElasticsearchError(check(ALICE, "POST", "/_security/user/alice/_has_privileges", "{\"index\":[{\"names\":[\"x\"]}]}"),
                400, "parse_exception", "failed to parse indices privileges for role [alice]. missing required [privileges] field");
        assertElasticsearchError(check(ALICE, "POST", USER_CHECK, "{\"cluster\":\"monitor\"}"), 400, "parse_exception",
                "failed to parse privileges check [alice]. expected field [cluster] value to be an array of strings,"
                        + " but found [VALUE_STRING] instead");
        assertElasticsearchError(check(ALICE, "POST", USER_CHECK, "{\"application\":[{\"application\":\"a\",\"privileges\":[\"p\"]}]}"),
                400, "parse_exception", "failed to parse application privileges for role [alice]. missing required [resources] field");
    }

    @Test
    void withoutCredentialsTheCheckIsElasticsearchsFourHundredOne() {
        Answer answer = server.client().request("POST", USER_CHECK).withoutHeader("kbn-xsrf")
                .json("{\"cluster\":[\"monitor\"]}").send();
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().path("error").path("type").asText()).isEqualTo("security_exception");
    }

    @Test
    void profilesWhoseUsersHoldEveryPrivilegeAreListedAndMissingOnesExplained() {
        String body = "{\"uids\":[\"" + alice + "\",\"" + bob + "\",\"u_missing_0\"],\"privileges\":"
                + "{\"index\":[{\"names\":[\"" + ENTITIES_DEFAULT + "\"],\"privileges\":[\"read\",\"write\"]}]}}";
        for (String method : List.of("GET", "POST")) {
            Answer answer = check(OPS, method, PROFILE + "_has_privileges", body);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(uids(answer.json().path("has_privilege_uids"))).containsExactly(bob);
            assertThat(answer.json().at("/errors/count").asInt()).isEqualTo(1);
            assertThat(answer.json().at("/errors/details/u_missing_0").toString())
                    .isEqualTo("{\"type\":\"resource_not_found_exception\",\"reason\":\"profile document not found\"}");
        }
        Answer all = check(OPS, "POST", PROFILE + "_has_privileges", "{\"uids\":[\"" + alice + "\",\"" + bob + "\"],"
                + "\"privileges\":{\"application\":[{\"application\":\"kibana-.kibana\",\"resources\":[\"space:default\"],"
                + "\"privileges\":[\"api:securitySolution\"]}]}}");
        assertThat(uids(all.json().path("has_privilege_uids"))).containsExactly(alice, bob);
        assertThat(all.json().has("errors")).as("no errors block when every uid was found").isFalse();
    }

    @Test
    void aProfileWhoseUserLeftTheCredentialsFileHoldsNothing() throws InterruptedException {
        // Its own user: the suite's credentials file is shared by both backends' subclasses.
        String leaver = "leaver-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String user = CREDENTIALS.addUser(leaver, "--spaces", "default", "--write");
        long seen = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Answer activated = CALLS.activate(OPS, user);
        while (activated.status() == 401 && System.nanoTime() < seen) {
            Thread.sleep(200); // until the server has re-read the file
            activated = CALLS.activate(OPS, user);
        }
        assertThat(activated.status()).as(activated.body()).isEqualTo(200);
        String carol = activated.json().path("uid").asText();
        String body = "{\"uids\":[\"" + carol + "\"],\"privileges\":{\"index\":[{\"names\":[\"" + ENTITIES_DEFAULT
                + "\"],\"privileges\":[\"read\"]}]}}";
        assertThat(uids(check(OPS, "POST", PROFILE + "_has_privileges", body).json().path("has_privilege_uids")))
                .containsExactly(carol);
        CREDENTIALS.run("remove", "--user", leaver, "--file", CREDENTIALS.file().toString());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<String> held = List.of(carol);
        while (!held.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            held = uids(check(OPS, "POST", PROFILE + "_has_privileges", body).json().path("has_privilege_uids"));
        }
        assertThat(held).as("the file is re-read within a second or so").isEmpty();
    }

    @Test
    void profileChecksNeedTheProfileReadPrivilegeAndAValidBody() {
        String body = "{\"uids\":[\"" + alice + "\"],\"privileges\":{\"cluster\":[\"monitor\"]}}";
        Answer refused = check(ALICE, "POST", PROFILE + "_has_privileges", body);
        assertElasticsearchError(refused, 403, "security_exception", "action [cluster:admin/xpack/security/profile/has_privileges]"
                + " is unauthorized for user [alice] with effective roles [entity_store_reader], this action is granted by the"
                + " cluster privileges [read_security,manage_user_profile,manage_security,all]");
        assertElasticsearchError(check(OPS, "POST", PROFILE + "_has_privileges", "{\"uids\":[],\"privileges\":{}}"), 400,
                "action_request_validation_exception",
                "Validation Failed: 1: profile uids list must not be empty;2: must specify at least one privilege;");
        assertElasticsearchError(check(OPS, "POST", PROFILE + "_has_privileges", "{\"uids\":[\"u\"]}"), 400,
                "action_request_validation_exception", "Validation Failed: 1: privileges to check must not be null;");
        assertElasticsearchError(check(OPS, "POST", PROFILE + "_has_privileges", "{\"uids\":[\"u\"],\"size\":1}"), 400,
                "x_content_parse_exception", "[1:15] [profile_has_privileges_request] unknown field [size]");
        assertElasticsearchError(check(OPS, "POST", PROFILE + "_has_privileges", null), 400, "parse_exception",
                "request body is required");
    }

    private static List<String> uids(JsonNode array) {
        List<String> uids = new ArrayList<>();
        array.forEach(uid -> uids.add(uid.asText()));
        return uids;
    }
}
