package dev.entitystore.server.http;

import dev.entitystore.server.error.HttpErrorException;

/**
 * The most items one bulk request may carry (v2 bulk update, v1 bulk upsert). Kibana has no such cap, only
 * its 1 MiB body limit; ours is checked on the parsed request, before any item is validated or written,
 * and worded as Kibana's schema would word an array {@code max}.
 */
public final class BulkItemLimit {
    private final int maxItems;

    public BulkItemLimit(int maxItems) {
        this.maxItems = maxItems;
    }

    /** @throws HttpErrorException 400 {@code [request body]: entities: Too big: ...} above the cap */
    public void check(int items) {
        if (items > maxItems) {
            throw HttpErrorException.badRequest("[request body]: entities: Too big: expected array to have <="
                    + maxItems + " items (the server's bulk limit; send the rest in another request)");
        }
    }
}
