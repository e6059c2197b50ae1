package dev.entitystore.domain.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Kibana's exact texts for create, update, bulk and delete failures and the v1 upsert. */
class EntityErrorsTest {

    @Test
    void notFoundNamesTheEuid() {
        assertThat(EntityErrors.notFound("does-not-exist")).hasMessage("Entity ID 'does-not-exist' not found");
    }

    @Test
    void alreadyExistsNamesTheEuid() {
        assertThat(EntityErrors.alreadyExists("host:web-01")).hasMessage("Entity ID 'host:web-01' already exists");
    }

    @Test
    void notInstalledTellsHowToInstall() {
        assertThat(EntityErrors.notInstalled()).hasMessage("Entity Store is not installed. Install it via POST "
                + "/api/security/entity_store/install or from the Security Entity Store page, then retry.");
    }

    @Test
    void engineNotRunningNamesTheType() {
        assertThat(EntityErrors.engineNotRunning("host")).hasMessage("Entity Engine 'host' is not running");
    }
}
