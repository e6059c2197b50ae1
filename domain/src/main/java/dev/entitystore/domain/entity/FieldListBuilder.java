package dev.entitystore.domain.entity;

import java.util.ArrayList;
import java.util.List;

/** Keeps the catalogues readable: one line per row of the spec's field tables. */
final class FieldListBuilder {
    static final boolean API = true;
    static final boolean FORCE_ONLY = false;

    private final List<FieldDefinition> fields = new ArrayList<>();

    FieldListBuilder collect(int maxLength, boolean allowApiUpdate, String... paths) {
        return add(Retention.collect(maxLength), allowApiUpdate, paths);
    }

    FieldListBuilder collect(boolean allowApiUpdate, String... paths) {
        return collect(Retention.DEFAULT_COLLECT_LENGTH, allowApiUpdate, paths);
    }

    FieldListBuilder newest(boolean allowApiUpdate, String... paths) {
        return add(Retention.newest(), allowApiUpdate, paths);
    }

    /** Kibana never lets the API update an oldest-value field without force. */
    FieldListBuilder oldest(String... paths) {
        return add(Retention.oldest(), FORCE_ONLY, paths);
    }

    List<FieldDefinition> build() {
        return List.copyOf(fields);
    }

    private FieldListBuilder add(Retention retention, boolean allowApiUpdate, String... paths) {
        for (String path : paths) {
            fields.add(new FieldDefinition(path, retention, allowApiUpdate));
        }
        return this;
    }

    /** {@code prefix.a}, {@code prefix.b}, ... */
    static String[] under(String prefix, String... leaves) {
        String[] paths = new String[leaves.length];
        for (int i = 0; i < leaves.length; i++) {
            paths[i] = prefix + "." + leaves[i];
        }
        return paths;
    }
}
