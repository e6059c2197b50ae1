package dev.entitystore.domain.profile;

import java.util.List;
import java.util.Map;

/**
 * The answer to a read of several uids: the profiles found (data already filtered), in the order asked,
 * and for each uid not found why, as Elasticsearch reports it ({@code type} and {@code reason}).
 */
public record ProfileLookup(List<VersionedProfile> profiles, Map<String, Failure> errors) {
    public record Failure(String type, String reason) {
    }

    public ProfileLookup {
        profiles = List.copyOf(profiles);
        errors = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(errors));
    }
}
