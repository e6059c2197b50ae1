package dev.entitystore.store.embedded.search;

import dev.entitystore.domain.query.DateValues;
import dev.entitystore.domain.query.NumberText;
import dev.entitystore.domain.query.Query;
import dev.entitystore.domain.query.Wildcards;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.Operations;
import org.apache.lucene.util.automaton.RegExp;

/**
 * The {@link Query} model as Lucene queries over {@link LuceneDocuments}, with Elasticsearch's keyword
 * semantics. Field names are resolved against the reader's {@link FieldCatalog}; a field no entity has
 * matches nothing (an {@code exists} on an object name asks for any field beneath it).
 */
final class LuceneQueryCompiler {
    private final FieldCatalog fields;
    private final long nowMillis;
    /** The space searched: an {@code _id} names a record of it, found by its {@link IndexFields#KEY}. */
    private final String space;

    LuceneQueryCompiler(FieldCatalog fields, long nowMillis, String space) {
        this.fields = fields;
        this.nowMillis = nowMillis;
        this.space = space;
    }

    org.apache.lucene.search.Query compile(Query query) {
        if (query instanceof Query.MatchAll) {
            return new MatchAllDocsQuery();
        }
        if (query instanceof Query.MatchNone) {
            return new MatchNoDocsQuery();
        }
        if (query instanceof Query.Bool bool) {
            return bool(bool);
        }
        if (query instanceof Query.Term term) {
            return term(term);
        }
        if (query instanceof Query.Terms terms) {
            return terms(terms);
        }
        if (query instanceof Query.Exists exists) {
            return exists(exists);
        }
        if (query instanceof Query.Prefix prefix) {
            return perField(prefix.field(), field -> prefix.caseInsensitive()
                    ? regexp(field, Wildcards.literalRegExp(prefix.prefix()) + ".*", true)
                    : new PrefixQuery(new Term(field, prefix.prefix())));
        }
        if (query instanceof Query.Wildcard wildcard) {
            return perField(wildcard.field(), field -> wildcard.caseInsensitive()
                    ? regexp(field, Wildcards.toLuceneRegExp(wildcard.pattern()), true)
                    : new WildcardQuery(new Term(field, wildcard.pattern()), Operations.DEFAULT_DETERMINIZE_WORK_LIMIT));
        }
        if (query instanceof Query.Range range) {
            return range(range);
        }
        if (query instanceof Query.Ids ids) {
            return ids.values().isEmpty() ? new MatchNoDocsQuery() : keys(ids.values());
        }
        throw new IllegalArgumentException("unknown query " + query);
    }

