package dev.entitystore.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.entitystore.domain.backup.StoreBackup;
import dev.entitystore.domain.engine.EngineManager;
import dev.entitystore.server.backup.BackupResource;
import dev.entitystore.server.docs.ApiDocsResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import dev.entitystore.domain.health.ServiceHealth;
import dev.entitystore.domain.history.EntityHistory;
import dev.entitystore.domain.engine.HistoryRetention;
import dev.entitystore.domain.engine.HistorySnapshots;
import dev.entitystore.domain.history.ChangeFollower;
import dev.entitystore.domain.history.HistoryReader;
import dev.entitystore.server.history.ChangeFeedResource;
import dev.entitystore.server.history.WriteContextFilter;
import dev.entitystore.domain.engine.legacy.LegacyEngineLifecycle;
import dev.entitystore.domain.list.EntityListing;
import dev.entitystore.domain.exceptionlist.EndpointList;
import dev.entitystore.domain.exceptionlist.EndpointListItems;
import dev.entitystore.domain.exceptionlist.ExceptionListStore;
import dev.entitystore.domain.exceptionlist.ItemSearch;
import dev.entitystore.domain.exceptionlist.ListClock;
import dev.entitystore.domain.profile.ProfileStore;
import dev.entitystore.server.exceptionlist.EndpointListResource;
import java.util.UUID;
import java.util.function.Supplier;
import dev.entitystore.domain.profile.UserProfiles;
import dev.entitystore.domain.read.EntityReader;
import dev.entitystore.domain.search.EntitySearch;
import dev.entitystore.domain.store.EntityStore;
import dev.entitystore.domain.write.EntityWrites;
import dev.entitystore.domain.write.LegacyEntityWrites;
import java.time.Clock;
import dev.entitystore.server.auth.AccessControl;
import dev.entitystore.server.auth.HasPrivilegesResource;
import dev.entitystore.server.auth.PrivilegesResource;
import java.time.Duration;
import dev.entitystore.server.contract.ContractResource;
import dev.entitystore.server.transfer.EntityTransferResource;
import dev.entitystore.server.transfer.ImportJobsShutdown;
import dev.entitystore.domain.transfer.EntityExport;
import dev.entitystore.domain.transfer.ImportJobs;
import dev.entitystore.server.criticality.AssetCriticalityResource;
import dev.entitystore.domain.criticality.AssetCriticality;
import dev.entitystore.domain.criticality.MatchingCsvUpload;
import dev.entitystore.server.error.ConstraintViolationExceptionMapper;
import dev.entitystore.server.error.DomainExceptionMapper;
import dev.entitystore.server.error.ElasticsearchDialectFilter;
import dev.entitystore.server.error.JsonProcessingExceptionMapper;
import dev.entitystore.server.error.NumberOutOfRangeExceptionMapper;
import dev.entitystore.server.error.ParamExceptionMapper;
import dev.entitystore.server.error.UnexpectedExceptionMapper;
import dev.entitystore.server.error.WebApplicationExceptionMapper;
import dev.entitystore.server.http.ApiVersionFilter;
import dev.entitystore.server.http.BodyLimitFilter;
import dev.entitystore.server.http.BulkItemLimit;
import dev.entitystore.server.http.QueueWaitShedding;
import dev.entitystore.server.http.QueryStringLimitFilter;
import dev.entitystore.server.http.SpacePrefixFilter;
import dev.entitystore.server.http.StrictQueryFilter;
import dev.entitystore.server.http.WildcardContentTypeFilter;
import dev.entitystore.server.http.XsrfFilter;
import dev.entitystore.server.json.ObjectMapperFactory;
import dev.entitystore.server.observe.Observability;
import dev.entitystore.server.json.ObjectMapperProvider;
import dev.entitystore.server.json.ClearedSettings;
import dev.entitystore.server.json.ValidationConfigProvider;
import dev.entitystore.server.profile.RecordedBody;
import dev.entitystore.server.profile.UserProfilesResource;
import dev.entitystore.server.resolution.EntityMaintainersResource;
import dev.entitystore.server.resolution.ResolutionResource;
import dev.entitystore.server.schedule.ScheduledJob;
import dev.entitystore.server.v2.HistorySnapshotsResource;
import dev.entitystore.server.schedule.ScheduledJobs;
import dev.entitystore.server.idempotency.IdempotencyFilter;
import dev.entitystore.server.idempotency.IdempotentRoutes;
import dev.entitystore.domain.idempotency.IdempotencyStore;
import dev.entitystore.domain.idempotency.IdempotentRequests;
import dev.entitystore.domain.resolution.automation.AutomatedResolution;
import dev.entitystore.domain.resolution.automation.GiveWay;
import dev.entitystore.domain.resolution.rule.ResolutionRules;
import dev.entitystore.server.relationship.RelationshipsResource;
import dev.entitystore.domain.relationship.EntityRelationships;
import dev.entitystore.domain.resolution.EntityResolution;
import dev.entitystore.server.status.StatusResource;
import dev.entitystore.server.v1.EnginesV1Resource;
import dev.entitystore.server.v1.EntitiesV1Resource;
import dev.entitystore.server.v2.EnginesV2Resource;
import dev.entitystore.server.v2.EntitiesV2Resource;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.media.multipart.MultiPartFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** The one place that says what the application is made of; {@code Main} and the tests both use it. */
public final class ApplicationFactory {
    /** The application property holding its {@link ChangeFollower}, closed first when the server stops. */
    static final String BACKGROUND_WORK = "entitystore.backgroundWork";
    /** Long polls and event streams each hold one of the 64 worker threads while they wait: a quarter at most. */
    private static final int MAX_WAITING_FOLLOWERS = 16;
    /** Expired keys are never answered (their claim is replaced); pruning only bounds the space they take. */
    private static final Duration IDEMPOTENCY_PRUNING = Duration.ofHours(1);
    /** Snapshots are due at most hourly (their shortest frequency): checking every 5 minutes takes each on time enough. */
    private static final Duration HISTORY_SNAPSHOT_CHECKS = Duration.ofMinutes(5);
    /** Retention counts in days: an hourly prune keeps each space within an hour of its limits. */
    private static final Duration HISTORY_PRUNING = Duration.ofHours(1);
    /** How often a scheduled resolution run that gives way to an import asks whether the import has ended. */
    private static final Duration IMPORT_CHECKS = Duration.ofSeconds(1);

