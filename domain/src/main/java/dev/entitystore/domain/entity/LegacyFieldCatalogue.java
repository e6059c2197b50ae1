package dev.entitystore.domain.entity;

import static dev.entitystore.domain.entity.FieldListBuilder.API;
import static dev.entitystore.domain.entity.FieldListBuilder.under;

import java.util.List;

/**
 * The destinations Kibana's v1 definitions had beyond the current ones (Kibana 9.3 and before): the
 * attribute {@code privileged}, three behaviours, and relationships as flat lists of ids. v1 let the API
 * write them without {@code force}; the lifecycle dates it kept restricted, as the current definitions do.
 * Keys are the published pages' lower-case ones (product rules §3.13: stored as sent, no capitalising).
 */
final class LegacyFieldCatalogue {
    static final List<FieldDefinition> FIELDS = build();

    private LegacyFieldCatalogue() {
    }

    private static List<FieldDefinition> build() {
        FieldListBuilder b = new FieldListBuilder()
                .newest(API, "entity.attributes.privileged")
                .newest(API, under("entity.behaviors", "brute_force_victim", "new_country_login", "used_usb_device"));
        for (String kind : LegacyRequestSchemaCatalogue.RELATIONSHIP_KINDS) {
            b.collect(API, "entity.relationships." + kind);
        }
        return b.build();
    }
}
