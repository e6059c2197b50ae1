package dev.entitystore.domain.resolution.rule;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.store.EntityStore;
import java.util.List;
import java.util.Map;

/**
 * The built-in rules and whether each is enabled in a space. A space keeps only its overrides, one setting
 * per rule (so enabling one rule never races with disabling another), and they survive restarts; a rule
 * without an override has its default.
 */
public final class ResolutionRules {
    private static final String KEY_PREFIX = "resolution-rule:";

    private final EntityStore store;

    public ResolutionRules(EntityStore store) {
        this.store = store;
    }

    /** A rule and whether it is enabled in the space asked about. */
    public record RuleState(ResolutionRule rule, boolean enabled) {
    }

    /** Every built-in rule, in Kibana's order, with its state in the space. */
    public List<RuleState> list(String space) {
        Map<String, ObjectNode> settings = store.settings(space);
        return BuiltInRules.ALL.stream().map(rule -> new RuleState(rule, enabledIn(settings, rule))).toList();
    }

    /** The rules enabled in the space. */
    public List<ResolutionRule> enabled(String space) {
        return list(space).stream().filter(RuleState::enabled).map(RuleState::rule).toList();
    }

    public RuleState enable(String space, String id) {
        return set(space, id, true);
    }

    public RuleState disable(String space, String id) {
        return set(space, id, false);
    }

    private RuleState set(String space, String id, boolean enabled) {
        ResolutionRule rule = BuiltInRules.byId(id).orElseThrow(() -> new ResolutionRuleMissingException(id));
        store.putSetting(space, KEY_PREFIX + id, JsonNodeFactory.instance.objectNode().put("enabled", enabled));
        return new RuleState(rule, enabled);
    }

    private static boolean enabledIn(Map<String, ObjectNode> settings, ResolutionRule rule) {
        ObjectNode override = settings.get(KEY_PREFIX + rule.id());
        return override != null && override.path("enabled").isBoolean()
                ? override.path("enabled").booleanValue()
                : rule.enabledByDefault();
    }
}