    private ApplicationFactory() {}

    public static ResourceConfig create(ServerConfig config, EntityStore store, EntityHistory history, EntitySearch search,
                                        ProfileStore profiles, ExceptionListStore exceptionLists, IdempotencyStore idempotency,
                                        ServiceHealth health) {
        return create(config, store, history, search, profiles, exceptionLists, idempotency, health,
                AccessControl.from(config.security()),
                new Observability(config.logging().accessLog()), Optional.empty());
    }

    public static ResourceConfig create(ServerConfig config, EntityStore store, EntityHistory history, EntitySearch search,
                                        ProfileStore profiles, ExceptionListStore exceptionLists, IdempotencyStore idempotency,
                                        ServiceHealth health, AccessControl access, Observability observability,
                                        Optional<StoreBackup> backup) {
        ObjectMapper mapper = ObjectMapperFactory.create();
        ResourceConfig app = new ResourceConfig();

        // JSON and validation
        app.register(new ObjectMapperProvider(mapper));
        app.register(new ClearedSettings(mapper));
        app.register(JacksonFeature.withoutExceptionMappers());
        app.register(MultiPartFeature.class); // the CSV uploads' multipart/form-data
        app.property(ServerProperties.BV_SEND_ERROR_IN_RESPONSE, true);
        app.register(new ValidationConfigProvider());
        app.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        // Error answers are ours (JSON); never let the container swap in an HTML error page.
        app.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);

        // Request id, access and audit logs, metrics: first in, last out.
        observability.register(app);

        // Kibana's request conventions, in Kibana's order: request target limits, space prefix, body limit,
        // authentication, xsrf, route privileges, version, query (each filter's @Priority sets its place).
        app.register(QueryStringLimitFilter.class);
        app.register(new QueueWaitShedding(config.limits().maxQueueWaitMillis()));
        app.register(SpacePrefixFilter.class);
        app.register(new BodyLimitFilter(config.maxBodyBytes(), config.limits().maxImportBytes(),
                Duration.ofSeconds(config.limits().clientTimeoutSeconds())));
        access.register(app);
        app.register(XsrfFilter.class);
        app.register(WildcardContentTypeFilter.class);
        app.register(ApiVersionFilter.class);
        app.register(StrictQueryFilter.class);
        // Every write made for a request records its actor and route.
        app.register(WriteContextFilter.class);
        // Idempotency-Key on the routes whose contract declares it; expired keys pruned every hour.
        IdempotentRequests idempotentRequests = new IdempotentRequests(idempotency,
                Duration.ofSeconds(config.limits().idempotencyWindowSeconds()), Clock.systemUTC());
        app.register(new IdempotentRoutes(new IdempotencyFilter(idempotentRequests, mapper)));
        ScheduledJob keyPruning = new ScheduledJob("idempotency-key-pruning", idempotentRequests::prune,
                IDEMPOTENCY_PRUNING, IDEMPOTENCY_PRUNING);

