package dev.entitystore.server.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Jackson's stream-limit failures in Kibana's schema wording. Jackson's own text names its Java
 * configuration methods, which must not reach a client; it offers no structured reason, so the kind is
 * read off the start of its message.
 */
public final class StreamLimitMessages {
    private StreamLimitMessages() {}

    /** The problem, without where it happened. */
    public static String describe(StreamConstraintsException exception) {
        String message = String.valueOf(exception.getOriginalMessage());
        if (isNesting(exception)) {
            return "Nested too deeply: expected at most " + ObjectMapperFactory.MAX_NESTING_DEPTH + " levels";
        }
        if (message.startsWith("String value length")) {
            return "Too big: expected string to have <=" + ObjectMapperFactory.MAX_STRING_LENGTH + " characters";
        }
        if (message.startsWith("Name length")) {
            return "Too big: expected key to have <=" + ObjectMapperFactory.MAX_NAME_LENGTH + " characters";
        }
        if (message.startsWith("Number value length")) {
            return "Too big: expected number to have <=" + ObjectMapperFactory.MAX_NUMBER_LENGTH + " digits";
        }
        // Any other stream limit: Jackson's sentence without its ", from `Class.method()`" tail.
        return message.replaceAll(", from `[^`]*`", "");
    }

    /** A path a hundred levels deep says nothing useful: nesting failures are reported without one. */
    static boolean isNesting(StreamConstraintsException exception) {
        return String.valueOf(exception.getOriginalMessage()).startsWith("Document nesting depth");
    }

    /** The dotted path the parser had reached: keys of objects, positions in arrays. */
    static String pathOf(JsonParser parser) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext context = parser.getParsingContext(); context != null && !context.inRoot();
                context = context.getParent()) {
            if (context.inObject() && context.getCurrentName() != null) {
                parts.addFirst(context.getCurrentName());
            } else if (context.inArray() && context.getCurrentIndex() >= 0) {
                parts.addFirst(String.valueOf(context.getCurrentIndex()));
            }
        }
        return String.join(".", parts);
    }
}
