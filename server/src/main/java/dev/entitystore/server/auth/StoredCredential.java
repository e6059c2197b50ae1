package dev.entitystore.server.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;

/**
 * One entry of the credentials file: an API key (id, a name for people, the hash of its secret) or a
 * user (id = user name, the hash of its password), with what it may do. Never holds a secret in clear.
 * {@code profile_data} lists the user-profile namespaces (patterns, {@code *} a wildcard) it may write
 * without being an admin; {@code full_name} and {@code email} describe a user in their profile.
 */
public record StoredCredential(
        @JsonProperty("type") Kind kind,
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("hash") String hash,
        @JsonProperty("spaces") List<String> spaces,
        @JsonProperty("write") boolean write,
        @JsonProperty("admin") boolean admin,
        @JsonProperty("created") String created,
        @JsonProperty("profile_data") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> profileData,
        @JsonProperty("full_name") @JsonInclude(JsonInclude.Include.NON_NULL) String fullName,
        @JsonProperty("email") @JsonInclude(JsonInclude.Include.NON_NULL) String email) {

    public enum Kind {
        API_KEY, USER;

        @com.fasterxml.jackson.annotation.JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }

        @com.fasterxml.jackson.annotation.JsonCreator
        public static Kind fromJson(String value) {
            return Kind.valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    public StoredCredential {
        if (kind == null || id == null || id.isBlank() || id.contains(":")) {
            throw new IllegalArgumentException("each credential needs a type and an id without ':'");
        }
        PasswordHasher.requireWellFormed(hash);
        spaces = spaces == null ? List.of() : List.copyOf(spaces);
        grants(spaces, write, admin);
        profileData = profileData == null ? List.of() : List.copyOf(profileData);
    }

    public SpaceGrants grants() {
        return grants(spaces, write, admin);
    }

    private static SpaceGrants grants(List<String> spaces, boolean write, boolean admin) {
        return new SpaceGrants(spaces, write, admin);
    }

    /** How a person reads it: {@code api key 'ci' (id 1f2e...)} or {@code user 'alice'}. */
    public String describe() {
        return kind == Kind.API_KEY ? "api key '" + name + "' (id " + id + ")" : "user '" + id + "'";
    }
}
