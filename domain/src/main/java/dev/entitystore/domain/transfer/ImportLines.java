package dev.entitystore.domain.transfer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.csv.CsvReader;
import dev.entitystore.domain.csv.FormulaGuard;
import dev.entitystore.domain.entity.EntityType;
import dev.entitystore.domain.entity.FieldPath;
import dev.entitystore.domain.error.InvalidRequestException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Reads an import body a line at a time, in either format; a line that is not an item says why. */
abstract class ImportLines {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The next line, or {@code null} at the end. */
    abstract ImportLine next() throws IOException;

    static ImportLines of(TransferFormat format, InputStream body) throws IOException {
        return format == TransferFormat.CSV
                ? new Csv(new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()), 1 << 16))
                : new Ndjson(body);
    }

    static ImportLine item(long line, String typeName, ObjectNode doc) {
        return EntityType.fromWireName(typeName)
                .map(type -> ImportLine.item(line, type, doc))
                .orElseGet(() -> ImportLine.failed(line, "type: Invalid option: expected one of \"user\"|\"host\"|\"service\"|\"generic\""));
    }

    /**
     * One v2 bulk item a line: {@code {"type":"host","doc":{...}}}. Blank lines are skipped. Lines are parsed
     * from their UTF-8 bytes (decoding them to text first cost as much as the parse).
     */
    private static final class Ndjson extends ImportLines {
        private final ByteLines in;
        private long line;

        Ndjson(InputStream body) {
            this.in = new ByteLines(body);
        }

        @Override
        ImportLine next() throws IOException {
            do {
                if (!in.next()) {
                    return null;
                }
                line++;
            } while (in.isBlank());
            JsonNode item;
            try {
                item = JSON.readTree(in.bytes(), 0, in.length());
            } catch (JsonProcessingException e) {
                return ImportLine.failed(line, "not a JSON object: " + e.getOriginalMessage());
            }
            if (item == null || !item.isObject() || !item.path("type").isTextual() || !item.path("doc").isObject()) {
                return ImportLine.failed(line, "expected {\"type\":\"<entity type>\",\"doc\":{...}}");
            }
            for (Iterator<String> keys = item.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (!key.equals("type") && !key.equals("doc")) {
                    return ImportLine.failed(line, "Unrecognized key: \"" + key + "\"");
                }
            }
            return item(line, item.get("type").textValue(), (ObjectNode) item.get("doc"));
        }
    }

    /** A header of {@code type} and {@link CsvColumn}s, then one entity a row; empty cells are absent fields. */
    private static final class Csv extends ImportLines {
        private final CsvReader in;
        private final List<CsvColumn> columns = new ArrayList<>();
        private final int typeColumn;

        Csv(Reader body) throws IOException {
            this.in = new CsvReader(body);
            List<String> header = in.next();
            if (header != null) {
                header = header.stream().map(cell -> FormulaGuard.unescape(cell.trim())).toList();
            }
            if (header == null || !header.contains("type")) {
                throw new InvalidRequestException("The CSV header must name a type column");
            }
            typeColumn = header.indexOf("type");
            header.forEach(name -> columns.add(CsvColumn.parse(name)));
        }

        @Override
        ImportLine next() throws IOException {
            List<String> row = in.next();
            if (row == null) {
                return null;
            }
            long line = in.rowLine();
            if (row.size() != columns.size()) {
                return ImportLine.failed(line, "Expected " + columns.size() + " columns, got " + row.size());
            }
            ObjectNode doc = JsonNodeFactory.instance.objectNode();
            try {
                for (int i = 0; i < columns.size(); i++) {
                    if (i == typeColumn) {
                        continue;
                    }
                    JsonNode value = columns.get(i).read(FormulaGuard.unescape(row.get(i)));
                    if (value != null) {
                        FieldPath.set(doc, columns.get(i).path(), value);
                    }
                }
            } catch (InvalidRequestException e) {
                return ImportLine.failed(line, e.getMessage());
            }
            return item(line, FormulaGuard.unescape(row.get(typeColumn)), doc);
        }
    }
}
