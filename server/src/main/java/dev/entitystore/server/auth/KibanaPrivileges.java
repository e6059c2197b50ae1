package dev.entitystore.server.auth;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Kibana privileges each route requires, named as Kibana names its API privileges: v2 routes need
 * {@code securitySolution}, legacy v1 routes also {@code securitySolution-entity-analytics} (as in Kibana);
 * writes and engine management add ours, {@code securitySolution-entity-store-all} and
 * {@code securitySolution-entity-store-manage}, following Kibana's {@code <feature>-all} naming. The endpoint
 * exception list's routes need Kibana's own {@code lists-read} (read, find) or {@code lists-all}. The Asset
 * Criticality routes need Kibana's two ({@code securitySolution}, {@code securitySolution-entity-analytics}),
 * and their writes ours for entity writes, since they write entity records. Keyed by the operation (the
 * resource method's name, which is the contract's operationId).
 */
public final class KibanaPrivileges {
    public static final String SECURITY_SOLUTION = "securitySolution";
    public static final String ENTITY_ANALYTICS = "securitySolution-entity-analytics";
    public static final String ENTITY_STORE_ALL = "securitySolution-entity-store-all";
    public static final String ENTITY_STORE_MANAGE = "securitySolution-entity-store-manage";
    /** Kibana's exception-list privileges (the endpoint list's routes require them as Kibana's do). */
    public static final String LISTS_READ = "lists-read";
    public static final String LISTS_ALL = "lists-all";

    /** Routes outside any space's data: any authenticated caller may use them. */
    private static final Set<String> UNSCOPED = Set.of("getStatus", "getOpenApiYaml", "getOpenApiJson", "getMetrics",
            "getApiDocs", "getApiDocsAsset",
            // A caller may always ask what it may do (the answer reads only its own credential).
            "checkEntityStorePrivileges", "checkEntityStorePrivilegesInternal",
            // Elasticsearch's privileges check of the caller itself, likewise.
            "hasPrivileges", "hasPrivilegesPost", "hasPrivilegesOfUser", "hasPrivilegesOfUserPost");
    /** Elasticsearch's user-profile routes: they check Elasticsearch's privileges themselves ({@link ProfilePrivileges}). */
    private static final Set<String> DECIDED_BY_ROUTE = Set.of("activateUserProfile", "getUserProfiles",
            "suggestUserProfiles", "suggestUserProfilesPost", "updateUserProfileData", "updateUserProfileDataPost", "enableUserProfile", "enableUserProfilePost",
            "disableUserProfile", "disableUserProfilePost", "hasPrivilegesOfProfiles", "hasPrivilegesOfProfilesPost");

    private static final List<String> V2_READ = List.of(SECURITY_SOLUTION);
    private static final List<String> V2_WRITE = List.of(SECURITY_SOLUTION, ENTITY_STORE_ALL);
    private static final List<String> V2_MANAGE = List.of(SECURITY_SOLUTION, ENTITY_STORE_ALL, ENTITY_STORE_MANAGE);
    private static final List<String> V1_READ = List.of(SECURITY_SOLUTION, ENTITY_ANALYTICS);
    private static final List<String> V1_WRITE = List.of(SECURITY_SOLUTION, ENTITY_ANALYTICS, ENTITY_STORE_ALL);
    private static final List<String> V1_MANAGE =
            List.of(SECURITY_SOLUTION, ENTITY_ANALYTICS, ENTITY_STORE_ALL, ENTITY_STORE_MANAGE);
    /** Kibana's resolution routes add securitySolution-entity-analytics to the default set, as v1 did. */
    private static final List<String> RESOLUTION_READ = V1_READ;
    private static final List<String> RESOLUTION_WRITE = V1_WRITE;

    private static final Map<String, List<String>> REQUIRED = new HashMap<>();

