package dev.entitystore.bench.durability;

import dev.entitystore.bench.records.EntityRecords;
import dev.entitystore.domain.entity.EntityType;
import java.util.ArrayList;
import java.util.List;

/** One entity the crash test writes to: its type, its number among the kit's records, its EUID. */
record Target(EntityType type, int number, String id) {

    /** {@code perType} entities of each type, numbered from 0. */
    static List<Target> population(int perType) {
        List<Target> targets = new ArrayList<>();
        for (EntityType type : EntityType.values()) {
            EntityRecords records = EntityRecords.of(type);
            for (int n = 0; n < perType; n++) {
                targets.add(new Target(type, n, records.euid(n)));
            }
        }
        return List.copyOf(targets);
    }
}
