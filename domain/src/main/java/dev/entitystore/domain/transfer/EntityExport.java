package dev.entitystore.domain.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.csv.CsvWriter;
import dev.entitystore.domain.document.Flattener;
import dev.entitystore.domain.engine.EngineManager;
import dev.entitystore.domain.entity.FieldPath;
import dev.entitystore.domain.search.EntitySearch;
import dev.entitystore.domain.store.EntityStore;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams a space's entity records as import lines: NDJSON v2 bulk items ({@code {"type","doc"}}) or CSV with
 * a header of {@code type} and typed flattened paths ({@link CsvColumn}). Memory stays constant: records are
 * read a page at a time; a CSV without {@code fields} takes a first pass to learn its columns.
 */
public final class EntityExport {
    private static final List<String> ALWAYS = List.of("entity.id", NdjsonLines.TYPE_PATH);

    private final RecordWalk walk;
    private final EngineManager engines;

    public EntityExport(EntityStore store, EntitySearch search, EngineManager engines) {
        this.walk = new RecordWalk(store, search);
        this.engines = engines;
    }

    /** Checks the request (a bad filter fails here, before any byte is sent). */
    public void validate(ExportRequest request) {
        RecordWalk.query(request);
    }

    /** Writes the export to {@code out} (flushed, not closed). */
    public void write(ExportRequest request, OutputStream out) throws IOException {
        if (!engines.isInstalled(request.space())) {
            return;
        }
        if (request.format() == TransferFormat.CSV) {
            Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            writeCsv(request, text);
            text.flush();
            return;
        }
        NdjsonLines lines = new NdjsonLines(out);
        if (request.selectsAll() && request.fields().isEmpty()) {
            walk.walkStored(request.space(), lines::stored);
        } else {
            walk.walk(request, record -> lines.tree(record, kept(record, request.fields())));
        }
        out.flush();
    }

    private void writeCsv(ExportRequest request, Writer out) throws IOException {
        Map<String, CsvColumn.Kind> kinds = new LinkedHashMap<>();
        request.fields().forEach(field -> kinds.put(field, null));
        walk.walk(request, record -> Flattener.forEachLeaf(kept(record, request.fields()), (path, value) -> {
            if (request.fields().isEmpty() || kinds.containsKey(path)) {
                kinds.put(path, CsvColumn.widen(kinds.get(path), CsvColumn.kindOf(value)));
            }
        }));
        List<CsvColumn> columns = new ArrayList<>(kinds.size());
        kinds.forEach((path, kind) -> columns.add(new CsvColumn(path, kind == null ? CsvColumn.Kind.STRING : kind)));
        CsvWriter csv = new CsvWriter(out);
        List<String> header = new ArrayList<>(columns.size() + 1);
        header.add("type");
        columns.forEach(column -> header.add(column.header()));
        csv.row(header);
        walk.walk(request, record -> {
            List<String> cells = new ArrayList<>(columns.size() + 1);
            cells.add(NdjsonLines.typeOf(record));
            for (CsvColumn column : columns) {
                JsonNode value = FieldPath.get(record, column.path());
                cells.add(value == null || value.isMissingNode() || value.isObject() ? "" : column.write(value));
            }
            csv.row(cells);
        });
    }

    /** The record, or only {@code fields} of it (with the identity every line needs). */
    private static ObjectNode kept(ObjectNode record, List<String> fields) {
        if (fields.isEmpty()) {
            return record;
        }
        ObjectNode kept = JsonNodeFactory.instance.objectNode();
        for (String path : concat(ALWAYS, fields)) {
            JsonNode value = FieldPath.get(record, path);
            if (value != null && !value.isMissingNode()) {
                FieldPath.set(kept, path, value);
            }
        }
        return kept;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        b.stream().filter(path -> !all.contains(path)).forEach(all::add);
        return all;
    }
}
