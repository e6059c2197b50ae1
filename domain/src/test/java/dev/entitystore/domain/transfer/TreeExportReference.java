package dev.entitystore.domain.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.csv.CsvWriter;
import dev.entitystore.domain.document.Flattener;
import dev.entitystore.domain.entity.FieldPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The export as it was written from parsed trees before it streamed (kept as the definition the streamed
 * writers are checked against): NDJSON lines of each record or of its {@code fields} set into an empty
 * object, and CSV columns from the flattened records, cells from {@link FieldPath#get}.
 */
final class TreeExportReference {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ALWAYS = List.of("entity.id", NdjsonLines.TYPE_PATH);

    private TreeExportReference() {
    }

    static String write(List<ObjectNode> records, TransferFormat format, List<String> fields) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (format == TransferFormat.CSV) {
            Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writeCsv(records, fields, text);
            text.flush();
        } else {
            for (ObjectNode record : records) {
                String type = new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance()
                        .quoteAsString(typeOf(record)));
                out.write(("{\"type\":\"" + type + "\",\"doc\":").getBytes(StandardCharsets.UTF_8));
                out.write(JSON.writeValueAsBytes(kept(record, fields)));
                out.write("}\n".getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void writeCsv(List<ObjectNode> records, List<String> fields, Writer out) throws IOException {
        Map<String, CsvColumn.Kind> kinds = new LinkedHashMap<>();
        fields.forEach(field -> kinds.put(field, null));
        for (ObjectNode record : records) {
            Flattener.forEachLeaf(kept(record, fields), (path, value) -> {
                if (fields.isEmpty() || kinds.containsKey(path)) {
                    kinds.put(path, CsvColumn.widen(kinds.get(path), CsvColumn.kindOf(value)));
                }
            });
        }
        List<CsvColumn> columns = new ArrayList<>(kinds.size());
        kinds.forEach((path, kind) -> columns.add(new CsvColumn(path, kind == null ? CsvColumn.Kind.STRING : kind)));
        CsvWriter csv = new CsvWriter(out);
        List<String> header = new ArrayList<>(columns.size() + 1);
        header.add("type");
        columns.forEach(column -> header.add(column.header()));
        csv.row(header);
        for (ObjectNode record : records) {
            List<String> cells = new ArrayList<>(columns.size() + 1);
            cells.add(typeOf(record));
            for (CsvColumn column : columns) {
                JsonNode value = FieldPath.get(record, column.path());
                cells.add(value == null || value.isMissingNode() || value.isObject() ? "" : column.write(value));
            }
            csv.row(cells);
        }
    }

    private static String typeOf(JsonNode record) {
        JsonNode type = FieldPath.get(record, NdjsonLines.TYPE_PATH);
        return type != null && type.isTextual() ? type.textValue() : NdjsonLines.DEFAULT_TYPE;
    }

    private static ObjectNode kept(ObjectNode record, List<String> fields) {
        if (fields.isEmpty()) {
            return record;
        }
        ObjectNode kept = JsonNodeFactory.instance.objectNode();
        List<String> all = new ArrayList<>(ALWAYS);
        fields.stream().filter(path -> !all.contains(path)).forEach(all::add);
        for (String path : all) {
            JsonNode value = FieldPath.get(record, path);
            if (value != null && !value.isMissingNode()) {
                FieldPath.set(kept, path, value);
            }
        }
        return kept;
    }
}
