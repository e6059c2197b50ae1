package dev.entitystore.domain.resolution.rule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.document.Flattener;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kibana's built-in resolution rules (its newest list: ids, kinds, which ship enabled), with what each
 * compares on our user records. All are user rules: only user records carry these fields.
 */
public final class BuiltInRules {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final Pattern UPN = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    /** A domain account's SID: S-1-5-21-<three sub-authorities>-<RID>. */
    private static final Pattern DOMAIN_SID = Pattern.compile("(?i)S-1-5-21-\\d+-\\d+-\\d+-(\\d+)");
    private static final Pattern GUID = Pattern.compile(
            "(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** RIDs under 1000 are the domain's well-known accounts and groups (Administrator 500, Guest 501, ...). */
    private static final int FIRST_ORDINARY_RID = 1000;
    private static final List<String> SOURCE_FIELDS =
            List.of("entity.source", "event.module", "data_stream.dataset", "entity.namespace");

    public static final List<ResolutionRule> ALL = List.of(
            rule("email_exact_match", ResolutionRule.SAME_FIELD,
                    "Links user entities that share an email address (user.email), compared case-insensitively, "
                            + "across identity providers. Disable if shared mailboxes or role accounts produce false links.",
                    MatchKeys.of(List.of("user.email"), matches(EMAIL))),
            rule("windows_sid_bridge", ResolutionRule.SAME_FIELD,
                    "Links user entities that carry the same Windows domain account SID in user.id, across sources. "
                            + "Well-known SIDs (built-in accounts and groups) are ignored.",
                    MatchKeys.of(List.of("user.id"), BuiltInRules::isOrdinaryDomainSid)),
            rule("entra_guid_bridge", ResolutionRule.SAME_FIELD,
                    "Links user entities whose user.id is the same GUID-shaped Entra ID object id, such as the "
                            + "Microsoft 365 Defender and Entra ID records of one person.",
                    MatchKeys.of(List.of("user.id"), matches(GUID))),
            rule("crowdstrike_sid_bridge", ResolutionRule.SAME_FIELD,
                    "Links a CrowdStrike user entity to the user entities that carry the same Windows domain account "
                            + "SID in user.id. Numeric Linux UIDs and well-known SIDs are ignored.",
                    new MatchKeys(List.of("user.id"), BuiltInRules::isOrdinaryDomainSid,
                            records -> records.stream().anyMatch(record -> comesFrom(record, "crowdstrike")))),
            rule("upn_cross_field_bridge", ResolutionRule.CROSS_FIELD,
                    "Links user entities where a user principal name (name@domain) in user.id of one equals a user "
                            + "principal name in user.name of another, compared case-insensitively.",
                    MatchKeys.of(List.of("user.id", "user.name"), matches(UPN))),
            new ResolutionRule("related_user_alias_resolution", "related_user_alias_resolution",
                    "Links user entities that an identity provider lists as aliases of one another (related.user). "
                            + "Off by default. Entity records here carry no related.user, so a run links nothing by it.",
                    false, Optional.empty()));

    private BuiltInRules() {
    }

    /** The rule with this id. */
    public static Optional<ResolutionRule> byId(String id) {
        return ALL.stream().filter(rule -> rule.id().equals(id)).findFirst();
    }

    private static ResolutionRule rule(String id, String kind, String description, MatchKeys keys) {
        return new ResolutionRule(id, kind, description, true, Optional.of(keys));
    }

    private static Predicate<String> matches(Pattern pattern) {
        return value -> pattern.matcher(value).matches();
    }

    static boolean isOrdinaryDomainSid(String value) {
        Matcher sid = DOMAIN_SID.matcher(value);
        if (!sid.matches()) {
            return false;
        }
        String rid = sid.group(1);
        return rid.length() > 9 || Integer.parseInt(rid) >= FIRST_ORDINARY_RID;
    }

    /** Whether one of the record's source fields names {@code source} (e.g. {@code crowdstrike.fdr}). */
    static boolean comesFrom(ObjectNode record, String source) {
        Map<String, JsonNode> leaves = Flattener.flatten(record);
        for (String field : SOURCE_FIELDS) {
            JsonNode value = leaves.get(field);
            if (value != null && value.toString().toLowerCase(Locale.ROOT).contains(source)) {
                return true;
            }
        }
        return false;
    }
}
