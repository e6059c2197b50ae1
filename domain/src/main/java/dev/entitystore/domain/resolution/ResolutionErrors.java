package dev.entitystore.domain.resolution;

import dev.entitystore.domain.error.EntityNotFoundException;
import dev.entitystore.domain.error.InvalidRequestException;
import java.util.Collection;

/** Kibana's resolution texts, word for word, in one place. */
public final class ResolutionErrors {
    private ResolutionErrors() {
    }

    static InvalidRequestException selfLink(String id) {
        return new InvalidRequestException("Cannot link entity '" + id + "' to itself.");
    }

    /** Link and unlink: Kibana's newest build answers 400 (earlier ones 404), see docs/decisions.md. */
    static InvalidRequestException notFound(Collection<String> ids) {
        return new InvalidRequestException(notFoundText(ids));
    }

    /** Group: still 404 in every build. */
    static EntityNotFoundException groupMemberNotFound(String id) {
        return new EntityNotFoundException(notFoundText(java.util.List.of(id)));
    }

    static InvalidRequestException mixedTypes(Collection<String> types) {
        return new InvalidRequestException("All entities must be of the same type. Found types: " + list(types));
    }

    static String alreadyResolvedText(String id, String target) {
        return "Entity '" + id + "' is already resolved to '" + target
                + "'. Unlink it first before linking to a new target.";
    }

    static String hasAliasesText(String id, Collection<String> aliases) {
        return "Entity '" + id + "' has aliases " + list(aliases)
                + ". Unlink them first before linking this entity as an alias.";
    }

    /** Another writer changed a member between the checks and the write: nothing was written. */
    static ResolutionChangedException changedUnderneath(String id) {
        return new ResolutionChangedException("Entity '" + id
                + "' changed while it was being linked or unlinked; nothing was written. Retry the request.");
    }

    private static String notFoundText(Collection<String> ids) {
        return "Entities not found: " + list(ids);
    }

    private static String list(Collection<String> values) {
        return "[" + String.join(", ", values) + "]";
    }
}
