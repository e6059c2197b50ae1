package dev.entitystore.domain.write;

import dev.entitystore.domain.error.BulkItemRef;
import dev.entitystore.domain.error.StoreUnavailableException;
import java.util.ArrayList;
import java.util.List;

/**
 * Names the items of a failed bulk for a user. A store names records by storage id, a SHA-256 nobody
 * can read back; each id the failure's message names gets its items' positions and EUIDs beside it
 * ({@code <id> (item 3: host:web-01)}), and the failure lists them ({@link StoreUnavailableException#items()}).
 */
final class BulkFailureNames {
    private BulkFailureNames() {
    }

    /** {@code docIds} and {@code euids} are the bulk's items, in request order. */
    static StoreUnavailableException named(StoreUnavailableException failure, List<String> docIds, List<String> euids) {
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        List<BulkItemRef> named = new ArrayList<>();
        List<String> done = new ArrayList<>();
        for (int i = 0; i < docIds.size(); i++) {
            String docId = docIds.get(i);
            if (done.contains(docId) || !message.contains(docId)) {
                continue;
            }
            done.add(docId);
            List<String> labels = new ArrayList<>();
            for (int j = i; j < docIds.size(); j++) {
                if (docIds.get(j).equals(docId)) {
                    named.add(new BulkItemRef(j, euids.get(j), docId));
                    labels.add("item " + j + ": " + euids.get(j));
                }
            }
            message = message.replace(docId, docId + " (" + String.join(", ", labels) + ")");
        }
        if (named.isEmpty()) {
            return failure;
        }
        named.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return new StoreUnavailableException(message, failure, named);
    }
}
