package dev.entitystore.domain.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.error.ProfileRequestException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code _security/profile/_has_privileges}: {@code uids} (the profiles whose users are
 * checked) and {@code privileges} (a privileges check, as the user route's body), read by Elasticsearch's
 * object parser and then validated as its request validates (every problem numbered in one 400).
 */
public record ProfilePrivilegesRequest(List<String> uids, PrivilegesToCheck privileges) {
    private static final String PARSER = "profile_has_privileges_request";

    public ProfilePrivilegesRequest {
        uids = List.copyOf(uids);
    }

    public static ProfilePrivilegesRequest parse(ObjectNode body) {
        if (body == null) {
            throw new ProfileRequestException(ProfileRequestException.PARSE, "request body is required");
        }
        List<String> uids = null;
        PrivilegesToCheck privileges = null;
        Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            List<String> path = List.of(field.getKey());
            JsonNode value = field.getValue();
            switch (field.getKey()) {
                case "uids" -> {
                    if (!value.isArray()) {
                        throw ObjectParserErrors.unsupportedValue(PARSER, path, value);
                    }
                    uids = new ArrayList<>();
                    for (JsonNode uid : value) {
                        if (!uid.isTextual()) {
                            throw ObjectParserErrors.unsupportedValue(PARSER, path, uid);
                        }
                        uids.add(uid.asText());
                    }
                }
                case "privileges" -> {
                    if (!value.isObject()) {
                        throw ObjectParserErrors.unsupportedValue(PARSER, path, value);
                    }
                    privileges = PrivilegesToCheck.parse(value, PARSER);
                }
                default -> throw ObjectParserErrors.unknownField(PARSER, path);
            }
        }
        List<String> problems = new ArrayList<>();
        if (uids == null) {
            problems.add("profile uids must not be null");
        } else if (uids.isEmpty()) {
            problems.add("profile uids list must not be empty");
        }
        if (privileges == null) {
            problems.add("privileges to check must not be null");
        } else {
            problems.addAll(privileges.problems());
        }
        if (!problems.isEmpty()) {
            throw ProfileRequestException.validation(problems);
        }
        return new ProfilePrivilegesRequest(uids, privileges);
    }
}
