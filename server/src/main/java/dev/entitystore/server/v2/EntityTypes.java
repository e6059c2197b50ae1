package dev.entitystore.server.v2;

import dev.entitystore.domain.entity.EntityType;
import dev.entitystore.server.error.HttpErrorException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Translates the generated API's entity types into the domain's, by their wire names. */
public final class EntityTypes {
    private EntityTypes() {}

    public static EntityType toDomain(dev.entitystore.api.model.EntityType type) {
        return EntityType.fromWireName(type.toString()).orElseThrow(
                () -> new IllegalArgumentException("no domain entity type for " + type));
    }

    /**
     * Null or empty means "every type" to the domain, and stays empty. A {@code null} item (JSON
     * {@code [null]}, which Jackson lets through an enum list) is Kibana's schema failure for that item.
     */
    public static List<EntityType> toDomain(List<dev.entitystore.api.model.EntityType> types) {
        List<EntityType> domain = new ArrayList<>();
        if (types != null) {
            for (int i = 0; i < types.size(); i++) {
                if (types.get(i) == null) {
                    throw HttpErrorException.badRequest("[request body]: entityTypes." + i + ": Invalid option: expected one of "
                            + Arrays.stream(dev.entitystore.api.model.EntityType.values()).map(t -> "\"" + t + "\"")
                                    .collect(Collectors.joining("|")));
                }
                domain.add(toDomain(types.get(i)));
            }
        }
        return domain;
    }
}
