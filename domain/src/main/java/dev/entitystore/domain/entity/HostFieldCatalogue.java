package dev.entitystore.domain.entity;

import static dev.entitystore.domain.entity.FieldListBuilder.FORCE_ONLY;
import static dev.entitystore.domain.entity.FieldListBuilder.under;

import java.util.List;

/** The host type's own destinations, all writable only with {@code force}. */
final class HostFieldCatalogue {
    static final List<FieldDefinition> FIELDS = new FieldListBuilder()
            .newest(FORCE_ONLY, "entity.name")
            .oldest("host.entity.id")
            .collect(FORCE_ONLY, under("host",
                    "name", "domain", "hostname", "id", "os.name", "os.type", "ip", "mac", "type",
                    "architecture"))
            .collect(FORCE_ONLY, under("host.geo",
                    "name", "postal_code", "region_iso_code", "region_name", "timezone"))
            .newest(FORCE_ONLY, under("host",
                    "boot.id", "cpu.usage", "disk.read.bytes", "disk.write.bytes",
                    "network.egress.bytes", "network.egress.packets",
                    "network.ingress.bytes", "network.ingress.packets",
                    "uptime", "pid_ns_ino"))
            .newest(FORCE_ONLY, under("host.os", "family", "full", "kernel", "platform", "version"))
            .newest(FORCE_ONLY, under("host.geo",
                    "city_name", "continent_code", "continent_name", "country_iso_code", "country_name"))
            .build();

    private HostFieldCatalogue() {
    }
}
