package dev.entitystore.domain.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV a row at a time, from a stream of any length: fields separated by commas, a field in
 * double quotes may hold commas, line breaks and doubled quotes; rows end with CRLF or LF. Blank lines are
 * skipped. Each row knows the physical line it started on, for error reports.
 */
public final class CsvReader {
    private final Reader in;
    private int pushedBack = -2;
    private long line = 1;
    private long rowLine;

    public CsvReader(Reader in) {
        this.in = in;
    }

    /** The next row's fields, or {@code null} at the end. */
    public List<String> next() throws IOException {
        while (true) {
            int c = read();
            if (c == -1) {
                return null;
            }
            if (c == '\n') {
                line++;
                continue;
            }
            if (c == '\r') {
                continue;
            }
            unread(c);
            rowLine = line;
            return row();
        }
    }

    /** The 1-based line the last row started on. */
    public long rowLine() {
        return rowLine;
    }

    private List<String> row() throws IOException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            int c = read();
            if (quoted) {
                if (c == -1) {
                    throw new CsvFormatException("a quoted field is not closed", rowLine);
                }
                if (c == '"') {
                    int after = read();
                    if (after == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        unread(after);
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
                continue;
            }
            if (c == -1 || c == '\n' || c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
                if (c == '\n') {
                    line++;
                }
                if (c != ',') {
                    return fields;
                }
            } else if (c == '\r') {
                int after = read();
                if (after != '\n') {
                    unread(after);
                }
                fields.add(field.toString());
                line++;
                return fields;
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else {
                field.append((char) c);
            }
        }
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return in.read();
    }

    private void unread(int c) {
        pushedBack = c;
    }
}
