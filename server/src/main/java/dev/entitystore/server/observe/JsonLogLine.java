package dev.entitystore.server.observe;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * One log line's JSON object, written field by field as it is given. The access log writes one per
 * request: building a tree and serialising it was a tenth of a small request's CPU.
 */
final class JsonLogLine {
    private static final JsonFactory FACTORY = new JsonFactory();

    private final StringWriter out = new StringWriter(256);
    private final JsonGenerator json;

    JsonLogLine() {
        try {
            json = FACTORY.createGenerator(out);
            json.writeStartObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a string writer does not fail
        }
    }

    JsonLogLine field(String name, String value) {
        try {
            json.writeStringField(name, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    JsonLogLine field(String name, long value) {
        try {
            json.writeNumberField(name, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    JsonLogLine field(String name, double value) {
        try {
            json.writeNumberField(name, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The line; the object is closed. */
    String end() {
        try {
            json.writeEndObject();
            json.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
