package dev.entitystore.domain.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One user profile: who it belongs to, whether it is enabled, when it was last synchronized with the
 * user's credential, and the applications' {@code labels} and {@code data}, each an object of namespaces.
 * Both backends store it as {@link #toStored()} (Elasticsearch's profile document, flattened one level).
 */
public record UserProfile(String uid, boolean enabled, long lastSynchronized, ProfileUser user,
                          ObjectNode labels, ObjectNode data) {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    public UserProfile {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(user, "user");
        labels = labels == null ? JSON.objectNode() : labels;
        data = data == null ? JSON.objectNode() : data;
    }

    /** A profile just activated: enabled, no labels, no data. */
    static UserProfile activated(String uid, ProfileUser user, Instant now) {
        return new UserProfile(uid, true, now.toEpochMilli(), user, null, null);
    }

    /** Elasticsearch keeps a profile as document {@code profile_<uid>}; its errors name that id. */
    public String documentId() {
        return documentId(uid);
    }

    public static String documentId(String uid) {
        return "profile_" + uid;
    }

    UserProfile withUser(ProfileUser newUser, Instant now) {
        return new UserProfile(uid, true, now.toEpochMilli(), newUser, labels, data);
    }

    UserProfile withEnabled(boolean value) {
        return new UserProfile(uid, value, lastSynchronized, user, labels, data);
    }

    UserProfile withContent(ObjectNode newLabels, ObjectNode newData) {
        return new UserProfile(uid, enabled, lastSynchronized, user, newLabels, newData);
    }

    UserProfile withData(ObjectNode newData) {
        return new UserProfile(uid, enabled, lastSynchronized, user, labels, newData);
    }

    /** The stored form: {@code {uid, enabled, last_synchronized, user:{...}, labels, application_data}}. */
    public ObjectNode toStored() {
        ObjectNode stored = JSON.objectNode();
        stored.put("uid", uid).put("enabled", enabled).put("last_synchronized", lastSynchronized);
        stored.set("user", userJson());
        stored.set("labels", labels);
        stored.set("application_data", data);
        return stored;
    }

    /** The {@code user} object as Elasticsearch shows it (no {@code full_name}/{@code email} when unknown). */
    public ObjectNode userJson() {
        ObjectNode json = JSON.objectNode();
        json.put("username", user.username());
        ArrayNode roles = json.putArray("roles");
        user.roles().forEach(roles::add);
        json.put("realm_name", user.realmName());
        if (user.email() != null) {
            json.put("email", user.email());
        }
        if (user.fullName() != null) {
            json.put("full_name", user.fullName());
        }
        return json;
    }

    /** Reads {@link #toStored()}'s form back. */
    public static UserProfile fromStored(ObjectNode stored) {
        JsonNode user = stored.path("user");
        List<String> roles = new ArrayList<>();
        user.path("roles").forEach(role -> roles.add(role.asText()));
        ProfileUser owner = new ProfileUser(user.path("username").asText(), roles, user.path("realm_name").asText(),
                textOrNull(user.get("full_name")), textOrNull(user.get("email")));
        return new UserProfile(stored.path("uid").asText(), stored.path("enabled").asBoolean(true),
                stored.path("last_synchronized").asLong(), owner, objectOrEmpty(stored.get("labels")),
                objectOrEmpty(stored.get("application_data")));
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static ObjectNode objectOrEmpty(JsonNode node) {
        return node instanceof ObjectNode object ? object : JSON.objectNode();
    }
}