    static {
        route(V2_READ, "getEntityStoreStatus", "listEntities", "getEntity", "listEntityRelationships", "getEntityHistory",
                "followEntityChanges");
        route(V2_WRITE, "createEntity", "updateEntity", "bulkUpdateEntities", "deleteEntity");
        route(V2_MANAGE, "installEntityStore", "installEntityStoreByType", "uninstallEntityStore",
                "uninstallEntityStoreByType", "deleteEntityStoreByType", "startEntityStore", "stopEntityStore", "updateEntityStore",
                "updateEntityStoreByType", "enableHistorySnapshot", "disableHistorySnapshot",
                "forceHistorySnapshot", "updateHistorySnapshotCadence", "pruneEntityHistory");
        route(RESOLUTION_READ, "getResolutionGroup", "listResolutionRules", "listEntityMaintainers");
        route(RESOLUTION_WRITE, "linkEntities", "unlinkEntities", "enableResolutionRule", "disableResolutionRule",
                // The one maintainer here links entities: the resolution routes' write privileges.
                "runEntityMaintainer", "initEntityMaintainers", "startEntityMaintainer", "stopEntityMaintainer");
        route(List.of(LISTS_READ), "readEndpointListItem", "findEndpointListItems");
        route(List.of(LISTS_ALL), "createEndpointList", "createEndpointListItem", "updateEndpointListItem",
                "deleteEndpointListItem");
        route(V1_READ, "v1GetEntityStoreStatus", "v1GetEngine", "v1ListEngines", "v1ListEntities");
        route(V1_WRITE, "v1UpsertEntity", "v1DeleteEntity", "v1BulkUpsertEntities", "v1BulkUpsertEntitiesPost");
        route(V1_READ, "getAssetCriticalityRecord", "findAssetCriticalityRecords", "getAssetCriticalityStatus");
        route(V1_WRITE, "createAssetCriticalityRecord", "deleteAssetCriticalityRecord", "bulkUpsertAssetCriticalityRecords",
                "uploadAssetCriticalityRecords", "uploadAssetCriticalityCsvV2");
        route(V2_READ, "exportEntities", "getImportJob");
        route(V2_WRITE, "importEntities");
        route(V1_MANAGE, "v1EnableEntityStore", "v1InitEngine", "v1StartEngine", "v1StopEngine",
                "v1ApplyDataviewIndices", "v1DeleteEngine", "v1DeleteEngines", "backupEntityStore");
    }

    private KibanaPrivileges() {}

    private static void route(List<String> privileges, String... operations) {
        for (String operation : operations) {
            REQUIRED.put(operation, privileges);
        }
    }

    /** Routes over every space at once (a backup copies them all): the privileges must be held in every space. */
    private static final Set<String> WHOLE_STORE = Set.of("backupEntityStore");

    public static boolean isWholeStore(String operation) {
        return WHOLE_STORE.contains(operation);
    }

    public static boolean isUnscoped(String operation) {
        return UNSCOPED.contains(operation);
    }

    /** Operations whose privileges are not Kibana's: the route decides, after reading the request. */
    public static boolean isDecidedByRoute(String operation) {
        return DECIDED_BY_ROUTE.contains(operation);
    }

    /** Every operation the table names (a test holds it equal to the contract's operations). */
    public static Set<String> operations() {
        Set<String> all = new java.util.TreeSet<>(UNSCOPED);
        all.addAll(DECIDED_BY_ROUTE);
        all.addAll(REQUIRED.keySet());
        return all;
    }

    /**
     * The Kibana privileges an operation needs, in the order the 403 lists them; an unknown one needs them all
     * (fail closed). None for the routes that decide themselves: theirs are Elasticsearch's, not Kibana's.
     */
    public static List<String> requiredFor(String operation) {
        if (UNSCOPED.contains(operation) || DECIDED_BY_ROUTE.contains(operation)) {
            return List.of();
        }
        return REQUIRED.getOrDefault(operation, V1_MANAGE);
    }
}
