package dev.entitystore.domain.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code data} parameter of a profile read: Elasticsearch's source-filtering includes applied to the
 * application data. A pattern names a dotted path ({@code app1}, {@code app1.key1}) and {@code *} matches
 * any characters, dots included ({@code app*}, {@code *}). No pattern returns nothing.
 */
public final class ProfileDataFilter {
    private final List<Pattern> patterns;

    private ProfileDataFilter(List<Pattern> patterns) {
        this.patterns = patterns;
    }

    /** From the comma-separated parameter; null or blank selects nothing. */
    public static ProfileDataFilter parse(String parameter) {
        List<Pattern> patterns = new ArrayList<>();
        if (parameter != null) {
            for (String part : parameter.split(",")) {
                String pattern = part.strip();
                if (!pattern.isEmpty()) {
                    patterns.add(WildcardPattern.compile(pattern));
                }
            }
        }
        return new ProfileDataFilter(List.copyOf(patterns));
    }

    public ObjectNode apply(ObjectNode data) {
        return patterns.isEmpty() ? JsonNodeFactory.instance.objectNode() : filter(data, "");
    }

    private ObjectNode filter(ObjectNode object, String prefix) {
        ObjectNode kept = JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String path = prefix + field.getKey();
            if (matchesWhole(path)) {
                kept.set(field.getKey(), field.getValue().deepCopy());
            } else if (field.getValue() instanceof ObjectNode child && mayMatchInside(path + ".")) {
                ObjectNode inner = filter(child, path + ".");
                if (!inner.isEmpty()) {
                    kept.set(field.getKey(), inner);
                }
            }
        }
        return kept;
    }

    private boolean matchesWhole(String path) {
        return patterns.stream().anyMatch(p -> p.matcher(path).matches());
    }

    /** Whether some pattern could match a path that starts with {@code prefix} (the matcher ran out of input). */
    private boolean mayMatchInside(String prefix) {
        for (Pattern pattern : patterns) {
            Matcher matcher = pattern.matcher(prefix);
            if (matcher.matches() || matcher.hitEnd()) {
                return true;
            }
        }
        return false;
    }
}
