package dev.entitystore.domain.csv;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes RFC 4180 CSV rows: a cell with a comma, quote or line break is quoted (quotes doubled), and a cell
 * starting with {@code = + - @} (or a tab or carriage return) is prefixed with {@code '} so that a
 * spreadsheet shows it as text instead of running it as a formula (OWASP's CSV injection advice).
 */
public final class CsvWriter {
    private final Writer out;

    public CsvWriter(Writer out) {
        this.out = out;
    }

    public void row(List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            cell(cells.get(i));
        }
        out.write("\r\n");
    }

    private void cell(String value) throws IOException {
        String text = FormulaGuard.escape(value == null ? "" : value);
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            out.write('"');
            out.write(text.replace("\"", "\"\""));
            out.write('"');
        } else {
            out.write(text);
        }
    }
}
