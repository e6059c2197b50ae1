package dev.entitystore.server.backup;

import static dev.entitystore.server.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.entitystore.server.RunningServer;
import dev.entitystore.server.TestCredentials;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A backup copies every space: only an admin of every space may take one; without a backup directory, 400. */
class BackupPrivilegesHttpTest {
    private static final TestCredentials CREDENTIALS = TestCredentials.inTempDirectory();
    private static final String SPACE_ADMIN = CREDENTIALS.addUser("team-admin", "--spaces", "default", "--write", "--admin");
    private static final String ADMIN = CREDENTIALS.addUser("ops", "--spaces", "*", "--write", "--admin");

    @RegisterExtension
    static RunningServer server = new RunningServer(CREDENTIALS.environment());

    @Test
    void an_admin_of_one_space_may_not_back_up_them_all() {
        assertError(server.client().request("POST", "/api/entity_store/backup").header("Authorization", SPACE_ADMIN).json("{}")
                .send(), 403, "Forbidden", "API [POST /api/entity_store/backup] is unauthorized for user, this action is"
                + " granted by the Kibana privileges [securitySolution,securitySolution-entity-analytics,"
                + "securitySolution-entity-store-all,"
                + "securitySolution-entity-store-manage]");
    }

    @Test
    void without_a_backup_directory_the_route_says_which_setting_is_missing() {
        assertError(server.client().request("POST", "/api/entity_store/backup").header("Authorization", ADMIN).json("{}")
                .send(), 400, "Bad Request", "No backup directory is configured (ENTITY_STORE_BACKUP_DIR / --backup-dir)");
        assertThat(server.client().get("/api/status").status()).isEqualTo(401);
    }
}
