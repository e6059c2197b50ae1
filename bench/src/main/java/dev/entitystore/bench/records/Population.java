package dev.entitystore.bench.records;

import dev.entitystore.domain.entity.EntityType;
import java.util.Arrays;
import java.util.List;

/**
 * The N entities of a load run, numbered 0..N-1 across the chosen types in turn: entity {@code k} is of
 * type {@code types[k % types]}, and is that type's record number {@code k}. A pre-fill and the load that
 * follows agree on every identity through this numbering alone.
 */
public record Population(List<EntityRecords> types, int size) {

    /** {@code "host"} or {@code "host,user,service,generic"} (or {@code "all"}). */
    public static Population of(String types, int size) {
        List<EntityRecords> records = "all".equals(types)
                ? Arrays.stream(EntityType.values()).map(EntityRecords::of).toList()
                : Arrays.stream(types.split(",")).map(String::trim)
                        .map(name -> EntityType.fromWireName(name).orElseThrow(() -> new IllegalArgumentException("unknown entity type " + name)))
                        .map(EntityRecords::of).toList();
        return new Population(records, size);
    }

    public EntityRecords recordsOf(int k) {
        return types.get(k % types.size());
    }

    public String[] typeNames() {
        return types.stream().map(r -> r.type().wireName()).toArray(String[]::new);
    }
}
