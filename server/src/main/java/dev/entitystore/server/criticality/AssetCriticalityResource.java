package dev.entitystore.server.criticality;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.api.AssetCriticalityApi;
import dev.entitystore.api.model.AssetCriticalityBulkRecord;
import dev.entitystore.api.model.AssetCriticalityBulkRequest;
import dev.entitystore.api.model.AssetCriticalityIdField;
import dev.entitystore.api.model.AssetCriticalityRefresh;
import dev.entitystore.api.model.AssetCriticalitySortDirection;
import dev.entitystore.api.model.AssetCriticalitySortField;
import dev.entitystore.api.model.AssetCriticalityUpsert;
import dev.entitystore.domain.criticality.AssetCriticality;
import dev.entitystore.domain.criticality.BulkAssignmentResult;
import dev.entitystore.domain.criticality.CriticalityAssignment;
import dev.entitystore.domain.criticality.CriticalityCsv;
import dev.entitystore.domain.criticality.CriticalityPage;
import dev.entitystore.domain.criticality.CriticalityRecord;
import dev.entitystore.domain.criticality.IdField;
import dev.entitystore.domain.criticality.MatchingCsvUpload;
import dev.entitystore.domain.error.InvalidRequestException;
import dev.entitystore.server.http.SpaceScopedResource;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Kibana's Asset Criticality routes: translate, call the domain, answer in Kibana's shapes. Kibana marks the
 * public ones deprecated; their answers say so in a {@code Warning} header.
 */
public final class AssetCriticalityResource extends SpaceScopedResource implements AssetCriticalityApi {
    static final String WARNING = "299 Kibana \"The Asset Criticality API is deprecated; use the Entity Store API "
            + "(asset.criticality) instead.\"";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final AssetCriticality criticality;
    private final CriticalityCsv csv;
    private final MatchingCsvUpload matchingCsv;

    public AssetCriticalityResource(AssetCriticality criticality, MatchingCsvUpload matchingCsv) {
        this.criticality = criticality;
        this.csv = new CriticalityCsv(criticality);
        this.matchingCsv = matchingCsv;
    }

    @Override
    public Response createAssetCriticalityRecord(AssetCriticalityUpsert body, String kbnXsrf) {
        CriticalityRecord record = criticality.upsert(space(), idField(body.getIdField()), body.getIdValue(),
                body.getCriticalityLevel().toString());
        return deprecated(record.toJson());
    }

    @Override
    public Response getAssetCriticalityRecord(AssetCriticalityIdField idField, String idValue) {
        return deprecated(criticality.get(space(), idField(idField), idValue).toJson());
    }

    @Override
    public Response deleteAssetCriticalityRecord(AssetCriticalityIdField idField, String idValue,
                                                 AssetCriticalityRefresh refresh, String kbnXsrf) {
        Optional<CriticalityRecord> deleted = criticality.delete(space(), idField(idField), idValue);
        ObjectNode answer = NODES.objectNode().put("deleted", deleted.isPresent());
        deleted.ifPresent(record -> answer.set("record", record.toJson()));
        return deprecated(answer);
    }

    @Override
    public Response bulkUpsertAssetCriticalityRecords(AssetCriticalityBulkRequest request, String kbnXsrf) {
        List<CriticalityAssignment> assignments = new ArrayList<>(request.getRecords().size());
        for (AssetCriticalityBulkRecord record : request.getRecords()) {
            assignments.add(new CriticalityAssignment(idField(record.getIdField()), record.getIdValue(),
                    record.getCriticalityLevel().toString()));
        }
        return deprecated(bulkAnswer(criticality.bulk(space(), assignments)));
    }

    @Override
    public Response findAssetCriticalityRecords(Integer page, Integer perPage, AssetCriticalitySortField sortField,
                                                AssetCriticalitySortDirection sortDirection, String kuery) {
        CriticalityPage found = criticality.list(space(), page, perPage,
                sortField == null ? "@timestamp" : sortField.toString(),
                sortDirection != null && sortDirection == AssetCriticalitySortDirection.DESC, kuery);
        ObjectNode answer = NODES.objectNode();
        ArrayNode records = answer.putArray("records");
        found.records().forEach(record -> records.add(record.toJson()));
        answer.put("total", found.total()).put("page", found.page()).put("per_page", found.perPage());
        return deprecated(answer);
    }

    @Override
    public Response uploadAssetCriticalityRecords(InputStream file, String kbnXsrf) {
        try (Reader reader = utf8(file)) {
            return deprecated(bulkAnswer(csv.upload(space(), reader)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Response uploadAssetCriticalityCsvV2(InputStream file, Boolean createUnmatched, String kbnXsrf) {
        List<MatchingCsvUpload.RowResult> rows;
        try (Reader reader = utf8(file)) {
            rows = matchingCsv.upload(space(), reader, Boolean.TRUE.equals(createUnmatched));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ObjectNode answer = NODES.objectNode();
        int successful = 0;
        int failed = 0;
        int unmatched = 0;
        ArrayNode items = NODES.arrayNode();
        for (MatchingCsvUpload.RowResult row : rows) {
            ObjectNode item = items.addObject().put("status", row.status()).put("matchedEntities", row.matchedEntities());
            if (row.created()) {
                item.put("created", true);
            }
            if (row.error() != null) {
                item.put("error", row.error());
            }
            switch (row.status()) {
                case "success" -> successful++;
                case "unmatched" -> unmatched++;
                default -> failed++;
            }
        }
        answer.put("successful", successful).put("failed", failed).put("unmatched", unmatched).put("total", rows.size());
        answer.set("items", items);
        return Response.ok(answer).build();
    }

    @Override
    public Response getAssetCriticalityStatus() {
        return Response.ok(NODES.objectNode().put("asset_criticality_resources_installed", true)).build();
    }

    private static Reader utf8(InputStream file) {
        if (file == null) {
            throw new InvalidRequestException("[request body]: file: Required");
        }
        return new InputStreamReader(file, StandardCharsets.UTF_8);
    }

    private static IdField idField(AssetCriticalityIdField field) {
        return IdField.fromWireName(field.toString()).orElseThrow();
    }

    private static ObjectNode bulkAnswer(BulkAssignmentResult result) {
        ObjectNode answer = NODES.objectNode();
        ArrayNode errors = answer.putArray("errors");
        result.errors().forEach(error -> errors.addObject().put("message", error.message()).put("index", error.index()));
        answer.putObject("stats").put("successful", result.successful()).put("failed", result.failed())
                .put("total", result.total());
        return answer;
    }

    private static Response deprecated(ObjectNode body) {
        return Response.ok(body).header("Warning", WARNING).build();
    }
}
