package dev.entitystore.domain.permission;

import dev.entitystore.domain.error.FieldsNotAllowedException.Reason;
import dev.entitystore.domain.error.FieldsNotAllowedException.Wording;
import java.util.List;

/**
 * The texts of field-permission failures, exactly as Kibana words them (product rules §3.6):
 * <pre>
 * v2 unknown:    Bad request: The following attributes are not allowed to be updated: [a, b]
 * v2 restricted: Bad request: The following attributes are not allowed to be updated without forcing it (?force=true): a, b
 * v1 unknown:    The following attributes are not allowed to be updated: a, b
 * v1 restricted: The following attributes are not allowed to be updated without forcing it (?force=true): a, b
 * </pre>
 */
public final class FieldPermissionMessages {
    static final String V2_PREFIX = "Bad request: ";
    static final String UNKNOWN = "The following attributes are not allowed to be updated: ";
    static final String RESTRICTED =
            "The following attributes are not allowed to be updated without forcing it (?force=true): ";

    private FieldPermissionMessages() {
    }

    public static String message(Reason reason, Wording wording, List<String> paths) {
        String list = String.join(", ", paths);
        if (wording == Wording.V1) {
            return (reason == Reason.UNKNOWN ? UNKNOWN : RESTRICTED) + list;
        }
        return reason == Reason.UNKNOWN
                ? V2_PREFIX + UNKNOWN + "[" + list + "]"
                : V2_PREFIX + RESTRICTED + list;
    }
}
