package dev.entitystore.domain.census;

import java.util.List;

/**
 * The spaces that hold entity records, as a store knows them cheaply (the embedded store walks its
 * primary key's distinct spaces, OpenSearch lists its entity indices): never a scan of the records.
 */
public interface SpaceDirectory {
    /** Every space with at least one record (a space emptied lately may still be listed), in name order. */
    List<String> spacesWithEntities();
}
