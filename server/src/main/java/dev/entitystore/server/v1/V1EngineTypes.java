package dev.entitystore.server.v1;

import dev.entitystore.api.model.V1EngineEntityType;
import dev.entitystore.domain.engine.legacy.LegacyEngineType;
import dev.entitystore.server.error.HttpErrorException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Translates v1 engine types (path, body and the {@code entityTypes} query) into the domain's. */
final class V1EngineTypes {
    private V1EngineTypes() {
    }

    static LegacyEngineType toDomain(V1EngineEntityType type) {
        return LegacyEngineType.fromWireName(type.toString()).orElseThrow(
                () -> new IllegalArgumentException("no legacy engine type for " + type));
    }

    /** {@code null} stays {@code null} ("every type" to enable). */
    static List<LegacyEngineType> toDomain(List<V1EngineEntityType> types) {
        if (types == null) {
            return null;
        }
        List<LegacyEngineType> domain = new ArrayList<>();
        types.forEach(type -> domain.add(toDomain(type)));
        return domain;
    }

    /**
     * The {@code entityTypes} query of delete-many: repeated or comma-separated values; an unknown one
     * answers Kibana's schema form with the item's position.
     */
    static List<LegacyEngineType> fromQuery(String parameter, List<String> values) {
        List<LegacyEngineType> types = new ArrayList<>();
        if (values == null) {
            return types;
        }
        List<String> items = values.stream().flatMap(v -> Arrays.stream(v.split(",", -1))).toList();
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i).trim();
            final int position = i;
            types.add(LegacyEngineType.fromWireName(item).orElseThrow(() -> HttpErrorException.badRequest(
                    "[request query]: " + parameter + "." + position + ": " + invalidOption())));
        }
        return types;
    }

    private static String invalidOption() {
        return "Invalid option: expected one of "
                + Arrays.stream(V1EngineEntityType.values()).map(t -> "\"" + t + "\"").collect(Collectors.joining("|"));
    }
}
