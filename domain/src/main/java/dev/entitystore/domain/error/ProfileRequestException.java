package dev.entitystore.domain.error;

import java.util.List;
import java.util.Optional;

/**
 * A profile request Elasticsearch would refuse as bad input (its validation, parsing and size rules). A
 * refusal of its body parser names the field it stopped at ({@link #field()}), so that the HTTP layer,
 * which has the body's text, can prefix Elasticsearch's {@code [line:column]}.
 */
public final class ProfileRequestException extends ProfileException {
    public static final String VALIDATION = "action_request_validation_exception";
    public static final String ILLEGAL_ARGUMENT = "illegal_argument_exception";
    public static final String PARSE = "parse_exception";
    public static final String CONTENT_PARSE = "x_content_parse_exception";
    public static final String MAPPER_PARSING = "mapper_parsing_exception";

    /**
     * Where in the body a parser stopped: the keys from the root down to the field, and whether at the
     * field's name (an unknown field) or at its value (a value of the wrong type).
     */
    public record BodyField(List<String> path, boolean atValue) {
        public BodyField {
            path = List.copyOf(path);
        }
    }

    private final BodyField field;

    public ProfileRequestException(String type, String message) {
        this(type, message, null);
    }

    private ProfileRequestException(String type, String message, BodyField field) {
        super(type, message, null);
        this.field = field;
    }

    /** Elasticsearch's object parser refusing the body at {@code field}. */
    public static ProfileRequestException contentParse(String message, BodyField field) {
        return new ProfileRequestException(CONTENT_PARSE, message, field);
    }

    /** Elasticsearch's numbered validation text: {@code Validation Failed: 1: a;2: b;}. */
    public static ProfileRequestException validation(List<String> problems) {
        StringBuilder text = new StringBuilder("Validation Failed: ");
        for (int i = 0; i < problems.size(); i++) {
            text.append(i + 1).append(": ").append(problems.get(i)).append(';');
        }
        return new ProfileRequestException(VALIDATION, text.toString());
    }

    public Optional<BodyField> field() {
        return Optional.ofNullable(field);
    }

    /** The same refusal with Elasticsearch's position in front of its text: {@code [1:12] [parser] ...}. */
    public ProfileRequestException at(String position) {
        return new ProfileRequestException(type(), position + " " + getMessage(), null);
    }
}
