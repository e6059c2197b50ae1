package dev.entitystore.domain.criticality;

import dev.entitystore.domain.csv.CsvReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Kibana's v1 criticality CSV ({@code upload_csv}): no header, one {@code <type>,<id>,<level>} a row, type
 * {@code host}, {@code user} or {@code service} (the id is that type's name). Bad rows are reported with
 * their 0-based index and the good ones applied as one bulk, duplicates reported as the bulk reports them.
 */
public final class CriticalityCsv {
    private final AssetCriticality criticality;

    public CriticalityCsv(AssetCriticality criticality) {
        this.criticality = criticality;
    }

    public BulkAssignmentResult upload(String space, Reader csv) throws IOException {
        CsvReader reader = new CsvReader(csv);
        List<BulkAssignmentResult.ItemError> errors = new ArrayList<>();
        List<CriticalityAssignment> valid = new ArrayList<>();
        List<Integer> rowOfValid = new ArrayList<>();
        int rows = 0;
        for (List<String> row = reader.next(); row != null; row = reader.next(), rows++) {
            String problem = problem(row);
            if (problem != null) {
                errors.add(new BulkAssignmentResult.ItemError(problem, rows));
            } else {
                valid.add(new CriticalityAssignment(IdField.fromWireName(row.get(0).trim() + ".name").orElseThrow(),
                        row.get(1).trim(), row.get(2).trim()));
                rowOfValid.add(rows);
            }
        }
        if (!valid.isEmpty()) {
            for (BulkAssignmentResult.ItemError error : criticality.bulk(space, valid).errors()) {
                errors.add(new BulkAssignmentResult.ItemError(error.message(), rowOfValid.get(error.index())));
            }
        }
        errors.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return new BulkAssignmentResult(errors, rows - errors.size(), errors.size(), rows);
    }

    /** Kibana's texts for a row it cannot use; {@code null} for a good row. */
    private static String problem(List<String> row) {
        if (row.size() != 3) {
            return "Expected 3 columns, got " + row.size();
        }
        String type = row.get(0).trim();
        if (!type.equals("host") && !type.equals("user") && !type.equals("service")) {
            return "Invalid entity type \"" + type + "\", expected one of host, user, service";
        }
        if (row.get(1).trim().isEmpty()) {
            return "Missing identifier";
        }
        String level = row.get(2).trim();
        if (!CriticalityLevels.isAssignable(level)) {
            return CriticalityLevels.invalid(level);
        }
        return null;
    }
}
