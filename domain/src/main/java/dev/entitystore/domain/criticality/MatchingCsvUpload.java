package dev.entitystore.domain.criticality;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.csv.CsvReader;
import dev.entitystore.domain.engine.EngineManager;
import dev.entitystore.domain.entity.EntityType;
import dev.entitystore.domain.entity.FieldPath;
import dev.entitystore.domain.error.InvalidRequestException;
import dev.entitystore.domain.query.Query;
import dev.entitystore.domain.search.EntitySearch;
import dev.entitystore.domain.search.SearchHit;
import dev.entitystore.domain.search.SearchRequest;
import dev.entitystore.domain.search.SearchSort;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Kibana 9.4's criticality CSV ({@code upload_csv_v2}) over the entity store: a header naming {@code type},
 * {@code criticality_level} and identity columns; each row sets the level on every entity of its type
 * whose columns all equal the row's non-empty values (at most {@value #MAX_MATCHES}). A row matching none is
 * {@code unmatched}, or, when asked, creates its entity from its columns.
 */
public final class MatchingCsvUpload {
    static final int MAX_MATCHES = 10_000;
    private static final String TYPE = "type";
    private static final String LEVEL = "criticality_level";

    private final AssetCriticality criticality;
    private final EntitySearch search;
    private final EngineManager engines;

    public MatchingCsvUpload(AssetCriticality criticality, EntitySearch search, EngineManager engines) {
        this.criticality = criticality;
        this.search = search;
        this.engines = engines;
    }

    /** What became of one row. */
    public record RowResult(String status, int matchedEntities, boolean created, String error) {
        static RowResult failure(String error) {
            return new RowResult("failure", 0, false, error);
        }
    }

    public List<RowResult> upload(String space, Reader csv, boolean createUnmatched) throws IOException {
        engines.requireInstalled(space);
        CsvReader reader = new CsvReader(csv);
        List<String> header = reader.next();
        if (header == null) {
            throw new InvalidRequestException("The CSV file is empty");
        }
        header = header.stream().map(String::trim).toList();
        if (!header.contains(TYPE) || !header.contains(LEVEL) || header.size() < 3) {
            throw new InvalidRequestException("The CSV header must name " + TYPE + ", " + LEVEL
                    + " and at least one identity field, got: " + String.join(",", header));
        }
        List<RowResult> results = new ArrayList<>();
        for (List<String> row = reader.next(); row != null; row = reader.next()) {
            results.add(row(space, header, row, createUnmatched));
        }
        return results;
    }

    private RowResult row(String space, List<String> header, List<String> row, boolean createUnmatched) {
        if (row.size() != header.size()) {
            return RowResult.failure("Expected " + header.size() + " columns, got " + row.size());
        }
        String typeName = row.get(header.indexOf(TYPE)).trim();
        EntityType type = EntityType.fromWireName(typeName).orElse(null);
        if (type == null) {
            return RowResult.failure("Invalid entity type \"" + typeName + "\", expected one of user, host, service, generic");
        }
        String level = row.get(header.indexOf(LEVEL)).trim();
        if (!CriticalityLevels.isAssignable(level)) {
            return RowResult.failure(CriticalityLevels.invalid(level));
        }
        List<Query> match = new ArrayList<>();
        match.add(new Query.Term("entity.EngineMetadata.Type", type.wireName()));
        ObjectNode identity = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i);
            String value = row.get(i).trim();
            if (!column.equals(TYPE) && !column.equals(LEVEL) && !value.isEmpty()) {
                match.add(new Query.Term(column, value));
                FieldPath.set(identity, column, JsonNodeFactory.instance.textNode(value));
            }
        }
        if (match.size() == 1) {
            return RowResult.failure("The row has no identity value");
        }
        try {
            List<SearchHit> hits = search.search(new SearchRequest(space, Query.Bool.and(match),
                    new SearchSort("entity.id", false), null, 0, MAX_MATCHES, false)).hits();
            if (hits.isEmpty()) {
                if (!createUnmatched || level.equals(CriticalityLevels.UNASSIGNED)) {
                    return new RowResult("unmatched", 0, false, null);
                }
                criticality.create(space, type, identity, level);
                return new RowResult("success", 0, true, null);
            }
            List<CriticalityAssignment> assignments = new ArrayList<>(hits.size());
            for (SearchHit hit : hits) {
                assignments.add(new CriticalityAssignment(IdField.ENTITY_ID, hit.source().path("entity").path("id").asText(), level));
            }
            BulkAssignmentResult result = criticality.bulk(space, assignments);
            if (!result.errors().isEmpty()) {
                return RowResult.failure(result.errors().get(0).message());
            }
            return new RowResult("success", hits.size(), false, null);
        } catch (InvalidRequestException e) {
            return RowResult.failure(e.getMessage());
        }
    }
}
