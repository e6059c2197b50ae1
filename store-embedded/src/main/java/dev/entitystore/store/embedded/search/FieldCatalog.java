package dev.entitystore.store.embedded.search;

import dev.entitystore.domain.query.Wildcards;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * The record fields an index reader holds, for resolving the field names of a query: exact names,
 * patterns ({@code host.*}), all fields ({@code *}), and object names ({@code host}) that stand for the
 * fields beneath them. Built once per reader (after each refresh), as a mapping would be consulted.
 * It also knows whether the reader holds one space only, the usual case: a search of that space then
 * needs no space clause, which saves a term lookup per segment and lets a count read the live-document
 * total instead of walking a posting list of every entity.
 */
final class FieldCatalog {
    private final TreeSet<String> keywords = new TreeSet<>();
    private final Set<String> numbers = new HashSet<>();
    private final Set<String> dates = new HashSet<>();
    /** The space of every entity in the reader, or {@code null} when it holds several (or none). */
    private String soleSpace;

    private FieldCatalog() {
    }

    static FieldCatalog of(IndexReader reader) {
        FieldCatalog catalog = new FieldCatalog();
        for (FieldInfo info : FieldInfos.getMergedFieldInfos(reader)) {
            String name = info.name;
            if (name.startsWith(IndexFields.NUMBER_PREFIX)) {
                catalog.numbers.add(name.substring(IndexFields.NUMBER_PREFIX.length()));
            } else if (name.startsWith(IndexFields.DATE_PREFIX)) {
                catalog.dates.add(name.substring(IndexFields.DATE_PREFIX.length()));
            } else if (!IndexFields.isInternal(name)) {
                catalog.keywords.add(name);
            }
        }
        catalog.soleSpace = soleSpace(reader);
        return catalog;
    }

    /** The one {@link IndexFields#SPACE} term of every segment, or null when segments hold several or differ. */
    private static String soleSpace(IndexReader reader) {
        BytesRef sole = null;
        try {
            for (LeafReaderContext leaf : reader.leaves()) {
                Terms terms = leaf.reader().terms(IndexFields.SPACE);
                TermsEnum spaces = terms == null ? null : terms.iterator();
                BytesRef next = spaces == null ? null : spaces.next();
                if (next == null) {
                    continue;
                }
                BytesRef first = BytesRef.deepCopyOf(next); // the enum reuses its BytesRef
                if (spaces.next() != null || (sole != null && !sole.equals(first))) {
                    return null; // a deleted space's term stays until merged away: then the clause stays too
                }
                sole = first;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the search index's spaces could not be read: " + e.getMessage(), e);
        }
        return sole == null ? null : sole.utf8ToString();
    }

    /** Whether every entity this reader holds is in {@code space}. */
    boolean holdsOnly(String space) {
        return space.equals(soleSpace);
    }

    /** The keyword fields a query field names: itself, or those its pattern matches. */
    List<String> resolve(String field) {
        if (field.equals("*")) {
            return new ArrayList<>(keywords);
        }
        if (isPattern(field)) {
            Pattern pattern = Wildcards.toRegex(field);
            List<String> matching = new ArrayList<>();
            for (String name : keywords) {
                if (pattern.matcher(name).matches()) {
                    matching.add(name);
                }
            }
            return matching;
        }
        return keywords.contains(field) ? List.of(field) : List.of();
    }

    /** Like {@link #resolve}, and an object name stands for every field beneath it. */
    List<String> resolveWithObjects(String field) {
        List<String> resolved = resolve(field);
        if (!resolved.isEmpty() || isPattern(field)) {
            return resolved;
        }
        String prefix = field + ".";
        return new ArrayList<>(keywords.subSet(prefix, prefix + Character.MAX_VALUE));
    }

    boolean hasNumbers(String field) {
        return numbers.contains(field);
    }

    boolean hasDates(String field) {
        return dates.contains(field);
    }

    private static boolean isPattern(String field) {
        return field.indexOf('*') >= 0;
    }
}
