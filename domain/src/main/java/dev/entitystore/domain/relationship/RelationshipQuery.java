package dev.entitystore.domain.relationship;

/**
 * Which relationships of an entity, in which order, which page (Kibana's query set). Every field may be
 * {@code null}: no filter, or the default.
 */
public record RelationshipQuery(Integer page, Integer perPage, String sortField, Boolean descending, String kind,
                                String target, String from, String to) {
}
