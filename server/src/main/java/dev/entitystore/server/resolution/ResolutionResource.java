package dev.entitystore.server.resolution;

import dev.entitystore.api.ResolutionApi;
import dev.entitystore.api.model.LinkEntitiesRequest;
import dev.entitystore.api.model.LinkEntitiesResponse;
import dev.entitystore.api.model.LinkRefusal;
import dev.entitystore.api.model.ResolutionGroupResponse;
import dev.entitystore.api.model.ResolutionRule;
import dev.entitystore.api.model.ResolutionRulesResponse;
import dev.entitystore.api.model.UnlinkEntitiesRequest;
import dev.entitystore.api.model.UnlinkEntitiesResponse;
import dev.entitystore.domain.resolution.EntityResolution;
import dev.entitystore.domain.resolution.LinkResult;
import dev.entitystore.domain.resolution.ResolutionGroup;
import dev.entitystore.domain.resolution.UnlinkResult;
import dev.entitystore.domain.resolution.rule.ResolutionRules;
import dev.entitystore.server.http.SpaceScopedResource;
import jakarta.ws.rs.core.Response;

/** Kibana's resolution routes: translate, call the domain, answer in Kibana's shapes. */
public final class ResolutionResource extends SpaceScopedResource implements ResolutionApi {
    private final EntityResolution resolution;
    private final ResolutionRules rules;

    public ResolutionResource(EntityResolution resolution, ResolutionRules rules) {
        this.resolution = resolution;
        this.rules = rules;
    }

    @Override
    public Response linkEntities(LinkEntitiesRequest request, Boolean dryRun, String kbnXsrf) {
        LinkResult result = resolution.link(space(), request.getTargetId(), request.getEntityIds(),
                Boolean.TRUE.equals(dryRun));
        LinkEntitiesResponse answer = new LinkEntitiesResponse().linked(result.linked()).skipped(result.skipped())
                .targetId(result.targetId()).entityType(result.entityType());
        if (result.dryRun()) {
            answer.dryRun(true).refused(result.refused().stream()
                    .map(r -> new LinkRefusal().entityId(r.entityId()).message(r.message())).toList());
        }
        return Response.ok(answer).build();
    }

    @Override
    public Response unlinkEntities(UnlinkEntitiesRequest request, String kbnXsrf) {
        UnlinkResult result = resolution.unlink(space(), request.getEntityIds());
        return Response.ok(new UnlinkEntitiesResponse().unlinked(result.unlinked()).skipped(result.skipped())
                .entityType(result.entityType())).build();
    }

    @Override
    public Response getResolutionGroup(String entityId) {
        ResolutionGroup group = resolution.group(space(), entityId);
        return Response.ok(new ResolutionGroupResponse().target(group.target()).aliases(group.aliases())
                .groupSize(group.size()).entityType(group.entityType())).build();
    }

    @Override
    public Response listResolutionRules() {
        return Response.ok(new ResolutionRulesResponse().rules(rules.list(space()).stream()
                .map(ResolutionResource::answer).toList())).build();
    }

    @Override
    public Response enableResolutionRule(String id, String kbnXsrf) {
        return Response.ok(answer(rules.enable(space(), id))).build();
    }

    @Override
    public Response disableResolutionRule(String id, String kbnXsrf) {
        return Response.ok(answer(rules.disable(space(), id))).build();
    }

    private static ResolutionRule answer(ResolutionRules.RuleState state) {
        return new ResolutionRule().id(state.rule().id()).kind(state.rule().kind())
                .description(state.rule().description()).managed(true).enabled(state.enabled());
    }
}