        // Failures to Kibana's error body, one mapper per family.
        app.register(DomainExceptionMapper.class);
        app.register(WebApplicationExceptionMapper.class);
        app.register(ParamExceptionMapper.class);
        app.register(JsonProcessingExceptionMapper.class);
        app.register(NumberOutOfRangeExceptionMapper.class);
        app.register(ConstraintViolationExceptionMapper.class);
        app.register(UnexpectedExceptionMapper.class);
        // ...except on Elasticsearch's routes, which answer in Elasticsearch's body.
        app.register(ElasticsearchDialectFilter.class);

        // Routes
        app.register(new StatusResource(BuildInfo.version(), health));
        app.register(new ContractResource());
        app.register(new BackupResource(backup, config.backupDir()));
        app.register(new ApiDocsResource(BuildInfo.swaggerUiVersion()));
        Clock clock = Clock.systemUTC();
        EngineManager engines = new EngineManager(store, clock);
        EntityListing listing = new EntityListing(search, engines);
        BulkItemLimit bulkLimit = new BulkItemLimit(config.limits().maxBulkItems());
        app.register(new EntitiesV2Resource(new EntityWrites(store, engines, clock), new EntityReader(store), listing,
                bulkLimit, new HistoryReader(store, history)));
        ChangeFollower follower = new ChangeFollower(history, MAX_WAITING_FOLLOWERS);
        app.register(new ChangeFeedResource(follower));
        HistoryRetention retention = new HistoryRetention(engines, store, history, clock);
        app.register(new EnginesV2Resource(engines, retention, mapper));
        HistorySnapshots historySnapshots = new HistorySnapshots(engines, store, search, clock);
        app.register(new HistorySnapshotsResource(historySnapshots, retention, engines));
        app.register(new PrivilegesResource(access.checksCredentials()));
        app.register(new HasPrivilegesResource(access.checksCredentials()));
        app.register(new RelationshipsResource(new EntityRelationships(store, history)));
        EntityResolution resolution = new EntityResolution(store, search, engines);
        ResolutionRules resolutionRules = new ResolutionRules(store);
        app.register(new ResolutionResource(resolution, resolutionRules));
        ImportJobs importJobs = new ImportJobs(store, engines, clock);
        // A scheduled run waits while an import runs: both want the store's writer, and the import is awaited.
        AutomatedResolution automatedResolution = new AutomatedResolution(store, search, history, engines,
                resolutionRules, resolution, new GiveWay(importJobs::busy, IMPORT_CHECKS));
        Optional<ScheduledJob> schedule = config.resolutionScheduled()
                ? Optional.of(ScheduledJob.every("automated-resolution", automatedResolution::runEverySpace,
                        config.resolutionInterval()))
                : Optional.empty();
        List<ScheduledJob> jobs = new ArrayList<>(List.of(keyPruning,
                ScheduledJob.every("history-snapshots", historySnapshots::takeDue, HISTORY_SNAPSHOT_CHECKS),
                ScheduledJob.every("history-retention", retention::pruneEverySpace, HISTORY_PRUNING)));
        schedule.ifPresent(jobs::add);
        ScheduledJobs schedules = new ScheduledJobs(jobs);
        app.register(schedules);
        // A stopping server ends waiting followers rather than waiting out their polls and streams, and stops the
        // schedules itself: Grizzly's shutdown does not reach Jersey's lifecycle listeners here, and a schedule left
        // running would go on against a closed store.
        app.property(BACKGROUND_WORK, (AutoCloseable) () -> {
            try {
                schedules.stop();
            } finally {
                follower.close();
            }
        });
        app.register(new EntityMaintainersResource(automatedResolution, engines, schedule));
        app.register(new EntitiesV1Resource(new LegacyEntityWrites(store, engines, clock), listing, bulkLimit));
        app.register(new EnginesV1Resource(new LegacyEngineLifecycle(engines), mapper));
        AssetCriticality criticality = new AssetCriticality(store, search, engines, clock);
        app.register(new AssetCriticalityResource(criticality, new MatchingCsvUpload(criticality, search, engines)));
        app.register(new EntityTransferResource(new EntityExport(store, search, engines), importJobs));
        app.register(new ImportJobsShutdown(importJobs));
        app.register(new UserProfilesResource(new UserProfiles(profiles, clock, config.limits().maxProfileBytes()),
                access.profilePrivileges()));
        app.register(RecordedBody.class);
        ListClock listClock = new ListClock(clock);
        Supplier<String> uuids = () -> UUID.randomUUID().toString();
        EndpointList endpointList = new EndpointList(exceptionLists, listClock, uuids);
        app.register(new EndpointListResource(endpointList,
                new EndpointListItems(exceptionLists, endpointList, listClock, uuids),
                new ItemSearch(exceptionLists, endpointList)));
        return app;
    }
}
