package dev.entitystore.store.embedded.search;

import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;

/**
 * Lucene's default codec with small stored-field chunks. The only stored field is each entity's id, read
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
        super(NAME, new Lucene912Codec());
    }

    @Override
    public StoredFieldsFormat storedFieldsFormat() {
        return storedFields;
    }
}
