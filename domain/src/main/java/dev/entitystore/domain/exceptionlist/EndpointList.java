package dev.entitystore.domain.exceptionlist;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one endpoint exception list (Kibana's {@code endpoint_list}, space-agnostic), created on demand:
 * by its own route, and before any item is written or searched, as Kibana does.
 */
public final class EndpointList {
    public static final String LIST_ID = "endpoint_list";
    static final String NAME = "Endpoint Security Exception List";

    private final ExceptionListStore store;
    private final ListClock clock;
    private final Supplier<String> ids;

    public EndpointList(ExceptionListStore store, ListClock clock, Supplier<String> ids) {
        this.store = store;
        this.clock = clock;
        this.ids = ids;
    }

    /** The list as created, or empty when it existed already (Kibana then answers {@code {}}). */
    public Optional<ObjectNode> create(ListActor actor) {
        if (store.get(LIST_ID).isPresent()) {
            return Optional.empty();
        }
        String now = clock.now();
        ObjectNode a = ListClock.JSON.objectNode();
        a.put("created_at", now);
        a.put("created_by", actor.user());
        a.put("description", NAME);
        a.put("immutable", false);
        a.put(StoredListObject.LIST_ID, LIST_ID);
        a.put(StoredListObject.LIST_TYPE, "list");
        a.put("name", NAME);
        a.putArray("os_types");
        a.putArray("tags");
        a.put("tie_breaker_id", ids.get());
        a.put("type", "endpoint");
        a.put("updated_at", now);
        a.put("updated_by", actor.user());
        a.put("version", 1);
        return store.create(LIST_ID, a).map(ListObjectViews::list);
    }

    /** Creates the list unless it exists (a concurrent creation is as good). */
    void ensure(ListActor actor) {
        create(actor);
    }
}
