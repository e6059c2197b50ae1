package dev.entitystore.domain.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.error.ProfileRequestException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The body of a profile activation: Elasticsearch's grant, {@code {"grant_type":"password","username",
 * "password"}} or {@code {"grant_type":"access_token","access_token"}}, validated with its texts (one
 * numbered message for every problem).
 */
public record ActivationGrant(String grantType, String username, String password, String accessToken) {
    public static final String PASSWORD = "password";
    public static final String ACCESS_TOKEN = "access_token";
    private static final String PARSER = "activate_profile_request";

    public static ActivationGrant parse(ObjectNode body) {
        if (body == null) {
            throw new ProfileRequestException(ProfileRequestException.PARSE, "request body is required");
        }
        String grantType = null;
        String username = null;
        String password = null;
        String accessToken = null;
        Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String value = text(field);
            switch (field.getKey()) {
                case "grant_type" -> grantType = value;
                case "username" -> username = value;
                case "password" -> password = value;
                case "access_token" -> accessToken = value;
                default -> throw ObjectParserErrors.unknownField(PARSER, List.of(field.getKey()));
            }
        }
        ActivationGrant grant = new ActivationGrant(grantType, username, password, accessToken);
        grant.validate();
        return grant;
    }

    private static String text(Map.Entry<String, JsonNode> field) {
        if (field.getValue().isTextual()) {
            return field.getValue().asText();
        }
        throw ObjectParserErrors.unsupportedValue(PARSER, List.of(field.getKey()), field.getValue());
    }

    /** Elasticsearch's {@code GrantRequest} validation. */
    private void validate() {
        List<String> problems = new ArrayList<>();
        if (grantType == null) {
            problems.add("[grant_type] is required");
        } else if (PASSWORD.equals(grantType)) {
            requirePresent(problems, "username", username);
            requirePresent(problems, "password", password);
            refuse(problems, "access_token", accessToken);
        } else if (ACCESS_TOKEN.equals(grantType)) {
            requirePresent(problems, "access_token", accessToken);
            refuse(problems, "username", username);
            refuse(problems, "password", password);
        } else {
            problems.add("grant_type [" + grantType + "] is not supported");
        }
        if (!problems.isEmpty()) {
            throw ProfileRequestException.validation(problems);
        }
    }

    private void requirePresent(List<String> problems, String field, String value) {
        if (value == null || value.isEmpty()) {
            problems.add("[" + field + "] is required for grant_type [" + grantType + "]");
        }
    }

    private void refuse(List<String> problems, String field, String value) {
        if (value != null) {
            problems.add("[" + field + "] is not supported for grant_type [" + grantType + "]");
        }
    }

    /** Never shows the password or token (grants may get logged). */
    @Override
    public String toString() {
        return "ActivationGrant[grantType=" + grantType + ", username=" + username + "]";
    }
}
