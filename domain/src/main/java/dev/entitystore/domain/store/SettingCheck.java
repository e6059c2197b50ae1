package dev.entitystore.domain.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Per-space settings a write depends on (e.g. "is the space installed?", "is this type's engine started?"),
 * and what to do with them: {@code verify} is given the settings of {@code keys} as stored, by key (a key
 * with no setting is absent from the map), and throws to refuse the write. Handed to
 * {@link EntityStore#merge(String, String, SettingCheck, EntityMerge)}, which reads the settings together
 * with the record, so a remote store asks once for all of them.
 */
public record SettingCheck(List<String> keys, Consumer<Map<String, ObjectNode>> verify) {
    public SettingCheck {
        keys = List.copyOf(keys);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a setting check names at least one key");
        }
        Objects.requireNonNull(verify, "verify");
    }

    /** A check of one setting, given as stored or absent. */
    public SettingCheck(String key, Consumer<Optional<ObjectNode>> verify) {
        this(List.of(Objects.requireNonNull(key, "key")), read(key, Objects.requireNonNull(verify, "verify")));
    }

    private static Consumer<Map<String, ObjectNode>> read(String key, Consumer<Optional<ObjectNode>> verify) {
        return settings -> verify.accept(Optional.ofNullable(settings.get(key)));
    }
}
