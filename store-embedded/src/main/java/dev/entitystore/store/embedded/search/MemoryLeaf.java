package dev.entitystore.store.embedded.search;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;

/**
 * A {@link org.apache.lucene.index.memory.MemoryIndex} record as the main index would hold it. A
 * MemoryIndex indexes every field with frequencies, positions and norms; the entity fields are keywords
 * (docs only, no norms), other fields are not indexed at all (which a MemoryIndex does not tell apart),
 * and {@code addIndexes} refuses a field whose options differ from main's. Its field infos are those of
 * the document as main holds it, which is all the postings are read for.
 */
final class MemoryLeaf extends FilterLeafReader {
    private final FieldInfos fieldInfos;

    /** @param doc the document {@code in} holds: which of its fields are indexed (the MemoryIndex does not say) */
    MemoryLeaf(LeafReader in, Document doc) {
        super(in);
        Set<String> indexedFields = new HashSet<>();
        for (IndexableField field : doc) {
            if (field.fieldType().indexOptions() != IndexOptions.NONE) {
                indexedFields.add(field.name());
            }
        }
        FieldInfo[] infos = new FieldInfo[in.getFieldInfos().size()];
        int i = 0;
        for (FieldInfo info : in.getFieldInfos()) {
            boolean indexed = indexedFields.contains(info.name);
            infos[i++] = new FieldInfo(info.name, info.number, false, indexed || info.omitsNorms(), false,
                    indexed ? IndexOptions.DOCS : IndexOptions.NONE, info.getDocValuesType(), info.getDocValuesGen(),
                    info.attributes(), info.getPointDimensionCount(), info.getPointIndexDimensionCount(),
                    info.getPointNumBytes(), info.getVectorDimension(), info.getVectorEncoding(),
                    info.getVectorSimilarityFunction(), info.isSoftDeletesField(), info.isParentField());
        }
        this.fieldInfos = new FieldInfos(infos);
    }

    @Override
    public FieldInfos getFieldInfos() {
        return fieldInfos;
    }

    @Override
    public NumericDocValues getNormValues(String field) throws IOException {
        return null; // keywords have no norms
    }

    @Override
    public CacheHelper getCoreCacheHelper() {
        return null;
    }

    @Override
    public CacheHelper getReaderCacheHelper() {
        return null;
    }
}
