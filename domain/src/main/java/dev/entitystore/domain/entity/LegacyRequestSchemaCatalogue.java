package dev.entitystore.domain.entity;

import java.util.List;
import java.util.Map;

/**
 * The keys the legacy v1 request schema knows beyond the current one (the published v1 pages, e.g. the
 * bulk-upsert example): v1's boolean attributes and behaviours, its relationship kinds as flat string
 * arrays, and {@code entity.source} as a single string. Added to the current schema so that a v1 body is
 * valid if either generation's schema accepts it; field permissions then decide (product rules §3.12, §3.13).
 */
final class LegacyRequestSchemaCatalogue {
    /** v1's relationship kinds, each a flat list of related entity ids. */
    static final List<String> RELATIONSHIP_KINDS = List.of(
            "accessed_frequently_by", "accesses_frequently", "accesses_infrequently", "communicates_with",
            "dependent_of", "depends_on", "owned_by", "owns", "supervised_by", "supervises");

    private LegacyRequestSchemaCatalogue() {
    }

    /** Adds v1's keys to one member of the current schema; v1's rule wins where both name a leaf. */
    static Map<String, ValueRule> widen(Map<String, ValueRule> member) {
        member.put("entity.source", ValueRule.STRING_OR_ARRAY);
        member.put("entity.attributes.privileged", ValueRule.BOOLEAN);
        for (String behavior : List.of("brute_force_victim", "new_country_login", "used_usb_device")) {
            member.put("entity.behaviors." + behavior, ValueRule.BOOLEAN);
        }
        for (String kind : RELATIONSHIP_KINDS) {
            member.put("entity.relationships." + kind, ValueRule.STRING_ARRAY);
        }
        return member;
    }
}
