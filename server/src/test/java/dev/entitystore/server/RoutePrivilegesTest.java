package dev.entitystore.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entitystore.server.auth.KibanaPrivileges;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every route's privileges are decided: a new operation in the contract fails here until it is given some. */
class RoutePrivilegesTest {
    @Test
    void privilegeTableNamesExactlyTheContractsOperations() {
        Set<String> declared = new TreeSet<>();
        ContractOperations.ALL.forEach(op -> declared.add(op.operationId()));
        assertThat(KibanaPrivileges.operations()).isEqualTo(declared);
    }

    @Test
    void writesNeedTheWritePrivilegeAndEngineManagementTheManagePrivilege() {
        for (ContractOperations.Declared op : ContractOperations.ALL) {
            if (KibanaPrivileges.isDecidedByRoute(op.operationId())) {
                assertThat(op.template()).as(op.operationId()).startsWith("/_security/profile");
                continue;
            }
            if (op.template().startsWith("/api/endpoint_list")) {
                // Kibana's exception-list privileges: lists-read to read, lists-all to change
                assertThat(KibanaPrivileges.requiredFor(op.operationId())).as(op.operationId()).containsExactly(
                        "GET".equals(op.method()) ? KibanaPrivileges.LISTS_READ : KibanaPrivileges.LISTS_ALL);
                continue;
            }
            if (KibanaPrivileges.isUnscoped(op.operationId())) {
                assertThat(op.template()).as(op.operationId()).doesNotContain("/entity_store/entities").doesNotContain("engines");
                continue;
            }
            // Resolution changes entities (links), and needs entity-analytics as in Kibana.
            boolean resolution = op.template().startsWith("/api/security/entity_store/resolution/")
                    || op.template().contains("/entity_maintainers"); // the one maintainer here links entities
            boolean entityData = resolution || op.template().contains("/entities") || op.template().contains("asset_criticality")
                    || op.template().contains("/_import") || op.template().contains("/_export");
            boolean engines = op.template().contains("/engines") || !entityData;
            boolean changes = !"GET".equals(op.method());
            assertThat(KibanaPrivileges.requiredFor(op.operationId()).contains(KibanaPrivileges.ENTITY_STORE_ALL))
                    .as(op.operationId()).isEqualTo(changes);
            assertThat(KibanaPrivileges.requiredFor(op.operationId()).contains(KibanaPrivileges.ENTITY_STORE_MANAGE))
                    .as(op.operationId()).isEqualTo(changes && engines);
            assertThat(KibanaPrivileges.requiredFor(op.operationId()).contains(KibanaPrivileges.ENTITY_ANALYTICS))
                    .as(op.operationId()).isEqualTo(op.template().startsWith("/api/entity_store/") || resolution
                            || op.template().contains("/asset_criticality"));
        }
    }

    @Test
    void anUnknownOperationNeedsEveryPrivilege() {
        assertThat(KibanaPrivileges.requiredFor("somethingNew")).contains(KibanaPrivileges.ENTITY_STORE_MANAGE);
    }
}
