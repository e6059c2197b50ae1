package dev.entitystore.domain.transfer;

import dev.entitystore.domain.csv.CsvWriter;
import dev.entitystore.domain.engine.EngineManager;
import dev.entitystore.domain.search.EntitySearch;
import dev.entitystore.domain.store.EntityStore;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams a space's entity records as import lines: NDJSON v2 bulk items ({@code {"type","doc"}}) or CSV with
 * a header of {@code type} and typed flattened paths ({@link CsvColumn}). Memory stays constant: records are
 * read a page at a time as JSON bytes and written by streaming parses of them, never as trees; a CSV takes a
 * first pass to learn its columns.
 */
public final class EntityExport {
    private final RecordWalk walk;
    private final EngineManager engines;

    /** Records as JSON bytes, which may be walked more than once (a CSV walks them twice). */
    @FunctionalInterface
    interface JsonRecords {
        void each(RecordWalk.StoredVisitor visitor) throws IOException;
    }

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
        if (engines.isInstalled(request.space())) {
            write(visitor -> walk.walkJson(request, visitor), request.format(), request.fields(), out);
        }
    }

    static void write(JsonRecords records, TransferFormat format, List<String> fields, OutputStream out)
            throws IOException {
        if (format == TransferFormat.CSV) {
            Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            writeCsv(records, fields, text);
            text.flush();
            return;
        }
        NdjsonLines lines = new NdjsonLines(out);
        if (fields.isEmpty()) {
            records.each(lines::stored);
        } else {
            FieldProjection projection = new FieldProjection(fields);
            ByteArrayOutputStream doc = new ByteArrayOutputStream(1 << 12);
            records.each(json -> {
                doc.reset();
                lines.line(projection.write(json, doc), doc);
            });
        }
        out.flush();
    }

    private static void writeCsv(JsonRecords records, List<String> fields, Writer out) throws IOException {
        CsvColumnLearner learner = new CsvColumnLearner(fields);
        records.each(learner::learn);
        List<CsvColumn> columns = learner.columns();
        CsvWriter csv = new CsvWriter(out);
        List<String> header = new ArrayList<>(columns.size() + 1);
        header.add("type");
        columns.forEach(column -> header.add(column.header()));
        csv.row(header);
        CsvRowCells rows = new CsvRowCells(columns);
        records.each(json -> csv.row(rows.row(json)));
    }
}
