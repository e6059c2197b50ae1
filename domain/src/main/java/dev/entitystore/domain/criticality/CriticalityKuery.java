package dev.entitystore.domain.criticality;

import dev.entitystore.domain.query.KqlParser;
import dev.entitystore.domain.query.Query;
import dev.entitystore.domain.query.Wildcards;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A list's {@code kuery}, written against Kibana's criticality record, turned into a query over entity
 * records: each record field stands for the entity fields it is read from. {@code id_value} is any of the
 * identity fields; {@code id_field} is decided per value ({@code host.name} is a host with a name;
 * {@code entity.id} one addressed by neither name). A field the record does not have matches nothing.
 */
final class CriticalityKuery {
    static final String LEVEL = "asset.criticality";
    private static final String TYPE = "entity.EngineMetadata.Type";
    private static final List<String> NAMES = List.of("host.name", "user.name", "service.name");
    private static final Map<String, List<String>> FIELDS = Map.ofEntries(
            Map.entry("criticality_level", List.of(LEVEL)),
            Map.entry(LEVEL, List.of(LEVEL)),
            Map.entry("host.asset.criticality", List.of(LEVEL)),
            Map.entry("user.asset.criticality", List.of(LEVEL)),
            Map.entry("service.asset.criticality", List.of(LEVEL)),
            Map.entry("entity.asset.criticality", List.of(LEVEL)),
            Map.entry("@timestamp", List.of("@timestamp")),
            Map.entry("host.name", List.of("host.name")),
            Map.entry("user.name", List.of("user.name")),
            Map.entry("service.name", List.of("service.name")),
            Map.entry("entity.id", List.of("entity.id")),
            Map.entry("id_value", List.of("host.name", "user.name", "service.name", "entity.id")));
    private static final List<String> ID_FIELDS = List.of("host.name", "user.name", "service.name", "entity.id");

    private CriticalityKuery() {
    }

    /** Entities with a criticality that {@code kuery} (blank: any) selects. */
    static Query parse(String kuery) {
        Query hasLevel = new Query.Exists(LEVEL);
        if (kuery == null || kuery.isBlank()) {
            return hasLevel;
        }
        return Query.Bool.and(List.of(hasLevel, rewrite(KqlParser.parse(kuery))));
    }

    private static Query rewrite(Query query) {
        if (query instanceof Query.Bool bool) {
            return new Query.Bool(all(bool.must()), all(bool.filter()), all(bool.should()), all(bool.mustNot()),
                    bool.minimumShouldMatch());
        }
        if (query instanceof Query.Term term) {
            return leaf(term.field(), f -> new Query.Term(f, term.value(), term.caseInsensitive()),
                    v -> term.caseInsensitive() ? v.equalsIgnoreCase(term.value()) : v.equals(term.value()));
        }
        if (query instanceof Query.Terms terms) {
            return leaf(terms.field(), f -> new Query.Terms(f, terms.values()), terms.values()::contains);
        }
        if (query instanceof Query.Exists exists) {
            return leaf(exists.field(), Query.Exists::new, v -> true);
        }
        if (query instanceof Query.Prefix prefix) {
            return leaf(prefix.field(), f -> new Query.Prefix(f, prefix.prefix(), prefix.caseInsensitive()),
                    v -> v.startsWith(prefix.prefix()));
        }
        if (query instanceof Query.Wildcard wildcard) {
            return leaf(wildcard.field(), f -> new Query.Wildcard(f, wildcard.pattern(), wildcard.caseInsensitive()),
                    v -> Wildcards.toRegex(wildcard.pattern()).matcher(v).matches());
        }
        if (query instanceof Query.Range range) {
            return leaf(range.field(), f -> new Query.Range(f, range.lower(), range.upper()), v -> false);
        }
        return query; // MatchAll, MatchNone, Ids: not about a field
    }

    private static List<Query> all(List<Query> clauses) {
        List<Query> rewritten = new ArrayList<>(clauses.size());
        clauses.forEach(clause -> rewritten.add(rewrite(clause)));
        return rewritten;
    }

    /**
     * One leaf: over each entity field the record field (or pattern) stands for, OR-ed; {@code id_field} by
     * testing its four possible values with {@code matchesIdField}.
     */
    private static Query leaf(String field, Function<String, Query> on, Predicate<String> matchesIdField) {
        List<Query> alternatives = new ArrayList<>();
        Pattern names = Wildcards.toRegex(field);
        for (Map.Entry<String, List<String>> entry : FIELDS.entrySet()) {
            if (field.equals(Query.ALL_FIELDS) ? !entry.getKey().equals("id_value") : names.matcher(entry.getKey()).matches()) {
                entry.getValue().forEach(target -> alternatives.add(on.apply(target)));
            }
        }
        if (names.matcher("id_field").matches() && !field.equals(Query.ALL_FIELDS)) {
            for (String idField : ID_FIELDS) {
                if (matchesIdField.test(idField)) {
                    alternatives.add(addressedBy(idField));
                }
            }
        }
        if (alternatives.isEmpty()) {
            return new Query.MatchNone();
        }
        return alternatives.size() == 1 ? alternatives.get(0) : Query.Bool.or(alternatives);
    }

    private static Query addressedBy(String idField) {
        if (idField.equals("entity.id")) {
            List<Query> named = new ArrayList<>();
            NAMES.forEach(name -> named.add(addressedBy(name)));
            return Query.Bool.not(Query.Bool.or(named));
        }
        String type = idField.substring(0, idField.indexOf('.'));
        return Query.Bool.and(List.of(new Query.Term(TYPE, type), new Query.Exists(idField)));
    }
}
