package dev.entitystore.domain.csv;

import dev.entitystore.domain.error.InvalidRequestException;

/** The bytes are not CSV (e.g. a quoted field never closed): names the line the row started on. */
public final class CsvFormatException extends InvalidRequestException {
    private final long line;

    public CsvFormatException(String problem, long line) {
        super("Invalid CSV at line " + line + ": " + problem);
        this.line = line;
    }

    public long line() {
        return line;
    }
}
