package dev.entitystore.domain.resolution.rule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.document.Flattener;
import dev.entitystore.domain.query.Query;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a rule compares: the values of some fields of a record that have the rule's shape, lower-cased (so
 * they compare case-insensitively), and the query that finds every record carrying one of them. Two records
 * sharing a key belong together by this rule.
 *
 * @param fields     the flattened paths read (more than one for a cross-field rule)
 * @param shape      which values count (an email, a domain SID, a GUID, a UPN)
 * @param groupTest  whether a set of records sharing a key may be linked (e.g. one of them comes from the
 *                   source the rule bridges)
 */
public record MatchKeys(List<String> fields, Predicate<String> shape, Predicate<List<ObjectNode>> groupTest) {
    public MatchKeys {
        fields = List.copyOf(fields);
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(groupTest, "groupTest");
    }

    /** Keys of every value of the fields, for any group of records. */
    public static MatchKeys of(List<String> fields, Predicate<String> shape) {
        return new MatchKeys(fields, shape, records -> true);
    }

    /** The record's keys: each value of the fields with the rule's shape, lower-cased. */
    public Set<String> keysOf(ObjectNode source) {
        Set<String> keys = new LinkedHashSet<>();
        Map<String, JsonNode> leaves = Flattener.flatten(source);
        for (String field : fields) {
            JsonNode value = leaves.get(field);
            if (value == null) {
                continue;
            }
            if (value.isArray()) {
                value.forEach(element -> add(element, keys));
            } else {
                add(value, keys);
            }
        }
        return keys;
    }

    /** Records with any of {@code keys} in any of the fields (case-insensitively). */
    public Query recordsWith(Collection<String> keys) {
        List<Query> clauses = new ArrayList<>(keys.size() * fields.size());
        for (String field : fields) {
            for (String key : keys) {
                clauses.add(new Query.Term(field, key, true));
            }
        }
        return Query.Bool.or(clauses);
    }

    /** Whether these records, which share a key, may be linked by the rule. */
    public boolean accepts(List<ObjectNode> records) {
        return groupTest.test(records);
    }

    private void add(JsonNode value, Set<String> keys) {
        if (value.isTextual() && !value.textValue().isBlank() && shape.test(value.textValue())) {
            keys.add(value.textValue().toLowerCase(Locale.ROOT));
        }
    }
}
