package dev.entitystore.domain.query;

import java.util.List;
import java.util.Objects;

/**
 * One query model for both filter languages (KQL and the query DSL): what a storage adapter compiles
 * into its own engine. The semantics are those of Elasticsearch on a keyword mapping: values compare
 * exactly and case-sensitively, a multi-valued field matches when any of its values does.
 *
 * <p>A field is a dotted path ({@code host.name}). It may contain {@code *} (a pattern over field names),
 * be {@link #ALL_FIELDS} (any field, as KQL's bare values), or name an object, which stands for every
 * field beneath it (as Elasticsearch expands object fields in {@code exists}).
 */
public sealed interface Query {
    /** Any field: KQL's value without a field, {@code query_string} without a default field. */
    String ALL_FIELDS = "*";

    /** Every entity. */
    record MatchAll() implements Query {}

    /** No entity. */
    record MatchNone() implements Query {}

    /**
     * Elasticsearch's {@code bool}: every {@code must} and {@code filter} clause, no {@code mustNot}
     * clause, and at least {@code minimumShouldMatch} of the {@code should} clauses.
     */
    record Bool(List<Query> must, List<Query> filter, List<Query> should, List<Query> mustNot,
                int minimumShouldMatch) implements Query {
        public Bool {
            must = List.copyOf(must);
            filter = List.copyOf(filter);
            should = List.copyOf(should);
            mustNot = List.copyOf(mustNot);
        }

        public static Bool and(List<Query> clauses) {
            return new Bool(List.of(), clauses, List.of(), List.of(), 0);
        }

        public static Bool or(List<Query> clauses) {
            return new Bool(List.of(), List.of(), clauses, List.of(), 1);
        }

        public static Bool not(Query clause) {
            return new Bool(List.of(), List.of(), List.of(), List.of(clause), 0);
        }
    }

    /** The field has exactly this value (numbers and booleans in their JSON text form). */
    record Term(String field, String value, boolean caseInsensitive) implements Query {
        public Term {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(value, "value");
        }

        public Term(String field, String value) {
            this(field, value, false);
        }
    }

    /** The field has one of these values. */
    record Terms(String field, List<String> values) implements Query {
        public Terms {
            Objects.requireNonNull(field, "field");
            values = List.copyOf(values);
        }
    }

    /** The field has a value (for an object: some field beneath it has). */
    record Exists(String field) implements Query {
        public Exists {
            Objects.requireNonNull(field, "field");
        }
    }

    /** A value of the field starts with {@code prefix}. */
    record Prefix(String field, String prefix, boolean caseInsensitive) implements Query {
        public Prefix {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(prefix, "prefix");
        }
    }

    /**
     * A value of the field matches {@code pattern}, in Elasticsearch's wildcard syntax: {@code *} any run
     * of characters, {@code ?} one character, {@code \} escapes the next one.
     */
    record Wildcard(String field, String pattern, boolean caseInsensitive) implements Query {
        public Wildcard {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(pattern, "pattern");
        }
    }

    /**
     * A value of the field lies in the range. Bounds are numbers when given as JSON numbers or numeric
     * text, dates when ISO-8601 or date math ({@code now-1d/d}), otherwise compared as strings.
     */
    record Range(String field, RangeBound lower, RangeBound upper) implements Query {
        public Range {
            Objects.requireNonNull(field, "field");
        }
    }

    /** One end of a {@link Range}; {@code null} for an open end. */
    record RangeBound(String value, boolean inclusive) {
        public RangeBound {
            Objects.requireNonNull(value, "value");
        }
    }

    /** The entity's {@code _id} is one of these. */
    record Ids(List<String> values) implements Query {
        public Ids {
            values = List.copyOf(values);
        }
    }
}
