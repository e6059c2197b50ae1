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
            throw new UncheckedIOException(e);
        }
    }

    JsonLogLine field(String name, String value) {
        return write(() -> json.writeStringField(name, value));
    }

    JsonLogLine field(String name, long value) {
        return write(() -> json.writeNumberField(name, value));
    }

    JsonLogLine field(String name, double value) {
        return write(() -> json.writeNumberField(name, value));
    }

    /** The line; the object is closed. */
    String end() {
        write(() -> {
            json.writeEndObject();
            json.close();
        });
        return out.toString();
    }

    private interface Write {
        void run() throws IOException;
    }

    private JsonLogLine write(Write write) {
        try {
            write.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a string writer does not fail
        }
        return this;
    }
}
