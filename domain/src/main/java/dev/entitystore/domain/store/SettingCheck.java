package dev.entitystore.domain.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A per-space setting a write depends on (e.g. "is the space installed?"), and what to do with it: {@code
 * verify} is given the setting as stored (or its absence) and throws to refuse the write. Handed to
 * {@link EntityStore#merge(String, String, SettingCheck, EntityMerge)}, which reads the setting together
 * with the record, so a remote store asks once for both.
 */
public record SettingCheck(String key, Consumer<Optional<ObjectNode>> verify) {
    public SettingCheck {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(verify, "verify");
    }
}
