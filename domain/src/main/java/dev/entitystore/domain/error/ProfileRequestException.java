package dev.entitystore.domain.error;

import java.util.List;

/** A profile request Elasticsearch would refuse as bad input (its validation, parsing and size rules). */
public final class ProfileRequestException extends ProfileException {
    public static final String VALIDATION = "action_request_validation_exception";
    public static final String ILLEGAL_ARGUMENT = "illegal_argument_exception";
    public static final String PARSE = "parse_exception";
    public static final String CONTENT_PARSE = "x_content_parse_exception";
    public static final String MAPPER_PARSING = "mapper_parsing_exception";

    public ProfileRequestException(String type, String message) {
        super(type, message, null);
    }

    /** Elasticsearch's numbered validation text: {@code Validation Failed: 1: a;2: b;}. */
    public static ProfileRequestException validation(List<String> problems) {
        StringBuilder text = new StringBuilder("Validation Failed: ");
        for (int i = 0; i < problems.size(); i++) {
            text.append(i + 1).append(": ").append(problems.get(i)).append(';');
        }
        return new ProfileRequestException(VALIDATION, text.toString());
    }
}
