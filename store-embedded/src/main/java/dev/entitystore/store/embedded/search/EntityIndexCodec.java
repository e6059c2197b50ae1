package dev.entitystore.store.embedded.search;

import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.PostingsFormat;
import org.apache.lucene.codecs.bloom.BloomFilteringPostingsFormat;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;

/**
 * Lucene's default codec with a bloom filter on the update keys and small stored-field chunks.
 *
 * <p>Every write looks its key up in every segment, twice: to hide the older copy from searches until
 * the next refresh ({@link SearchView}), and when the refresh resolves the write's delete term. A key is
 * in at most one segment, so nearly every lookup misses, and without a filter each miss reads and
 * decodes a block of the terms dictionary from disk. The filter answers most misses from memory (about
 * a byte per key).
 *
 * <p>Small stored-field chunks: The only stored field is each entity's id, read
 * for every hit of a page; the default packs ~80 KB into one compressed block with a shared dictionary,
 * so each read would decompress the whole block (measured when whole records were stored: ~2 ms per
 * listed entity), while chunks of 8 KB with plain LZ4 cost microseconds. Registered by name (Java service
 * file), as Lucene reads the codec back by name.
 */
public final class EntityIndexCodec extends FilterCodec {
    public static final String NAME = "EntityStore912";

    private final StoredFieldsFormat storedFields = new Lucene90CompressingStoredFieldsFormat(
            "EntityStoreStoredFields", CompressionMode.FAST, 8 * 1024, 8, 10);

    public EntityIndexCodec() {
        super(NAME, new Lucene912Codec() {
            private final PostingsFormat keys = new BloomFilteringPostingsFormat(super.getPostingsFormatForField(IndexFields.KEY));

            @Override
            public PostingsFormat getPostingsFormatForField(String field) {
                return IndexFields.KEY.equals(field) ? keys : super.getPostingsFormatForField(field);
            }
        });
    }

    @Override
    public StoredFieldsFormat storedFieldsFormat() {
        return storedFields;
    }
}
