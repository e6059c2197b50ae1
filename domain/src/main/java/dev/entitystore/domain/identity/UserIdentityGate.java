package dev.entitystore.domain.identity;

import java.util.Set;

/**
 * Kibana's user filters, evaluated on one document: which documents are local
 * accounts, and which may form a user entity at all ({@code documentsFilter} and {@code postAggFilter}).
 * Conditions read the first value of a field; Kibana's {@code includes} is a substring test.
 */
final class UserIdentityGate {
    static final String LOCAL = "local";

    /** System and service accounts that never form a local user. */
    static final Set<String> EXCLUDED_LOCAL_USER_NAMES = Set.of(
            "root", "bin", "daemon", "sys", "nobody", "jenkins", "ansible", "deploy", "terraform",
            "gitlab-runner", "postgres", "mysql", "redis", "elasticsearch", "kafka", "admin", "operator",
            "service");

    private UserIdentityGate() {
    }

    /** A non-IdP document with a user name on a known host, not a system account. */
    static boolean hasLocalShape(DocumentView view) {
        String userName = view.value("user.name");
        return userName != null
                && view.isPresent("host.id")
                && !EXCLUDED_LOCAL_USER_NAMES.contains(userName);
    }

    /** An identity-provider event: an asset record, or an IAM user/creation/deletion/group event. */
    static boolean isIdpEvent(DocumentView view) {
        if (includes(view, "event.kind", "asset")) {
            return true;
        }
        return includes(view, "event.category", "iam")
                && (includes(view, "event.type", "user")
                        || includes(view, "event.type", "creation")
                        || includes(view, "event.type", "deletion")
                        || includes(view, "event.type", "group"));
    }

    /** The local path: not an IdP event and of local shape (then namespace {@code local}). */
    static boolean isLocal(DocumentView view) {
        return !isIdpEvent(view) && hasLocalShape(view);
    }

    /** {@code documentsFilter} ∧ {@code postAggFilter}: false means no EUID. */
    static boolean admits(DocumentView view) {
        return passesDocumentsFilter(view) && passesPostAggregationFilter(view);
    }

    private static boolean passesDocumentsFilter(DocumentView view) {
        if ("failure".equals(view.value("event.outcome"))) {
            return false;
        }
        boolean idpShape = !"enrichment".equals(view.value("event.kind"))
                && (view.isPresent("user.email") || view.isPresent("user.id") || view.isPresent("user.name"));
        return idpShape || hasLocalShape(view);
    }

    private static boolean passesPostAggregationFilter(DocumentView view) {
        // An entity id in the body stands for "already in the store": the only arm a CRUD body can meet
        // when it carries no event fields.
        return view.isPresent("entity.id") || isIdpEvent(view) || hasLocalShape(view);
    }

    private static boolean includes(DocumentView view, String field, String fragment) {
        String value = view.value(field);
        return value != null && value.contains(fragment);
    }
}
