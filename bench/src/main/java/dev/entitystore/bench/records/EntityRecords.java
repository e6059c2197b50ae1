package dev.entitystore.bench.records;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.entity.EntityType;
import java.util.Random;

/**
 * Realistic records of one entity type for load runs, numbered 0..N-1: entity {@code n} always has the
 * same identity (so a pre-filled store can be updated by number), the rest varies with the random source.
 */
public interface EntityRecords {
    EntityType type();

    /** The body a client sends to create entity {@code n} (~1 KB once stored). */
    ObjectNode create(int n, Random random);

    /**
     * An update of entity {@code n}, identified by its identity fields: attributes, behaviours and
     * relationships, all writable without {@code force}.
     */
    ObjectNode update(int n, Random random);

    /** The EUID of entity {@code n}, as the server derives it. */
    String euid(int n);

    /** The records of {@code type}. */
    static EntityRecords of(EntityType type) {
        return switch (type) {
            case HOST -> new HostRecords();
            case USER -> new UserRecords();
            case SERVICE -> new ServiceRecords();
            case GENERIC -> new GenericRecords();
        };
    }
}
