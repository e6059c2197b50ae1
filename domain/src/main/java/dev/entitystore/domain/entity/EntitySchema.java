package dev.entitystore.domain.entity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The strict request schema of an entity body: Kibana's union of four members, each member
 * widened by its type's definition destinations (product rules §3.12), so keys the schema and the definitions
 * disagree on are accepted and left to field permissions. As in Kibana the union is not tied to the
 * route's type: a body is valid when any member accepts it.
 */
public final class EntitySchema {
    private static final EntitySchema STANDARD = new EntitySchema(false);
    private static final EntitySchema LEGACY = new EntitySchema(true);

    /** One member's rules by leaf path, and the paths of the objects above them. */
    private record Member(Map<String, ValueRule> leaves, Set<String> objects) {
    }

    /** A rejected key or value: the dotted path (empty at the root) and what is wrong. */
    public record Issue(String path, String message, int unknownKeys) {
        public Issue(String path, String message) {
            this(path, message, 0);
        }

        @Override
        public String toString() {
            return path.isEmpty() ? message : path + ": " + message;
        }
    }

    private final Map<EntityType, Member> members = new EnumMap<>(EntityType.class);
    private final Map<EntityType, Set<String>> schemaOnly = new EnumMap<>(EntityType.class);

    private EntitySchema(boolean legacy) {
        Map<EntityType, Map<String, ValueRule>> schemaMembers = new EnumMap<>(EntityType.class);
        for (EntityType type : EntityType.values()) {
            schemaMembers.put(type, legacy
                    ? LegacyRequestSchemaCatalogue.widen(RequestSchemaCatalogue.member(type))
                    : RequestSchemaCatalogue.member(type));
        }
        for (EntityType type : EntityType.values()) {
            Map<String, ValueRule> leaves = new LinkedHashMap<>(schemaMembers.get(type));
            Set<String> only = new HashSet<>(leaves.keySet());
            EntityDefinition definition = legacy ? EntityDefinitions.legacyOf(type) : EntityDefinitions.of(type);
            for (FieldDefinition field : definition.fields()) {
                only.remove(field.path());
                leaves.putIfAbsent(field.path(), typedElsewhere(schemaMembers, field.path()));
            }
            only.removeIf(path -> leaves.get(path).isFreeObject());
            Set<String> objects = new HashSet<>();
            for (String path : leaves.keySet()) {
                for (int dot = path.indexOf('.'); dot >= 0; dot = path.indexOf('.', dot + 1)) {
                    objects.add(path.substring(0, dot));
                }
            }
            members.put(type, new Member(Collections.unmodifiableMap(leaves), objects));
            schemaOnly.put(type, Collections.unmodifiableSet(only));
        }
    }

    /**
     * The rule for a definition destination this member's schema lacks: the type another member's schema
     * gives the same path (the user definition's {@code host.name} is the host schema's string), so that the
     * union never accepts a value of the wrong JSON type through a definition; otherwise any non-null value.
     */
    private static ValueRule typedElsewhere(Map<EntityType, Map<String, ValueRule>> schemaMembers, String path) {
        for (Map<String, ValueRule> member : schemaMembers.values()) {
            ValueRule rule = member.get(path);
            if (rule != null) {
                return rule;
            }
        }
        return ValueRule.ANY;
    }

    /** The member's leaves the request schema types (for tests that try each with a wrong JSON type). */
    Map<String, ValueRule> typedLeaves(EntityType type) {
        Map<String, ValueRule> typed = new LinkedHashMap<>();
        members.get(type).leaves().forEach((path, rule) -> {
            if (rule.isTyped()) {
                typed.put(path, rule);
            }
        });
        return typed;
    }

    public static EntitySchema standard() {
        return STANDARD;
    }

    /**
     * The legacy v1 schema: the current one plus v1's own keys ({@link LegacyRequestSchemaCatalogue}). Where
     * v1 has a flat list and v2 an object (e.g. {@code entity.relationships.owns}), either shape is valid.
     */
    public static EntitySchema legacy() {
        return LEGACY;
    }

    /**
     * The problems of an unflattened body, empty when some member accepts it. Otherwise the problems of
     * the member closest to accepting it: fewest unknown keys, then fewest issues, the route's type first
     * among equals.
     */
    public List<Issue> issues(ObjectNode doc, EntityType routeType) {
        List<Issue> best = issuesAgainst(members.get(routeType), doc);
        for (EntityType type : EntityType.values()) {
            if (best.isEmpty()) {
                return best;
            }
            if (type != routeType) {
                List<Issue> candidate = issuesAgainst(members.get(type), doc);
                if (isCloser(candidate, best)) {
                    best = candidate;
                }
            }
        }
        return best;
    }

    private static boolean isCloser(List<Issue> candidate, List<Issue> best) {
        int unknown = unknownKeys(candidate);
        int bestUnknown = unknownKeys(best);
        return unknown < bestUnknown || (unknown == bestUnknown && candidate.size() < best.size());
    }

    private static int unknownKeys(List<Issue> issues) {
        int count = 0;
        for (Issue issue : issues) {
            count += issue.unknownKeys();
        }
        return count;
    }

    /** Whether the type's member of the union accepts a leaf at this path. */
    public boolean accepts(EntityType type, String path) {
        Member member = members.get(type);
        if (member.leaves().containsKey(path)) {
            return true;
        }
        for (int dot = path.lastIndexOf('.'); dot > 0; dot = path.lastIndexOf('.', dot - 1)) {
            ValueRule rule = member.leaves().get(path.substring(0, dot));
            if (rule != null) {
                return rule.isFreeObject();
            }
        }
        return false;
    }

    /** Leaf paths of the request schema that are no destination of the type's definition. */
    public Set<String> schemaOnlyPaths(EntityType type) {
        return schemaOnly.get(type);
    }

    private static List<Issue> issuesAgainst(Member member, ObjectNode doc) {
        List<Issue> issues = new ArrayList<>();
        walk(member, doc, "", issues);
        return issues;
    }

    private static void walk(Member member, ObjectNode node, String prefix, List<Issue> issues) {
        List<String> unknown = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            JsonNode value = field.getValue();
            ValueRule rule = member.leaves().get(path);
            // A path that is a leaf in one generation and an object in the other (v1's flat relationship
            // lists) takes either shape; a free-form object stays free-form.
            boolean objectOfOtherShape = rule != null && !rule.isFreeObject() && value.isObject()
                    && member.objects().contains(path);
            if (rule != null && !objectOfOtherShape) {
                rule.check(path, value, (p, message) -> issues.add(new Issue(p, message)));
            } else if (member.objects().contains(path)) {
                if (value.isObject()) {
                    walk(member, (ObjectNode) value, path, issues);
                } else {
                    issues.add(new Issue(path, "Invalid input: expected object, received " + ValueRule.typeOf(value)));
                }
            } else {
                unknown.add(field.getKey());
            }
        }
        if (!unknown.isEmpty()) {
            StringBuilder message = new StringBuilder(unknown.size() == 1 ? "Unrecognized key: " : "Unrecognized keys: ");
            for (int i = 0; i < unknown.size(); i++) {
                message.append(i == 0 ? "" : ", ").append('"').append(unknown.get(i)).append('"');
            }
            issues.add(new Issue(prefix, message.toString(), unknown.size()));
        }
    }
}
