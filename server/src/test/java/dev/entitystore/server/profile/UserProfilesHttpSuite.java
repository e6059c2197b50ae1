package dev.entitystore.server.profile;

import static dev.entitystore.server.profile.ProfileCalls.PROFILE;
import static dev.entitystore.server.profile.ProfileCalls.assertElasticsearchError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.entitystore.server.HttpClientForTests.Answer;
import dev.entitystore.server.RunningServer;
import dev.entitystore.server.TestCredentials;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Elasticsearch's user-profile API over HTTP: every upstream scenario of the profile tests (ProfileIT,
 * ProfileIntegTests, 10_basic.yml, WriteProfileDataPrivilegesTests) by name, Elasticsearch's validation
 * and error texts, its conventions (no kbn-xsrf, no spaces), and persistence across a restart.
 */
abstract class UserProfilesHttpSuite {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TestCredentials CREDENTIALS = TestCredentials.inTempDirectory();
    /** Manages profiles: admin of every space. */
    static final String OPS = CREDENTIALS.addUser("ops", "--spaces", "*", "--admin");
    /** The user whose profile most scenarios use. */
    static final String ALICE = CREDENTIALS.addUser("alice", "--spaces", "default", "--read-only",
            "--full-name", "Alice Abbott", "--email", "alice@example.com");
    static final String BOB = CREDENTIALS.addUser("bob", "--spaces", "default", "--write");
    static final String CAROL = CREDENTIALS.addUser("carol", "--spaces", "default", "--read-only");
    /** Kibana-like: may write the app1 and kibana* namespaces of any profile, nothing else. */
    static final String APP_WRITER = CREDENTIALS.addKey("app-writer", "--spaces", "default", "--write",
            "--profile-data", "app1,kibana*");
    /** Admin of one space only: no profile privilege. */
    static final String SPACE_ADMIN = CREDENTIALS.addKey("team-admin", "--spaces", "team-a", "--admin");
    private static final long MAX_PROFILE_BYTES = 4096;

    @RegisterExtension
    static RunningServer server = new RunningServer(environment());

    private static final ProfileCalls CALLS = new ProfileCalls(server);
    /** Answers seen before any profile existed (the profile store is created by the first use). */
    private static Answer getBeforeAnyProfile;
    private static Answer updateBeforeAnyProfile;
    private static String alice;

