package dev.entitystore.store.embedded.search;

import dev.entitystore.domain.query.Wildcards;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;

/**
 * The record fields an index reader holds, for resolving the field names of a query: exact names,
 * patterns ({@code host.*}), all fields ({@code *}), and object names ({@code host}) that stand for the
 * fields beneath them. Built once per reader (after each refresh), as a mapping would be consulted.
 */
final class FieldCatalog {
    private final TreeSet<String> keywords = new TreeSet<>();
    private final Set<String> numbers = new HashSet<>();
    private final Set<String> dates = new HashSet<>();

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
        return catalog;
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
