package dev.entitystore.domain.relationship;

import java.util.List;

/** One page of an entity's relationships, with how many match in all. */
public record RelationshipPage(List<RelationshipRecord> records, long total, int page, int perPage) {
    public RelationshipPage {
        records = List.copyOf(records);
    }
}
