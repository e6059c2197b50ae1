package dev.entitystore.server.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.entitystore.server.json.BodyLimitException;
import dev.entitystore.server.json.StreamLimitMessages;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A request body Jackson could not read. Unparseable JSON gets hapi's text (what Kibana answers);
 * JSON of the wrong shape gets a schema message in Kibana's {@code [request body]: path: problem} form.
 * Java type names never reach the client.
 */
public final class JsonProcessingExceptionMapper implements ExceptionMapper<JsonProcessingException> {
    static final String INVALID_JSON = "Invalid request payload JSON format";

    @Override
    public Response toResponse(JsonProcessingException exception) {
        return ErrorBody.of(400, describe(exception)).toResponse();
    }

    static String describe(JsonProcessingException exception) {
        BodyLimitException limit = causeOf(exception, BodyLimitException.class);
        if (limit != null) {
            String at = join(pathOf(limit.getPath()), limit.pathInRecord());
            return "[request body]: " + (at.isEmpty() ? "" : at + ": ") + limit.problem();
        }
        StreamConstraintsException constraint = causeOf(exception, StreamConstraintsException.class);
        if (constraint != null) {
            return "[request body]: " + StreamLimitMessages.describe(constraint);
        }
        if (exception instanceof StreamReadException && !(exception instanceof DatabindException)) {
            return INVALID_JSON;
        }
        if (exception instanceof UnrecognizedPropertyException unknown) {
            String at = pathOf(parentPath(unknown.getPath()));
            return "[request body]: " + (at.isEmpty() ? "" : at + ": ")
                    + "Unrecognized key: \"" + unknown.getPropertyName() + "\"";
        }
        if (exception instanceof InvalidNullException nullItem) {
            return "[request body]: " + pathOf(nullItem.getPath()) + ": " + nullItemProblem(nullItem.getTargetType());
        }
        if (exception instanceof ValueInstantiationException creator && creator.getType() != null
                && creator.getType().isEnumType()) {
            // a generated enum's creator refused the value: Kibana (zod) lists the options
            String at = pathOf(creator.getPath());
            return "[request body]: " + (at.isEmpty() ? "" : at + ": ") + options(creator.getType().getRawClass());
        }
        if (exception instanceof JsonMappingException mapping) {
            String at = pathOf(mapping.getPath());
            String problem = exception instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                    ? "Expected " + jsonTypeOf(mismatch.getTargetType())
                    : "Invalid input";
            if (firstLine(exception.getOriginalMessage()).startsWith("Missing required creator property")) {
                problem = "Required";
            }
            return "[request body]: " + (at.isEmpty() ? "" : at + ": ") + problem;
        }
        return INVALID_JSON;
    }

    /** Kibana's (zod's) text for a null where a list wants an item of {@code type}. */
    private static String nullItemProblem(Class<?> type) {
        if (type != null && type.isEnum()) {
            return options(type);
        }
        return "Invalid input: expected " + (type == null ? "object" : jsonTypeOf(type)) + ", received null";
    }

    private static String options(Class<?> enumType) {
        return "Invalid option: expected one of " + Arrays.stream(enumType.getEnumConstants())
                .map(constant -> "\"" + constant + "\"").collect(Collectors.joining("|"));
    }

    /** Jackson wraps failures met inside a bean (a bulk item) in a mapping exception: look beneath it. */
    private static <T extends Throwable> T causeOf(Throwable exception, Class<T> type) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String join(String outer, String inner) {
        return outer.isEmpty() ? inner : inner.isEmpty() ? outer : outer + "." + inner;
    }

    private static List<JsonMappingException.Reference> parentPath(List<JsonMappingException.Reference> path) {
        return path.isEmpty() ? path : path.subList(0, path.size() - 1);
    }

    private static String pathOf(List<JsonMappingException.Reference> path) {
        return path.stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                .collect(Collectors.joining("."));
    }

    private static String jsonTypeOf(Class<?> type) {
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "number";
        }
        if (CharSequence.class.isAssignableFrom(type) || type.isEnum()) {
            return "string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        return "object";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