    private org.apache.lucene.search.Query bool(Query.Bool bool) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        // Results are sorted, never scored: required clauses are filters.
        bool.must().forEach(clause -> builder.add(compile(clause), BooleanClause.Occur.FILTER));
        bool.filter().forEach(clause -> builder.add(compile(clause), BooleanClause.Occur.FILTER));
        bool.mustNot().forEach(clause -> builder.add(compile(clause), BooleanClause.Occur.MUST_NOT));
        bool.should().forEach(clause -> builder.add(compile(clause), BooleanClause.Occur.SHOULD));
        int minimum = bool.should().isEmpty() ? 0 : bool.minimumShouldMatch();
        builder.setMinimumNumberShouldMatch(minimum);
        boolean noRequired = bool.must().isEmpty() && bool.filter().isEmpty();
        if (noRequired && minimum == 0) {
            // Lucene would require one should clause, and match nothing with only must_not: Elasticsearch
            // matches everything that is not excluded.
            builder.add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
        }
        return builder.build();
    }

    private org.apache.lucene.search.Query term(Query.Term term) {
        if (term.field().equals("_id")) {
            return new TermQuery(new Term(IndexFields.KEY, IndexFields.keyTerm(space, term.value())));
        }
        List<org.apache.lucene.search.Query> alternatives = new ArrayList<>();
        for (String field : fields.resolve(term.field())) {
            alternatives.add(term.caseInsensitive()
                    ? regexp(field, Wildcards.literalRegExp(term.value()), true)
                    : new TermQuery(new Term(field, term.value())));
            // 5 matches a stored 5.0: numbers compare as numbers.
            Double number = NumberText.parse(term.value());
            if (number != null && fields.hasNumbers(field)) {
                alternatives.add(DoublePoint.newExactQuery(IndexFields.number(field), number));
            }
        }
        return anyOf(alternatives);
    }

    private org.apache.lucene.search.Query terms(Query.Terms terms) {
        if (terms.values().isEmpty()) {
            return new MatchNoDocsQuery();
        }
        if (terms.field().equals("_id")) {
            return keys(terms.values());
        }
        return perField(terms.field(), field -> new TermInSetQuery(field, bytes(terms.values())));
    }

    private org.apache.lucene.search.Query exists(Query.Exists exists) {
        if (exists.field().equals("_id")) {
            return new MatchAllDocsQuery();
        }
        List<String> paths = fields.resolveWithObjects(exists.field());
        return paths.isEmpty() ? new MatchNoDocsQuery() : new TermInSetQuery(IndexFields.PATHS, bytes(paths));
    }

    private org.apache.lucene.search.Query range(Query.Range range) {
        String lower = range.lower() == null ? null : range.lower().value();
        String upper = range.upper() == null ? null : range.upper().value();
        List<org.apache.lucene.search.Query> alternatives = new ArrayList<>();
        boolean numeric = (lower == null || NumberText.parse(lower) != null) && (upper == null || NumberText.parse(upper) != null);
        for (String field : fields.resolve(range.field())) {
            if (numeric) {
                if (fields.hasNumbers(field)) {
                    alternatives.add(numberRange(field, range));
                }
                if (fields.hasDates(field) && isDateBound(lower) && isDateBound(upper)) {
                    alternatives.add(dateRange(field, range)); // whole numbers on a date are epoch millis
                }
            } else if (isDateBound(lower) && isDateBound(upper)) {
                alternatives.add(fields.hasDates(field) ? dateRange(field, range) : new MatchNoDocsQuery());
            } else {
                alternatives.add(new TermRangeQuery(field, lower == null ? null : new BytesRef(lower),
                        upper == null ? null : new BytesRef(upper),
                        range.lower() == null || range.lower().inclusive(), range.upper() == null || range.upper().inclusive()));
            }
        }
        return anyOf(alternatives);
    }

    private org.apache.lucene.search.Query numberRange(String field, Query.Range range) {
        double low = Double.NEGATIVE_INFINITY;
        double high = Double.POSITIVE_INFINITY;
        if (range.lower() != null) {
            low = NumberText.parse(range.lower().value());
            low = range.lower().inclusive() ? low : Math.nextUp(low);
        }
        if (range.upper() != null) {
            high = NumberText.parse(range.upper().value());
            high = range.upper().inclusive() ? high : Math.nextDown(high);
        }
        return DoublePoint.newRangeQuery(IndexFields.number(field), low, high);
    }

    private org.apache.lucene.search.Query dateRange(String field, Query.Range range) {
        long low = Long.MIN_VALUE;
        long high = Long.MAX_VALUE;
        if (range.lower() != null) {
            // gt rounds up to the end of a rounded unit, gte down to its start (Elasticsearch's date math).
            low = DateValues.parseBound(range.lower().value(), nowMillis, !range.lower().inclusive()).orElseThrow();
            low = range.lower().inclusive() || low == Long.MAX_VALUE ? low : low + 1;
        }
        if (range.upper() != null) {
            high = DateValues.parseBound(range.upper().value(), nowMillis, range.upper().inclusive()).orElseThrow();
            high = range.upper().inclusive() || high == Long.MIN_VALUE ? high : high - 1;
        }
        return LongPoint.newRangeQuery(IndexFields.date(field), low, high);
    }

    private boolean isDateBound(String bound) {
        return bound == null || DateValues.parseBound(bound, nowMillis, false).isPresent();
    }

    private org.apache.lucene.search.Query perField(String field, Function<String, org.apache.lucene.search.Query> build) {
        List<org.apache.lucene.search.Query> alternatives = new ArrayList<>();
        for (String resolved : fields.resolve(field)) {
            alternatives.add(build.apply(resolved));
        }
        return anyOf(alternatives);
    }

    private static org.apache.lucene.search.Query anyOf(List<org.apache.lucene.search.Query> alternatives) {
        if (alternatives.isEmpty()) {
            return new MatchNoDocsQuery();
        }
        if (alternatives.size() == 1) {
            return alternatives.get(0);
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        alternatives.forEach(q -> builder.add(q, BooleanClause.Occur.SHOULD));
        return builder.build();
    }

    private static org.apache.lucene.search.Query regexp(String field, String regexp, boolean caseInsensitive) {
        return new RegexpQuery(new Term(field, regexp), RegExp.ALL, caseInsensitive ? RegExp.ASCII_CASE_INSENSITIVE : 0,
                Operations.DEFAULT_DETERMINIZE_WORK_LIMIT);
    }

    /** The records of the searched space with these ids. */
    private org.apache.lucene.search.Query keys(List<String> ids) {
        List<BytesRef> keys = new ArrayList<>(ids.size());
        for (String id : ids) {
            keys.add(IndexFields.keyTerm(space, id));
        }
        return new TermInSetQuery(IndexFields.KEY, keys);
    }

    private static List<BytesRef> bytes(List<String> values) {
        List<BytesRef> refs = new ArrayList<>(values.size());
        for (String value : values) {
            refs.add(new BytesRef(value));
        }
        return refs;
    }
}
