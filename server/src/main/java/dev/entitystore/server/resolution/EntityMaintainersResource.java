package dev.entitystore.server.resolution;

import dev.entitystore.api.EntityMaintainersApi;
import dev.entitystore.api.model.MaintainerRunResponse;
import dev.entitystore.api.model.ResolutionRunSummary;
import dev.entitystore.domain.resolution.automation.AutomatedResolution;
import dev.entitystore.domain.resolution.automation.RunSummary;
import dev.entitystore.server.error.HttpErrorException;
import dev.entitystore.server.http.SpaceScopedResource;
import jakarta.ws.rs.core.Response;

/** Kibana's internal "run a maintainer now", for the one maintainer here: the automated resolution. */
public final class EntityMaintainersResource extends SpaceScopedResource implements EntityMaintainersApi {
    public static final String AUTOMATED_RESOLUTION = "automated-resolution";

    private final AutomatedResolution automatedResolution;

    public EntityMaintainersResource(AutomatedResolution automatedResolution) {
        this.automatedResolution = automatedResolution;
    }

    @Override
    public Response runEntityMaintainer(String id, String kbnXsrf) {
        if (!AUTOMATED_RESOLUTION.equals(id)) {
            throw HttpErrorException.badRequest("[request params]: id: Entity maintainer not found");
        }
        RunSummary run = automatedResolution.run(space());
        return Response.ok(new MaintainerRunResponse().ok(true).summary(new ResolutionRunSummary().rules(run.rules())
                .groups(run.groups()).linked(run.linked()).keptUnlinked(run.keptUnlinked())
                .conflicts(run.conflicts()).tooLarge(run.tooLarge()))).build();
    }
}
