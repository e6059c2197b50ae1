package dev.entitystore.server;

import static dev.entitystore.server.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.entitystore.server.HttpClientForTests.Answer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A server with a credentials file: who gets in (401 otherwise, Kibana's body), what each credential may
 * do in which space (403 otherwise, Kibana's exact text), in Kibana's order of checks, and that a
 * refused request changes nothing.
 */
class AuthHttpTest {
    private static final String V2 = "/api/security/entity_store";
    private static final TestCredentials CREDENTIALS = TestCredentials.inTempDirectory();
    /** Writes entities in default and team-a, manages no engine. */
    private static final String WRITER = CREDENTIALS.addKey("writer", "--spaces", "default,team-a", "--write");
    /** Reads default only. */
    private static final String READER = CREDENTIALS.addKey("reader", "--spaces", "default", "--read-only");
    /** A user who manages engines everywhere. */
    private static final String ADMIN = CREDENTIALS.addUser("ops", "--spaces", "*", "--write", "--admin");

    @RegisterExtension
    static RunningServer server = new RunningServer(CREDENTIALS.environment());

    private static final String UPDATE = "{\"entity\":{\"id\":\"host:web-01\",\"attributes\":{\"watchlists\":[\"changed\"]}}}";

    @BeforeAll
    static void installAndCreateOneHost() {
        assertThat(as(ADMIN, "POST", V2 + "/install").json("{}").send().status()).isEqualTo(201);
        assertThat(as(WRITER, "POST", V2 + "/entities/host").json("{\"host\":{\"name\":\"web-01\"}}").send().status())
                .isEqualTo(200);
    }

    private static HttpClientForTests.Request as(String authorization, String method, String path) {
        return server.client().request(method, path).header("Authorization", authorization);
    }

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    private static String storedHost() {
        Answer answer = as(READER, "GET", V2 + "/entities/host/host:web-01").send();
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.body();
    }

    @Nested
    class Authentication {
        @Test
        void requestWithoutCredentialsIsUnauthorizedWithKibanasBody() {
            Answer answer = server.client().get(V2 + "/status");
            assertError(answer, 401, "Unauthorized", "Unauthorized");
            assertThat(answer.headers().get("www-authenticate")).anyMatch(v -> v.startsWith("Basic realm="))
                    .contains("ApiKey");
        }

        @Test
        void statusNeedsCredentialsLikeKibanasByDefault() {
            assertError(server.client().get("/api/status"), 401, "Unauthorized", "Unauthorized");
            assertThat(as(READER, "GET", "/api/status").send().status()).isEqualTo(200);
        }

        @Test
        void keyPrintedByAddKeyAuthenticates() {
            assertThat(as(READER, "GET", V2 + "/status").send().status()).isEqualTo(200);
        }

        @Test
        void passwordPrintedByAddUserAuthenticates() {
            assertThat(as(ADMIN, "GET", V2 + "/status").send().status()).isEqualTo(200);
        }

        @Test
        void schemesAreCaseInsensitiveAsInHttp() {
            assertThat(as(READER.replace("ApiKey", "apikey"), "GET", V2 + "/status").send().status()).isEqualTo(200);
        }

        @Test
        void wrongApiKeySecretIsUnauthorized() {
            String encoded = READER.substring("ApiKey ".length());
            String id = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8).split(":")[0];
            String wrong = "ApiKey " + Base64.getEncoder().encodeToString((id + ":not-the-key").getBytes(StandardCharsets.UTF_8));
            assertRejected(wrong);
        }

        @Test
        void unknownApiKeyIdIsUnauthorized() {
            assertRejected("ApiKey " + Base64.getEncoder().encodeToString("no-such-id:whatever".getBytes(StandardCharsets.UTF_8)));
        }

        @Test
        void wrongPasswordAndUnknownUserAreUnauthorized() {
            assertRejected(basic("ops:wrong-password"));
            assertRejected(basic("nobody:wrong-password"));
        }

        @Test
        void malformedCredentialsAreUnauthorized() {
            assertRejected("ApiKey %%%not-base64%%%");
            assertRejected("Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes(StandardCharsets.UTF_8)));
            assertRejected("Basic");
            assertRejected("ApiKey " + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, ':', 'x'}));
        }

        @Test
        void unknownSchemeIsUnauthorized() {
            assertRejected("Bearer some-token");
            assertRejected(READER.replace("ApiKey", "Digest"));
        }

        @Test
        void authenticationComesBeforeTheXsrfCheck() {
            Answer answer = server.client().request("POST", V2 + "/entities/host").withoutHeader("kbn-xsrf")
                    .json("{\"host\":{\"name\":\"web-02\"}}").send();
            assertError(answer, 401, "Unauthorized", "Unauthorized");
        }

        @Test
        void unknownRouteIsNotFoundForAnyoneAsKibanasRouterAnswersFirst() {
            assertThat(server.client().get("/api/no/such/route").status()).isEqualTo(404);
        }

        private void assertRejected(String authorization) {
            assertError(as(authorization, "GET", V2 + "/status").send(), 401, "Unauthorized",
                    "unable to authenticate with provided credentials");
        }
    }

    @Nested
    class Authorization {
        @Test
        void spaceOutsideTheGrantIsForbiddenNamingThePathWithoutPrefixAndWithQuery() {
            Answer answer = as(WRITER, "GET", "/s/other/api/security/entity_store/status?include_components=true").send();
            assertError(answer, 403, "Forbidden", "API [GET /api/security/entity_store/status?include_components=true]"
                    + " is unauthorized for user, this action is granted by the Kibana privileges [securitySolution]");
        }

        @Test
        void grantedNamedSpaceIsServed() {
            assertThat(as(WRITER, "GET", "/s/team-a/api/security/entity_store/status").send().status()).isEqualTo(200);
            assertThat(as(ADMIN, "GET", "/s/anywhere/api/security/entity_store/status").send().status()).isEqualTo(200);
        }

        @Test
        void legacyRoutesNeedTheEntityAnalyticsPrivilegeToo() {
            Answer answer = as(READER, "GET", "/s/team-a/api/entity_store/entities/list?entity_types=host").send();
            assertError(answer, 403, "Forbidden", "API [GET /api/entity_store/entities/list?entity_types=host]"
                    + " is unauthorized for user, this action is granted by the Kibana privileges"
                    + " [securitySolution,securitySolution-entity-analytics]");
        }

        @Test
        void readOnlyCredentialCannotWriteAndNothingChanges() {
            String before = storedHost();
            Answer answer = as(READER, "PUT", V2 + "/entities/host?force=true").json(UPDATE).send();
            assertError(answer, 403, "Forbidden", "API [PUT /api/security/entity_store/entities/host?force=true]"
                    + " is unauthorized for user, this action is granted by the Kibana privileges [securitySolution-entity-store-all]");
            assertThat(storedHost()).isEqualTo(before);
        }

        @Test
        void readOnlyCredentialCannotWriteThroughLegacyRoutes() {
            Answer answer = as(READER, "PUT", "/api/entity_store/entities/host").json(UPDATE).send();
            assertError(answer, 403, "Forbidden", "API [PUT /api/entity_store/entities/host] is unauthorized for user,"
                    + " this action is granted by the Kibana privileges [securitySolution-entity-store-all]");
        }

        @Test
        void writerMayNotManageEnginesAndNothingChanges() {
            Answer install = as(WRITER, "POST", "/s/team-a" + V2 + "/install").json("{}").send();
            assertError(install, 403, "Forbidden", "API [POST /api/security/entity_store/install] is unauthorized for user,"
                    + " this action is granted by the Kibana privileges [securitySolution-entity-store-manage]");
            Answer uninstall = as(WRITER, "POST", V2 + "/uninstall").json("{}").send();
            assertThat(uninstall.status()).isEqualTo(403);
            Answer init = as(WRITER, "POST", "/api/entity_store/engines/user/init").json("{}").send();
            assertError(init, 403, "Forbidden", "API [POST /api/entity_store/engines/user/init] is unauthorized for user,"
                    + " this action is granted by the Kibana privileges [securitySolution-entity-store-manage]");

            assertThat(as(WRITER, "GET", "/s/team-a" + V2 + "/status").send().json().path("status").asText())
                    .isEqualTo("not_installed");
            assertThat(storedHost()).contains("host:web-01");
        }

        @Test
        void readerOutsideItsSpaceMissesEveryPrivilegeOfAManagementRoute() {
            Answer answer = as(READER, "PUT", "/s/team-a" + V2 + "/stop").json("{}").send();
            assertError(answer, 403, "Forbidden", "API [PUT /api/security/entity_store/stop] is unauthorized for user,"
                    + " this action is granted by the Kibana privileges"
                    + " [securitySolution,securitySolution-entity-store-all,securitySolution-entity-store-manage]");
        }

        @Test
        void adminManagesEnginesInAnySpace() {
            assertThat(as(ADMIN, "POST", "/s/ops-space" + V2 + "/install").json("{\"entityTypes\":[\"host\"]}").send().status())
                    .isEqualTo(201);
        }

        @Test
        void xsrfIsCheckedBeforePrivilegesAsInKibana() {
            Answer answer = as(READER, "PUT", V2 + "/entities/host").withoutHeader("kbn-xsrf").json(UPDATE).send();
            assertError(answer, 400, "Bad Request", "Request must contain a kbn-xsrf header.");
        }

        @Test
        void privilegesAreCheckedBeforeVersionAndSchema() {
            Answer badBody = as(READER, "PUT", V2 + "/entities/host").json("{\"entity\": not json").send();
            assertThat(badBody.status()).as(badBody.body()).isEqualTo(403);
            Answer badVersion = as(READER, "PUT", V2 + "/entities/host").header("elastic-api-version", "2099-01-01")
                    .json(UPDATE).send();
            assertThat(badVersion.status()).as(badVersion.body()).isEqualTo(403);
            Answer badQuery = as(READER, "PUT", V2 + "/entities/host?unknown=1").json(UPDATE).send();
            assertThat(badQuery.status()).as(badQuery.body()).isEqualTo(403);
        }

        @Test
        void writerWritesInItsSpaces() {
            Answer answer = as(WRITER, "PUT", V2 + "/entities/host").json(
                    "{\"entity\":{\"id\":\"host:web-01\",\"attributes\":{\"watchlists\":[\"by-writer\"]}}}").send();
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        }
    }

    @Nested
    class CredentialStorage {
        @Test
        void fileHoldsOnlySaltedHashesNeverASecret() throws Exception {
            String file = Files.readString(CREDENTIALS.file());
            for (String header : new String[] {WRITER, READER, ADMIN}) {
                String encoded = header.substring(header.indexOf(' ') + 1);
                String secret = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8).split(":", 2)[1];
                assertThat(file).doesNotContain(encoded).doesNotContain(secret);
            }
            assertThat(file).contains("\"hash\" : \"pbkdf2-sha256$600000$");
        }

        @Test
        void removedKeyStopsWorkingWithoutARestart() throws Exception {
            String doomed = CREDENTIALS.addKey("doomed", "--spaces", "default", "--read-only");
            awaitStatus(doomed, 200);
            String id = new String(Base64.getDecoder().decode(doomed.substring("ApiKey ".length())), StandardCharsets.UTF_8)
                    .split(":")[0];
            CREDENTIALS.run("remove", "--id", id, "--file", CREDENTIALS.file().toString());
            awaitStatus(doomed, 401);
        }

        /** The server looks at the file at most once a second. */
        private void awaitStatus(String authorization, int status) throws InterruptedException {
            long deadline = System.nanoTime() + 10_000_000_000L;
            int seen;
            do {
                seen = as(authorization, "GET", V2 + "/status").send().status();
                if (seen == status) {
                    return;
                }
                Thread.sleep(200);
            } while (System.nanoTime() < deadline);
            assertThat(seen).isEqualTo(status);
        }
    }
}
