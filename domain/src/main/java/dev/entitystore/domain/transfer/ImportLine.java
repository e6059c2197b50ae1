package dev.entitystore.domain.transfer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.entity.EntityType;

/** One line of an import body: its 1-based line number and either the item or why it is not one. */
record ImportLine(long line, EntityType type, ObjectNode doc, String error) {
    static ImportLine item(long line, EntityType type, ObjectNode doc) {
        return new ImportLine(line, type, doc, null);
    }

    static ImportLine failed(long line, String error) {
        return new ImportLine(line, null, null, error);
    }
}