    private static Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>(CREDENTIALS.environment());
        environment.put("ENTITY_STORE_MAX_PROFILE_BYTES", String.valueOf(MAX_PROFILE_BYTES));
        return environment;
    }

    @BeforeAll
    static void activateAlice() {
        getBeforeAnyProfile = CALLS.get(OPS, "u_nobody_0,u_noone_0", "");
        updateBeforeAnyProfile = CALLS.update(OPS, "POST", "u_nobody_0", "", j("{'data':{'app1':{'a':1}}}"));
        alice = CALLS.activatedUid(OPS, ALICE);
    }

    static String j(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    static JsonNode node(String singleQuoted) {
        try {
            return JSON.readTree(j(singleQuoted));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(singleQuoted, e);
        }
    }

    // --- §A.4 scenarios, by upstream name ---

    /** 1. ProfileIT.testActivateProfile, 10_basic.yml. */
    @Test
    void testActivateProfile() {
        Answer answer = CALLS.activate(OPS, ALICE);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode profile = answer.json();
        assertThat(profile.path("uid").asText()).isEqualTo(alice).matches("u_[A-Za-z0-9_-]{43}_0");
        assertThat(profile.path("enabled").asBoolean()).isTrue();
        assertThat(profile.path("user")).isEqualTo(node("{'username':'alice','roles':['entity_store_reader'],"
                + "'realm_name':'default_file','email':'alice@example.com','full_name':'Alice Abbott'}"));
        assertThat(profile.path("user").has("realm_domain")).isFalse();
        assertThat(profile.path("data")).isEqualTo(node("{}"));
        assertThat(profile.path("_doc").path("_seq_no").isIntegralNumber()).isTrue();
        assertThat(profile.path("_doc").path("_primary_term").asLong()).isPositive();
    }

    /** 2. ProfileIT: a read right after activation answers what activation answered. */
    @Test
    void getRightAfterActivateIsTheActivatedProfile() {
        Answer activated = CALLS.activate(OPS, CAROL);
        assertThat(activated.status()).isEqualTo(200);
        JsonNode read = CALLS.profile(OPS, activated.json().path("uid").asText(), null);
        assertThat(read).isEqualTo(activated.json());
    }

    /** 3. 10_basic.yml: data of two applications, read back one. */
    @Test
    void updateDataThenGetOneApplication() {
        CALLS.updated(OPS, alice, j("{'data':{'basic1':{'theme':'default'},'basic2':{'theme':'dark'}}}"));
        assertThat(CALLS.profile(OPS, alice, "basic1").path("data")).isEqualTo(node("{'basic1':{'theme':'default'}}"));
    }

    /** 4. 10_basic.yml, ProfileIntegTests.testUpdateProfileData: activation again keeps the uid and the data. */
    @Test
    void reactivationKeepsUidAndData() {
        CALLS.updated(OPS, alice, j("{'data':{'react1':{'k':1},'react2':{'k':2}}}"));
        assertThat(CALLS.activatedUid(OPS, ALICE)).isEqualTo(alice);
        assertThat(CALLS.profile(OPS, alice, "react*").path("data")).isEqualTo(node("{'react1':{'k':1},'react2':{'k':2}}"));
    }

    /** 5. ProfileIT.testStoreProfileData, by PUT and by POST. */
    @Test
    void testStoreProfileData() {
        for (String method : new String[] {"PUT", "POST"}) {
            String app = "store" + method.toLowerCase(java.util.Locale.ROOT);
            Answer answer = CALLS.update(OPS, method, alice, "", j("{'labels':{'" + app + "':{'tags':['prod','east']}},"
                    + "'data':{'" + app + "':{'theme':'default'}}}"));
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            JsonNode profile = CALLS.profile(OPS, alice, app);
            assertThat(profile.path("labels").path(app)).isEqualTo(node("{'tags':['prod','east']}"));
            assertThat(profile.path("data")).isEqualTo(node("{'" + app + "':{'theme':'default'}}"));
        }
    }

    /** 6. ProfileIT.testModifyProfileData: arrays replaced, objects merged, other namespaces untouched. */
    @Test
    void testModifyProfileData() {
        CALLS.updated(OPS, alice, j("{'labels':{'modify':{'tags':['prod','east']}},"
                + "'data':{'modify':{'k1':'v1','k2':'v2'},'modify2':{'k1':'x'}}}"));
        CALLS.updated(OPS, alice, j("{'labels':{'modify':{'tags':['prod','west']}},'data':{'modify':{'k1':'v1b','k3':'v3'}}}"));
        JsonNode profile = CALLS.profile(OPS, alice, "modify*");
        assertThat(profile.path("labels").path("modify")).isEqualTo(node("{'tags':['prod','west']}"));
        assertThat(profile.path("data")).isEqualTo(node("{'modify':{'k1':'v1b','k2':'v2','k3':'v3'},'modify2':{'k1':'x'}}"));
        assertThat(profile.path("data").path("modify2").has("k3")).isFalse();
    }

    /** 7. ProfileIT.testRemoveProfileData: null is stored, the key stays. */
    @Test
    void testRemoveProfileData() {
        CALLS.updated(OPS, alice, j("{'data':{'remove':{'top':{'inner':{'leaf':'x'}}}}}"));
        CALLS.updated(OPS, alice, j("{'data':{'remove':{'top':null}}}"));
        JsonNode remove = CALLS.profile(OPS, alice, "remove").path("data").path("remove");
        assertThat(remove.has("top")).isTrue();
        assertThat(remove.path("top").isNull()).isTrue();
    }

    /** 8. ProfileIntegTests.testUpdateProfileData: incremental merge, labels untouched when omitted. */
    @Test
    void incrementalDataUpdateKeepsLabels() {
        CALLS.updated(OPS, alice, j("{'labels':{'incr':{'l':1}},'data':{'incr':{'name':'app1','type':'app'}}}"));
        CALLS.updated(OPS, alice, j("{'data':{'incr':{'name':'app1_take2','active':false},'incr2':{'name':'app2'}}}"));
        JsonNode profile = CALLS.profile(OPS, alice, "incr,incr2");
        assertThat(profile.path("data")).isEqualTo(node("{'incr':{'name':'app1_take2','type':'app','active':false},"
                + "'incr2':{'name':'app2'}}"));
        assertThat(profile.path("labels").path("incr")).isEqualTo(node("{'l':1}"));
    }

    /** 9. ProfileIntegTests: updating a profile that does not exist, also before the store exists. */
    @Test
    void updatingAMissingProfileIsDocumentMissing() {
        assertElasticsearchError(updateBeforeAnyProfile, 404, "document_missing_exception", "[profile_u_nobody_0]: document missing");
        assertThat(updateBeforeAnyProfile.json().path("error").path("index").asText()).isEqualTo(".security-profile-8");
        assertElasticsearchError(CALLS.update(OPS, "PUT", "u_nobody_0", "", j("{'labels':{'a':1}}")), 404,
                "document_missing_exception", "[profile_u_nobody_0]: document missing");
    }

    /** 10. ProfileIT.testGetProfiles: unknown uids are errors of a 200, with why. */
    @Test
    void testGetProfiles() {
        assertThat(getBeforeAnyProfile.status()).isEqualTo(200);
        assertThat(getBeforeAnyProfile.json()).isEqualTo(node("{'profiles':[],'errors':{'count':2,'details':{"
                + "'u_nobody_0':{'type':'exception','reason':'profile index does not exist'},"
                + "'u_noone_0':{'type':'exception','reason':'profile index does not exist'}}}}"));
        Answer answer = CALLS.get(OPS, "u_nobody_0," + alice + ",u_noone_0", "");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("profiles")).hasSize(1);
        assertThat(answer.json().path("profiles").get(0).path("uid").asText()).isEqualTo(alice);
        assertThat(answer.json().path("errors")).isEqualTo(node("{'count':2,'details':{"
                + "'u_nobody_0':{'type':'resource_not_found_exception','reason':'profile document not found'},"
                + "'u_noone_0':{'type':'resource_not_found_exception','reason':'profile document not found'}}}"));
        assertThat(CALLS.get(OPS, alice, "").json().has("errors")).isFalse();
    }

    /** 11. ProfileIT, ProfileIntegTests.testSuggestProfileWithData: the data parameter's patterns. */
    @Test
    void dataParameterSelectsApplications() {
        CALLS.updated(OPS, alice, j("{'data':{'sel1':{'a':1},'sel2':{'b':{'c':2}}}}"));
        JsonNode both = node("{'sel1':{'a':1},'sel2':{'b':{'c':2}}}");
        assertThat(CALLS.profile(OPS, alice, "sel1,sel2").path("data")).isEqualTo(both);
        assertThat(CALLS.profile(OPS, alice, "sel*").path("data")).isEqualTo(both);
        JsonNode all = CALLS.profile(OPS, alice, "*").path("data");
        assertThat(all.path("sel1")).isEqualTo(both.path("sel1"));
        assertThat(all.path("sel2")).isEqualTo(both.path("sel2"));
        assertThat(CALLS.profile(OPS, alice, "sel2.b").path("data")).isEqualTo(node("{'sel2':{'b':{'c':2}}}"));
        assertThat(CALLS.profile(OPS, alice, null).path("data")).isEqualTo(node("{}"));
        assertThat(CALLS.profile(OPS, alice, null).path("labels").isObject()).isTrue();
    }

    /** 12. WriteProfileDataPrivilegesTests: every namespace must match a granted pattern; nothing else is granted. */
    @Test
    void writeProfileDataPrivilegesCoverEveryNamespace() {
        String keyForbidden = "action [cluster:admin/xpack/security/profile/put/data] is unauthorized for API key id [";
        Answer granted = CALLS.update(APP_WRITER, "POST", alice, "", j("{'labels':{'app1':{'x':1}},'data':{'kibana-x':{'y':2}}}"));
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        Answer mixed = CALLS.update(APP_WRITER, "POST", alice, "", j("{'labels':{'app1':{'x':2}},'data':{'app2':{'y':3}}}"));
        assertThat(mixed.status()).as(mixed.body()).isEqualTo(403);
        assertThat(mixed.json().path("error").path("type").asText()).isEqualTo("security_exception");
        assertThat(mixed.json().path("error").path("reason").asText()).startsWith(keyForbidden)
                .endsWith("] of user [app-writer] with effective roles [entity_store_writer], this action is granted by the"
                        + " cluster privileges [manage_user_profile,manage_security,all]");
        assertThat(CALLS.profile(OPS, alice, "app1").path("labels").path("app1")).isEqualTo(node("{'x':1}"));
        assertThat(CALLS.get(APP_WRITER, alice, "").status()).as("reading needs more").isEqualTo(403);
        assertThat(CALLS.as(APP_WRITER, "POST", PROFILE + alice + "/_disable").send().status()).isEqualTo(403);
        assertThat(CALLS.activate(APP_WRITER, CAROL).status()).isEqualTo(403);
        Answer spaceAdmin = CALLS.update(SPACE_ADMIN, "POST", alice, "", j("{'data':{'app1':{}}}"));
        assertThat(spaceAdmin.status()).as("admin of one space does not manage profiles").isEqualTo(403);
        assertThat(spaceAdmin.json().path("error").path("reason").asText()).contains("with effective roles [entity_store_admin]");
        assertElasticsearchError(CALLS.get(BOB, alice, ""), 403, "security_exception",
                "action [cluster:admin/xpack/security/profile/get] is unauthorized for user [bob] with effective roles"
                        + " [entity_store_writer], this action is granted by the cluster privileges"
                        + " [read_security,manage_user_profile,manage_security,all]");
        // Elasticsearch validates the request before its privileges: a 400 wins over the 403.
        assertElasticsearchError(CALLS.update(BOB, "POST", alice, "", "{}"), 400, "action_request_validation_exception",
                "Validation Failed: 1: update request is empty;");
    }

    /** 13. ProfileIT.testSetEnabled: unknown uids are 404; a known one is disabled and enabled again. */
    @Test
    void testSetEnabled() {
        for (String action : new String[] {"_enable", "_disable"}) {
            for (String method : new String[] {"PUT", "POST"}) {
                assertElasticsearchError(CALLS.as(OPS, method, PROFILE + "u_nobody_0/" + action).send(), 404,
                        "document_missing_exception", "[profile_u_nobody_0]: document missing");
            }
        }
        String carol = CALLS.activatedUid(OPS, CAROL);
        Answer disabled = CALLS.as(OPS, "PUT", PROFILE + carol + "/_disable?refresh=true").send();
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        assertThat(disabled.json()).isEqualTo(node("{'acknowledged':true}"));
        assertThat(CALLS.profile(OPS, carol, null).path("enabled").asBoolean()).isFalse();
        assertThat(CALLS.as(OPS, "POST", PROFILE + carol + "/_enable").send().status()).isEqualTo(200);
        assertThat(CALLS.profile(OPS, carol, null).path("enabled").asBoolean()).isTrue();
    }

    /** 14. ProfileIntegTests.testUpdateProfileDataHitStorageQuota, with this server's 4 KB limit. */
    @Test
    void testUpdateProfileDataHitStorageQuota() {
        String bob = CALLS.activatedUid(OPS, BOB);
        String half = "x".repeat(2000);
        CALLS.updated(OPS, bob, j("{'data':{'quota1':{'v':'" + half + "'}}}"));
        Answer over = CALLS.update(OPS, "POST", bob, "", j("{'data':{'quota2':{'v':'" + half + "'}}}"));
        assertThat(over.status()).as(over.body()).isEqualTo(400);
        assertThat(over.json().path("error").path("type").asText()).isEqualTo("illegal_argument_exception");
        assertThat(over.json().path("error").path("reason").asText()).startsWith("cannot update profile [" + bob + "]")
                .endsWith("exceeds the maximum of [" + MAX_PROFILE_BYTES + "] bytes");
        assertThat(CALLS.profile(OPS, bob, "*").path("data").has("quota2")).isFalse();
    }

    // --- optimistic concurrency, validation, conventions, persistence ---

    @Test
    void ifSeqNoAndIfPrimaryTermGuardTheUpdate() {
        JsonNode doc = CALLS.profile(OPS, alice, null).path("_doc");
        long seqNo = doc.path("_seq_no").asLong();
        long term = doc.path("_primary_term").asLong();
        String current = "?if_seq_no=" + seqNo + "&if_primary_term=" + term;
        assertThat(CALLS.update(OPS, "POST", alice, current, j("{'data':{'occ':{'v':1}}}")).status()).isEqualTo(200);
        long newSeqNo = CALLS.profile(OPS, alice, null).path("_doc").path("_seq_no").asLong();
        assertThat(newSeqNo).isGreaterThan(seqNo);
        assertElasticsearchError(CALLS.update(OPS, "POST", alice, current, j("{'data':{'occ':{'v':2}}}")), 409,
                "version_conflict_engine_exception", "[profile_" + alice + "]: version conflict, required seqNo [" + seqNo
                        + "], primary term [" + term + "]. current document has seqNo [" + newSeqNo + "] and primary term [" + term + "]");
        assertThat(CALLS.profile(OPS, alice, "occ").path("data")).isEqualTo(node("{'occ':{'v':1}}"));
        assertElasticsearchError(CALLS.update(OPS, "POST", alice, "?if_seq_no=" + newSeqNo, j("{'data':{'occ':{'v':3}}}")), 400,
                "action_request_validation_exception", "Validation Failed: 1: ifSeqNo is set, but primary term is [0];");
        assertElasticsearchError(CALLS.update(OPS, "POST", alice, "?if_primary_term=1", j("{'data':{'occ':{'v':3}}}")), 400,
                "action_request_validation_exception", "Validation Failed: 1: ifSeqNo is unassigned, but primary term is [1];");
        assertElasticsearchError(CALLS.update(OPS, "POST", alice, "?if_seq_no=abc&if_primary_term=1", j("{'data':{'occ':{}}}")),
                400, "illegal_argument_exception", "Failed to parse long parameter [if_seq_no] with value [abc]");
        assertThat(CALLS.update(OPS, "POST", alice, "?if_seq_no=-1&if_primary_term=-1", j("{'data':{'occ':{'v':4}}}")).status())
                .as("negative values are not given").isEqualTo(200);
    }

    @Test
    void invalidUpdatesAnswerElasticsearchsTextsAndChangeNothing() {
        JsonNode before = CALLS.profile(OPS, alice, "*");
        String validation = "action_request_validation_exception";
        assertElasticsearchError(CALLS.update(OPS, "PUT", alice, "", j("{'labels':{},'data':{}}")), 400, validation,
                "Validation Failed: 1: update request is empty;");
        assertElasticsearchError(CALLS.update(OPS, "PUT", alice, "", j("{'labels':{'_x':1},'data':{'a.b':{}}}")), 400, validation,
                "Validation Failed: 1: application name must not contain dot, but found [a.b];"
                        + "2: application name must not start with underscore, but found [_x];");
        assertElasticsearchError(CALLS.update(OPS, "PUT", alice, "", j("{'data':{'a':1},'foo':1}")), 400,
                "x_content_parse_exception", "[1:17] [update_profile_data_request_payload] unknown field [foo]");
        assertElasticsearchError(CALLS.as(OPS, "POST", PROFILE + alice + "/_data").send(), 400, "parse_exception",
                "request body is required");
        assertElasticsearchError(CALLS.update(OPS, "PUT", alice, "?refresh=soon", j("{'data':{'a':1}}")), 400,
                "illegal_argument_exception", "Unknown value for refresh: [soon].");
        assertElasticsearchError(CALLS.update(OPS, "PUT", alice, "?foo=1&bar=2", j("{'data':{'a':1}}")), 400,
                "illegal_argument_exception", "request [/_security/profile/" + alice + "/_data] contains unrecognized parameters: [bar], [foo]");
        assertElasticsearchError(CALLS.update(OPS, "PUT", alice, "", "{\"data\":"), 400, "x_content_parse_exception",
                "Invalid request payload JSON format");
        assertThat(CALLS.profile(OPS, alice, "*")).isEqualTo(before);
    }

    @Test
    void activationAuthenticatesUsersOnlyAndValidatesTheGrant() {
        assertElasticsearchError(CALLS.as(OPS, "POST", PROFILE + "_activate").json(j("{'grant_type':'password','username':'alice',"
                + "'password':'wrong'}")).send(), 401, "security_exception",
                "unable to authenticate user [alice] for action [cluster:admin/xpack/security/profile/activate]");
        String apiKey = APP_WRITER.substring("ApiKey ".length());
        assertElasticsearchError(CALLS.as(OPS, "POST", PROFILE + "_activate").json(j("{'grant_type':'access_token',"
                + "'access_token':'" + apiKey + "'}")).send(), 400, "illegal_argument_exception",
                "profile is supported for user only, but subject is a [api_key]");
        assertElasticsearchError(CALLS.as(OPS, "POST", PROFILE + "_activate").json(j("{'username':'alice'}")).send(), 400,
                "action_request_validation_exception", "Validation Failed: 1: [grant_type] is required;");
    }

    @Test
    void elasticsearchConventionsNotKibanas() {
        Answer noCredentials = server.client().request("GET", PROFILE + alice).send();
        assertElasticsearchError(noCredentials, 401, "security_exception",
                "missing authentication credentials for REST request [/_security/profile/" + alice + "]");
        assertThat(noCredentials.header("WWW-Authenticate")).isNotNull();
        Answer withSpace = CALLS.as(OPS, "GET", "/s/team-a" + PROFILE + alice).send();
        assertThat(withSpace.status()).as("no spaces in Elasticsearch's API").isEqualTo(404);
        assertThat(CALLS.update(OPS, "POST", alice, "", j("{'data':{'conv':{'a':1}}}")).status()).as("no kbn-xsrf needed").isEqualTo(200);
        assertThat(CALLS.get(OPS, alice, "").header("elastic-api-version")).isNull();
        Answer text = CALLS.as(OPS, "POST", PROFILE + alice + "/_data").header("Content-Type", "text/plain").bytes("x".getBytes()).send();
        assertElasticsearchError(text, 415, "media_type_header_exception", "Unsupported Media Type");
    }

    @Test
    void concurrentUpdatesOfOneProfileLoseNothing() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
            for (int writer = 0; writer < 4; writer++) {
                for (int i = 0; i < 5; i++) {
                    String body = j("{'data':{'race" + writer + "':{'k" + i + "':" + i + "}}}");
                    statuses.add(pool.submit(() -> CALLS.update(OPS, "POST", alice, "", body).status()));
                }
            }
            for (java.util.concurrent.Future<Integer> status : statuses) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        JsonNode data = CALLS.profile(OPS, alice, "race*").path("data");
        for (int writer = 0; writer < 4; writer++) {
            assertThat(data.path("race" + writer)).isEqualTo(node("{'k0':0,'k1':1,'k2':2,'k3':3,'k4':4}"));
        }
    }

    @Test
    void profilesSurviveARestart() {
        CALLS.updated(OPS, alice, j("{'labels':{'durable':{'t':['a']}},'data':{'durable':{'k':{'n':null}}}}"));
        JsonNode before = CALLS.profile(OPS, alice, "*");
        server.stop();
        server.start();
        assertThat(CALLS.profile(OPS, alice, "*")).isEqualTo(before);
        assertThat(CALLS.activatedUid(OPS, ALICE)).isEqualTo(alice);
    }
}
