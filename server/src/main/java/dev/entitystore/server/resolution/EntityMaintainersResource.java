package dev.entitystore.server.resolution;

import dev.entitystore.api.EntityMaintainersApi;
import dev.entitystore.api.model.InitEntityMaintainersRequest;
import dev.entitystore.api.model.MaintainerList;
import dev.entitystore.api.model.MaintainerOkResponse;
import dev.entitystore.api.model.MaintainerRunResponse;
import dev.entitystore.api.model.MaintainerState;
import dev.entitystore.api.model.MaintainerTaskStatus;
import dev.entitystore.api.model.ResolutionRunSummary;
import dev.entitystore.domain.engine.EngineManager;
import dev.entitystore.domain.resolution.automation.AutomatedResolution;
import dev.entitystore.domain.resolution.automation.MaintainerStates;
import dev.entitystore.domain.resolution.automation.RunSummary;
import dev.entitystore.server.error.HttpErrorException;
import dev.entitystore.server.http.SpaceScopedResource;
import dev.entitystore.server.schedule.ScheduledJob;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Kibana's internal maintainer routes (list, init, start, stop, run now) for the one maintainer here, the
 * automated resolution, in the request's space. Starting and stopping decide whether the schedule's runs
 * reach the space; a run asked for here always runs.
 */
public final class EntityMaintainersResource extends SpaceScopedResource implements EntityMaintainersApi {
    public static final String AUTOMATED_RESOLUTION = MaintainerStates.MAINTAINER;
    private static final String DESCRIPTION = "Links the user entities that share a key of an enabled resolution rule"
            + " (an email, a Windows or CrowdStrike SID, an Entra GUID, a UPN), never undoing an analyst's unlink.";

    private final AutomatedResolution automatedResolution;
    private final EngineManager engines;
    /** Empty when the server runs the maintainer only on demand ({@code --resolution-interval off}). */
    private final Optional<ScheduledJob> schedule;

    public EntityMaintainersResource(AutomatedResolution automatedResolution, EngineManager engines,
                                     Optional<ScheduledJob> schedule) {
        this.automatedResolution = automatedResolution;
        this.engines = engines;
        this.schedule = schedule;
    }

    @Override
    public Response listEntityMaintainers(String ids) {
        List<MaintainerState> maintainers = new ArrayList<>();
        boolean asked = ids == null || ids.isBlank()
                || Arrays.stream(ids.split(",")).map(String::strip).anyMatch(AUTOMATED_RESOLUTION::equals);
        if (asked) {
            maintainers.add(state(space()));
        }
        return Response.ok(new MaintainerList().maintainers(maintainers)).build();
    }

    @Override
    public Response initEntityMaintainers(String kbnXsrf, InitEntityMaintainersRequest body) {
        String space = space();
        if (!engines.isInstalled(space)) {
            throw HttpErrorException.badRequest(
                    "Entity store is not installed. Install the entity store first, then initialize entity maintainers.");
        }
        automatedResolution.states().setStarted(space, body == null || !Boolean.FALSE.equals(body.getAutoStart()));
        return ok();
    }

    @Override
    public Response startEntityMaintainer(String id, String kbnXsrf) {
        requireKnown(id);
        automatedResolution.states().setStarted(space(), true);
        return ok();
    }

    @Override
    public Response stopEntityMaintainer(String id, String kbnXsrf) {
        requireKnown(id);
        automatedResolution.states().setStarted(space(), false);
        return ok();
    }

    @Override
    public Response runEntityMaintainer(String id, String kbnXsrf) {
        requireKnown(id);
        RunSummary run = automatedResolution.run(space());
        return Response.ok(new MaintainerRunResponse().ok(true).summary(new ResolutionRunSummary().rules(run.rules())
                .groups(run.groups()).linked(run.linked()).keptUnlinked(run.keptUnlinked())
                .conflicts(run.conflicts()).tooLarge(run.tooLarge()))).build();
    }

    private MaintainerState state(String space) {
        MaintainerStates states = automatedResolution.states();
        MaintainerTaskStatus status = !engines.isInstalled(space) ? MaintainerTaskStatus.NEVER_STARTED
                : states.stopped(space) ? MaintainerTaskStatus.STOPPED : MaintainerTaskStatus.STARTED;
        MaintainerStates.Runs runs = states.runs(space);
        String nextRun = status != MaintainerTaskStatus.STARTED ? null
                : schedule.flatMap(ScheduledJob::nextRun).map(Object::toString).orElse(null);
        return new MaintainerState().id(AUTOMATED_RESOLUTION).taskStatus(status)
                .interval(schedule.map(s -> interval(s.interval())).orElse("off")).description(DESCRIPTION)
                .nextRunAt(nextRun).minLicense("basic").customState(null).runs(runs.count())
                .lastSuccessTimestamp(runs.lastSuccess()).lastErrorTimestamp(runs.lastError());
    }

    /** As the setting is written: {@code 24h}, {@code 90m}, {@code 30s}. */
    static String interval(Duration interval) {
        long seconds = interval.toSeconds();
        return seconds % 3600 == 0 ? seconds / 3600 + "h" : seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }

    private static void requireKnown(String id) {
        if (!AUTOMATED_RESOLUTION.equals(id)) {
            throw HttpErrorException.badRequest("[request params]: id: Entity maintainer not found");
        }
    }

    private static Response ok() {
        return Response.ok(new MaintainerOkResponse().ok(true)).build();
    }
}
