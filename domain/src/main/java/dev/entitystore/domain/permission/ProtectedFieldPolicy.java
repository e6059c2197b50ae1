package dev.entitystore.domain.permission;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.document.Flattener;
import dev.entitystore.domain.entity.EntityDefinition;
import dev.entitystore.domain.entity.FieldDefinition;
import dev.entitystore.domain.error.FieldsNotAllowedException;
import dev.entitystore.domain.error.FieldsNotAllowedException.Reason;
import dev.entitystore.domain.error.FieldsNotAllowedException.Wording;
import java.util.ArrayList;
import java.util.List;

/**
 * Field-permission validation of updates. The document's leaf paths are checked in document
 * order; {@code entity.id} and the type's identity source fields are skipped (they address the entity,
 * they do not change it). Paths the definition does not know fail first; then known paths whose
 * definition does not allow API updates. {@code force} skips both checks. Create never calls this.
 * <p>
 * Both API generations use this one policy; they differ only in wording ({@link Wording}).
 */
public final class ProtectedFieldPolicy {
    static final String ENTITY_ID = "entity.id";

    /** Throws {@link FieldsNotAllowedException} when the document may not be written as asked. */
    public void check(EntityDefinition definition, ObjectNode doc, boolean force, Wording wording) {
        if (force) {
            return;
        }
        List<String> unknown = new ArrayList<>();
        List<String> restricted = new ArrayList<>();
        Flattener.forEachLeaf(doc, (path, value) -> {
            if (ENTITY_ID.equals(path) || definition.isIdentitySourceField(path)) {
                return;
            }
            FieldDefinition field = definition.field(path).orElse(null);
            if (field == null) {
                unknown.add(path);
            } else if (!field.allowApiUpdate()) {
                restricted.add(path);
            }
        });
        if (!unknown.isEmpty()) {
            throw failure(Reason.UNKNOWN, wording, unknown);
        }
        if (!restricted.isEmpty()) {
            throw failure(Reason.RESTRICTED, wording, restricted);
        }
    }

    private static FieldsNotAllowedException failure(Reason reason, Wording wording, List<String> paths) {
        return new FieldsNotAllowedException(reason, wording, paths,
                FieldPermissionMessages.message(reason, wording, paths), null);
    }
}
