package dev.entitystore.server.resolution;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.api.ResolutionApi;
import dev.entitystore.api.model.LinkEntitiesRequest;
import dev.entitystore.api.model.LinkEntitiesResponse;
import dev.entitystore.api.model.LinkRefusal;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Kibana's resolution routes: translate, call the domain, answer in Kibana's shapes. */
public final class ResolutionResource extends SpaceScopedResource implements ResolutionApi {
    private static final Logger LOG = LoggerFactory.getLogger(ResolutionResource.class);
    /**
     * A body cut short stays visibly incomplete: the generator does not close what is open. No flush after
     * each record: measured on a group of 100,000, a flush per alias sent each one down to the socket.
     */
    private static final ObjectMapper JSON = new ObjectMapper(
            JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_CONTENT).build())
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    /** Aliases per page when a paged group answer names no {@code size}. */
    private static final int DEFAULT_PAGE = 1000;

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

    /**
     * Kibana's group body, written as the aliases are read, a page at a time: a group has no cap, and a
     * large one held whole would not fit the heap. The target is read before the answer starts, so a
     * missing one is still a 404; a store that fails part way through cuts the body short (logged). With
     * {@code size} or {@code searchAfter} (our extension) it is one page of aliases and the cursor to the next.
     */
    @Override
    public Response getResolutionGroup(String entityId, Integer size, String searchAfter) {
        ResolutionGroup group = resolution.group(space(), entityId);
        boolean paged = size != null || searchAfter != null;
        int pageSize = size == null ? DEFAULT_PAGE : size;
        StreamingOutput body = out -> {
            try (JsonGenerator json = JSON.createGenerator(new BufferedOutputStream(out, 1 << 16))) {
                json.writeStartObject();
                json.writeFieldName("target");
                JSON.writeTree(json, group.target());
                json.writeArrayFieldStart("aliases");
                Consumer<ObjectNode> write = alias -> writeTree(json, alias);
                if (paged) {
                    Optional<String> next = group.aliases().page(searchAfter, pageSize, write);
                    json.writeEndArray();
                    json.writeNumberField("group_size", group.aliases().count() + 1);
                    json.writeStringField("entity_type", group.entityType());
                    json.writeStringField("nextSearchAfter", next.orElse(null));
                } else {
                    long aliases = group.aliases().each(write);
                    json.writeEndArray();
                    json.writeNumberField("group_size", aliases + 1);
                    json.writeStringField("entity_type", group.entityType());
                }
                json.writeEndObject();
            } catch (RuntimeException e) {
                LOG.warn("Resolution group of {} cut short: {}", entityId, e.getMessage());
                throw e;
            }
        };
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static void writeTree(JsonGenerator json, JsonNode tree) {
        try {
            JSON.writeTree(json, tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
